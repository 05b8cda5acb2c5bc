/**
 * Puppet literals. Every value that reaches a generated manifest goes through these functions,
 * so no user value can end a string early or start an interpolation.
 *
 * Strings are single-quoted when that is exact and puppet-lint accepts it: inside single quotes
 * Puppet knows only `\\` and `\'`, so escaping every backslash and quote is enough. Anything
 * with a control or invisible character, or with `${` (which puppet-lint reports as a variable
 * in single quotes), is double-quoted, where `\`, `"` and `$` are escaped and the control
 * characters written as `\n`, `\t`, `\r` or `\u{...}`.
 */

/** A puppet-lint check that a literal trips although it is exact; the manifest exempts it. */
export type LintCheck = 'double_quoted_strings' | 'puppet_url_without_modules';

/** Raw Puppet code placed as is: a variable, a function call, a resource reference. */
export class PuppetCode {
  constructor(readonly code: string) {}
}

/** A hash literal; keys are strings, in the order given. */
export class PuppetHash {
  constructor(readonly entries: readonly (readonly [string, PuppetValue])[]) {}
}

/** A value to write as Puppet: `null` is `undef`. */
export type PuppetValue =
  string | number | boolean | null | PuppetCode | PuppetHash | readonly PuppetValue[];

// Characters that are written as escapes: C0 and C1 controls, DEL, the Unicode line and
// paragraph separators, zero-width and bidirectional formatting characters, and the BOM. The
// last ones are harmless to Puppet but would hide text from a reviewer.
const escapedCharacter =
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
const escapedCharacters = new RegExp(escapedCharacter.source, 'gu');

const shortEscapes: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

// Text that single quotes carry as it is: most values, so this is the fast path.
const plainText =
  /^[^\\'$\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]*$/;

// What puppet-lint's double_quoted_strings check accepts as a reason for double quotes.
const lintAcceptedEscape = /\\\$|\\"|\\'|'|\\t|\\s|\\n|\\\\/;

/**
 * The Puppet literal that evaluates to exactly `value`. A value with a single quote may read
 * better double-quoted (`"it's"`); the shorter of the two forms is taken, single on a tie.
 */
export function puppetString(value: string): string {
  if (plainText.test(value)) return `'${value}'`;
  if (needsDoubleQuotes(value)) return doubleQuoted(value);
  const single = singleQuoted(value);
  if (!value.includes("'")) return single;
  const double = doubleQuoted(value);
  return double.length < single.length ? double : single;
}

function needsDoubleQuotes(value: string): boolean {
  return escapedCharacter.test(value) || value.includes('${');
}

function singleQuoted(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function doubleQuoted(value: string): string {
  let body = value
    .replace(/[\\"$]/g, (c) => `\\${c}`)
    .replace(escapedCharacters, (c) => shortEscapes[c] ?? unicodeEscape(c));
  // puppet-lint wants a visible reason for double quotes; `\s` is Puppet's escape for a space.
  if (!lintAcceptedEscape.test(body)) body = body.replace(/ /g, '\\s');
  return `"${body}"`;
}

function unicodeEscape(character: string): string {
  return `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`;
}

/**
 * The puppet-lint checks a literal from `puppetString` trips: a double-quoted string whose only
 * escapes are ones the check does not count (`\r`, `\u{...}`), and a string that starts like a
 * `puppet://` URL outside `modules/`. Both are exact Puppet; the manifest wraps its body in a
 * `lint:ignore` block for them.
 */
export function lintChecksTripped(literal: string): LintCheck[] {
  if (literal.startsWith("'") && !literal.startsWith("'puppet://")) return [];
  const checks: LintCheck[] = [];
  const body = literal.slice(1, -1);
  if (literal.startsWith('"') && !lintAcceptedEscape.test(body)) {
    checks.push('double_quoted_strings');
  }
  const url = /^puppet:\/\/.*?\/(.+)/.exec(body);
  if (body.startsWith('puppet://') && !url?.[1]?.startsWith('modules/')) {
    checks.push('puppet_url_without_modules');
  }
  return checks;
}

export function puppetInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a Puppet integer`);
  return String(value);
}

/** A finite number as Puppet reads it: `1.5`, `-3`, `2.0e-07`. */
export function puppetNumber(value: number): string {
  if (Number.isInteger(value) && Number.isSafeInteger(value)) return String(value);
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a Puppet number`);
  const text = String(value).replace('e+', 'e');
  // Puppet's exponent form needs a fraction: `1e21` is written `1.0e21`.
  return /^-?\d+e/.test(text) ? text.replace('e', '.0e') : text;
}

export function puppetBoolean(value: boolean): string {
  return value ? 'true' : 'false';
}

/** A resource reference such as `Docker::Run['web']`. */
export function puppetReference(type: string, title: string): PuppetCode {
  return new PuppetCode(`${type}[${puppetString(title)}]`);
}

/** How `renderPuppet` lays a value out. */
export interface RenderOptions {
  /** The indentation of the line the value starts on; continuation lines are relative to it. */
  indent: string;
  /** Collects the lint checks that string literals trip (see `lintChecksTripped`). */
  trips?: Set<LintCheck>;
}

/** Longest string literal kept on one line; longer ones become `join([...])` of pieces. */
const longLiteral = 72;
/** Longest array written on one line. */
const inlineArray = 64;

/**
 * Writes a value as Puppet code. Arrays and hashes of more than one short item go one item to
 * a line with a trailing comma, hash arrows aligned as puppet-lint wants; strings too long for
 * puppet-lint's 140-column limit are split into pieces joined at run time.
 */
export function renderPuppet(value: PuppetValue, options: RenderOptions): string {
  return render(value, options.indent, options.trips);
}

function render(value: PuppetValue, indent: string, trips: Set<LintCheck> | undefined): string {
  if (typeof value === 'string') return renderString(value, indent, trips);
  if (value === null) return 'undef';
  if (typeof value === 'number') return puppetNumber(value);
  if (typeof value === 'boolean') return puppetBoolean(value);
  if (value instanceof PuppetCode) return value.code;
  if (value instanceof PuppetHash) return renderHash(value, indent, trips);
  return renderArray(value as readonly PuppetValue[], indent, trips);
}

function renderString(value: string, indent: string, trips: Set<LintCheck> | undefined): string {
  const literal = puppetString(value);
  if (literal.length <= longLiteral) return tripped(literal, trips);

  const inner = `${indent}  `;
  const pieces = splitText(value).map((piece) => `${inner}${tripped(puppetString(piece), trips)},`);
  return ['join([', ...pieces, `${indent}])`].join('\n');
}

function tripped(literal: string, trips: Set<LintCheck> | undefined): string {
  if (trips) for (const check of lintChecksTripped(literal)) trips.add(check);
  return literal;
}

/**
 * Cuts text into pieces whose literals stay short, preferring to cut after a space. Pieces are
 * cut between code points, so an escape never straddles two pieces.
 */
function splitText(value: string): string[] {
  const characters = Array.from(value);
  const pieces: string[] = [];
  let start = 0;
  while (start < characters.length) {
    let end = start;
    let width = 2;
    let lastSpace = -1;
    while (end < characters.length) {
      const cost = puppetString(characters[end]!).length - 2;
      if (width + cost > longLiteral - 8 && end > start) break;
      width += cost;
      if (characters[end] === ' ') lastSpace = end;
      end++;
    }
    if (end < characters.length && lastSpace > start + (end - start) / 2) end = lastSpace + 1;
    pieces.push(characters.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

function renderArray(
  items: readonly PuppetValue[],
  indent: string,
  trips: Set<LintCheck> | undefined,
): string {
  if (items.length === 0) return '[]';
  const inner = `${indent}  `;
  const rendered = items.map((item) => render(item, inner, trips));
  if (rendered.length === 1 && !rendered[0]!.includes('\n')) return `[${rendered[0]}]`;
  const oneLine = `[${rendered.join(', ')}]`;
  if (!oneLine.includes('\n') && oneLine.length <= inlineArray) return oneLine;
  return ['[', ...rendered.map((item) => `${inner}${item},`), `${indent}]`].join('\n');
}

function renderHash(hash: PuppetHash, indent: string, trips: Set<LintCheck> | undefined): string {
  if (hash.entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const keys = hash.entries.map(([key]) => tripped(puppetString(key), trips));
  const width = Math.max(...keys.map((key) => key.length));
  const lines = hash.entries.map(([, value], i) => {
    return `${inner}${keys[i]!.padEnd(width)} => ${render(value, inner, trips)},`;
  });
  return ['{', ...lines, `${indent}}`].join('\n');
}

/**
 * The parameter lines of a resource body: one `name => value,` line each at `options.indent`,
 * the arrows aligned one space after the longest name, as puppet-lint wants.
 */
export function renderAttributes(
  attributes: readonly { readonly name: string; readonly value: PuppetValue }[],
  options: RenderOptions,
): string {
  let width = 0;
  for (const { name } of attributes) width = Math.max(width, name.length);
  const lines: string[] = [];
  for (const { name, value } of attributes) {
    lines.push(
      `${options.indent}${name.padEnd(width)} => ${render(value, options.indent, options.trips)},`,
    );
  }
  return lines.join('\n');
}

/**
 * Text as `#` comment lines, wrapped at `width`. A comment ends at a line break, so every line
 * of the text gets its own `#`, and control characters (which Puppet's lexer may also take as
 * line ends) are shown as `\u{...}` rather than written.
 */
export function puppetComment(text: string, width = 100, prefix = '# '): string[] {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  const visible = normalized.replace(escapedCharacters, (c) => (c === '\n' ? c : unicodeEscape(c)));
  return visible
    .split('\n')
    .flatMap((line) => wrap(line, width - prefix.length))
    .map((line) => (line === '' ? prefix.trimEnd() : `${prefix}${line}`));
}

/** Greedy word wrap; a word longer than the width stays whole on its own line. */
export function wrap(line: string, width: number): string[] {
  const words = line.split(/ +/).filter(Boolean);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  lines.push(current);
  return lines;
}
