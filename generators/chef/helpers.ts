import type { HelperOptions } from 'handlebars';

import type { ChefSecretSource } from '../../model/types.js';
import {
  rubyLiteral,
  rubyNodePath,
  rubyProperty,
  rubyString,
  rubySymbol,
  type RubyValue,
} from '../quote/ruby.js';
import type { Helpers } from '../templates.js';

/** Handlebars passes its options object last; `hash` holds `name=value` arguments. */
const layoutOf = (options: HelperOptions) => {
  const hash = options.hash as { indent?: number; column?: number };
  return { indent: hash.indent ?? 0, column: hash.column ?? hash.indent ?? 0 };
};

/** The Ruby expression that reads a secret on the node, at converge time. */
export function secretExpression(source: ChefSecretSource): string {
  if (source.kind === 'attribute') return rubyNodePath(source.attribute);
  const item = `data_bag_item(${rubyString(source.bag)}, ${rubyString(source.item)})`;
  return `${item}[${rubyString(source.key)}]`;
}

const markdownSpecial = /[\u0000-\u001f\u007f`|]/;

/** Text for a Markdown code span, even when it holds backticks, pipes or line breaks. */
export function markdownCode(text: string): string {
  // Most names and images hold nothing that needs more than the backticks around them.
  if (!markdownSpecial.test(text)) return `\`${text}\``;
  const visible = /[\u0000-\u001f\u007f]/.test(text) ? JSON.stringify(text) : text;
  const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = /^`|`$/.test(visible) ? ` ${visible} ` : visible;
  return `${fence}${padded.replace(/\|/g, '\\|')}${fence}`;
}

/** A comment line's text; the values placed in comments never hold a line break. */
function comment(text: string): string {
  if (/[\r\n\u2028\u2029]/.test(text)) throw new Error(`comment: "${text}" holds a line break`);
  return text;
}

/**
 * The helpers the Chef templates use. Every value reaches Ruby through one of the `rb*`
 * helpers, which quote it; the templates themselves never write a quote around a value. The
 * per-container text, placed thousands of times, is quoted in code.ts with the same functions.
 */
export const chefHelpers: Helpers = {
  /** Any value as a Ruby literal: `{{rb value indent=4}}`. */
  rb: (value: RubyValue, options: HelperOptions) => rubyLiteral(value, layoutOf(options)),

  /** `name value`, with parentheses where Ruby needs them: `{{rbProperty name value indent=4}}`. */
  rbProperty: (name: string, value: RubyValue, options: HelperOptions) =>
    rubyProperty(name, value, layoutOf(options)),

  rbSymbol: (name: string) => rubySymbol(name),

  /** `node['a']['b']`. */
  rbNode: (path: string[]) => rubyNodePath(path),

  rbSecret: (source: ChefSecretSource) => secretExpression(source),

  md: (text: string) => markdownCode(text),

  /** A value placed in a comment, checked to stay on its line. */
  comment: (text: string) => comment(text),

  /** Equality, for choosing between the forms of a tagged union. */
  eq: (a: unknown, b: unknown) => a === b,
};
