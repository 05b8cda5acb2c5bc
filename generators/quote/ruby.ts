/**
 * Ruby literals for generated Chef code. Every value a user wrote reaches Ruby through one of
 * these functions, so that it evaluates to exactly that value and can never end a string early,
 * interpolate (`#{`, `#@`, `#$`) or start code of its own.
 */

/** A value that has a Ruby literal: Hash keys are Strings, Integers beyond 2^53 are bigints. */
export type RubyValue =
  | string
  | number
  | bigint
  | boolean
  | null
  | readonly RubyValue[]
  | { readonly [key: string]: RubyValue };

export interface LayoutOptions {
  /** Indentation of the line the literal starts on, for the lines of a multi-line literal. */
  indent?: number;
  /** The column the literal starts at; a literal that would pass `width` is broken up. */
  column?: number;
  width?: number;
}

const defaultWidth = 100;

/**
 * Characters a reader could not see or that could reorder the text around them (bidirectional
 * controls, "Trojan source"), besides the C0 and C1 controls and DEL. They are written as
 * escapes, which forces the double-quoted form.
 */
const invisible = new Set([
  0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067,
  0x2068, 0x2069, 0xfeff,
]);

function needsEscape(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f) || invisible.has(codePoint);
}

const namedEscapes: Record<number, string> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x23: '\\#',
  0x5c: '\\\\',
};

/** Anything that forces the double-quoted form: the characters `needsEscape` accepts. */
const escapeNeeded =
  /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;
/** Those, and surrogates: a text with none of these takes the fast path. */
const unusual =
  /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const singleQuoteSpecial = /[\\']/g;
/**
 * Text that would interpolate in double quotes. It is safe in single quotes, but readers (and
 * RuboCop's Lint/InterpolationCheck) take it for a mistake there, so it gets double quotes with
 * the `#` escaped, which says plainly that the braces are text.
 */
const looksInterpolated = /#[{@$]/;
/**
 * Any of the above, or a `'` or `\`: text with none of these is written as `'text'`. The
 * quote and backslash join the class of `unusual`, which tests faster than an alternative.
 */
const plainSingleQuoted = new RegExp(
  `${unusual.source.slice(0, -1)}'\\\\]|${looksInterpolated.source}`,
);

function escapeCodePoint(char: string): string {
  const point = char.codePointAt(0)!;
  return namedEscapes[point] ?? (needsEscape(point) ? `\\u{${point.toString(16)}}` : char);
}

function singleQuoted(text: string): string {
  const plain = text.indexOf("'") < 0 && text.indexOf('\\') < 0;
  return `'${plain ? text : text.replace(singleQuoteSpecial, '\\$&')}'`;
}

/**
 * A Ruby String literal for `text`. Single quotes when nothing in the text needs an escape but
 * `\` and `'` and nothing looks like interpolation; otherwise double quotes, where `"`, `\`
 * and every `#` are escaped (so no `#{`, `#@` or `#$` can interpolate) and control characters
 * become `\n`, `\e`, `\u{7f}` and so on. Other non-ASCII text is kept as it is: Ruby source is
 * UTF-8 by default.
 */
export function rubyString(text: string): string {
  // The common case, tested once: nothing to escape in single quotes, nothing that looks
  // interpolated, nothing that forces double quotes.
  if (!plainSingleQuoted.test(text)) return `'${text}'`;
  if (!unusual.test(text) && !looksInterpolated.test(text)) return singleQuoted(text);
  if (loneSurrogate.test(text)) {
    throw new Error('rubyString: the text holds an unpaired surrogate, which Ruby cannot carry');
  }
  if (!escapeNeeded.test(text) && !looksInterpolated.test(text)) return singleQuoted(text);
  let body = '';
  for (const char of text) body += escapeCodePoint(char);
  return `"${body}"`;
}

/** Groups digits by three with `_` from five digits on, as RuboCop asks: `1_610_612_736`. */
function groupDigits(digits: string): string {
  if (digits.length < 5) return digits;
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `_${digits.slice(i, i + 3)}`;
  return grouped;
}

/** An Integer literal. */
export function rubyInteger(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new Error(`rubyInteger: ${value} is not a safe integer; pass a bigint`);
  }
  const text = value.toString();
  return text.startsWith('-') ? `-${groupDigits(text.slice(1))}` : groupDigits(text);
}

/** A Float literal; JavaScript's shortest round-trip form is also valid Ruby (`1.5`, `1e+21`). */
export function rubyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`rubyFloat: ${value} has no Ruby literal`);
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A Symbol literal, only for plain identifiers (`:pull_if_missing`); anything else throws. */
export function rubySymbol(name: string): string {
  if (!identifier.test(name)) throw new Error(`rubySymbol: "${name}" is not a plain identifier`);
  return `:${name}`;
}

/** `node['a']['b']`: an attribute path read from the node object. */
export function rubyNodePath(path: readonly string[]): string {
  return `node${path.map((segment) => `[${rubyString(segment)}]`).join('')}`;
}

function isHash(value: RubyValue): value is { readonly [key: string]: RubyValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Collection = readonly RubyValue[] | { readonly [key: string]: RubyValue };

function scalar(value: Exclude<RubyValue, object>): string {
  if (typeof value === 'string') return rubyString(value);
  if (typeof value === 'bigint') return rubyInteger(value);
  if (typeof value === 'number') {
    // Beyond 2^53 a JavaScript number has lost its last digits already: say so with a Float.
    return Number.isSafeInteger(value) ? rubyInteger(value) : rubyFloat(value);
  }
  if (value === null) return 'nil';
  return value ? 'true' : 'false';
}

function oneLine(value: RubyValue): string {
  if (typeof value !== 'object' || value === null) return scalar(value);
  let text = '';
  if (Array.isArray(value)) {
    for (const item of value as readonly RubyValue[]) text += `${text ? ', ' : ''}${oneLine(item)}`;
    return `[${text}]`;
  }
  const hash = value as Record<string, RubyValue>;
  for (const key in hash) text += `${text ? ', ' : ''}${rubyString(key)} => ${oneLine(hash[key]!)}`;
  return text ? `{ ${text} }` : '{}';
}

interface Layout {
  indent: number;
  column: number;
  width: number;
}

/** The items or `key => value` pairs of a collection, one per line at `indent`, with commas. */
function memberLines(value: Collection, indent: number, width: number): string {
  const pad = ' '.repeat(indent);
  const lines = Array.isArray(value)
    ? value.map((item: RubyValue) => layout(item, { indent, column: indent, width }))
    : Object.entries(value).map(([key, item]) => {
        const prefix = `${rubyString(key)} => `;
        return prefix + layout(item, { indent, column: indent + prefix.length, width });
      });
  return lines.map((line) => `${pad}${line},\n`).join('');
}

function layout(value: RubyValue, at: Layout): string {
  if (typeof value !== 'object' || value === null) return scalar(value);
  const flat = oneLine(value);
  if (at.column + flat.length <= at.width || flat.length <= 2) return flat;

  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const inner = memberLines(value as Collection, at.indent + 2, at.width);
  return `${open}\n${inner}${' '.repeat(at.indent)}${close}`;
}

function resolve(options: LayoutOptions): Layout {
  const indent = options.indent ?? 0;
  return { indent, column: options.column ?? indent, width: options.width ?? defaultWidth };
}

/**
 * The literal for any value: Strings, Integers, Floats, true/false/nil, Arrays and Hashes,
 * nested. A collection that would pass the line width is written one member per line, with a
 * trailing comma, as cookstyle asks. Hash entries keep the order they are given in.
 */
export function rubyLiteral(value: RubyValue, options: LayoutOptions = {}): string {
  return layout(value, resolve(options));
}

/**
 * A resource property set to a value: `name 'text'`, `name ['a', 'b']`, or with parentheses
 * where Ruby needs them: a Hash (which would otherwise open a block) and a negative number
 * (which `ruby -w` calls an ambiguous first argument).
 */
export function rubyProperty(name: string, value: RubyValue, options: LayoutOptions = {}): string {
  if (!checkedNames.has(name)) {
    if (!identifier.test(name)) throw new Error(`rubyProperty: "${name}" is not a method name`);
    checkedNames.add(name);
  }
  const at = resolve(options);
  const column = at.column + name.length + 1;

  if (isHash(value)) {
    const flat = oneLine(value);
    if (flat === '{}') return `${name}({})`;
    if (column + flat.length - 3 <= at.width) return `${name}(${flat.slice(2, -2)})`;
    // A Hash literal inside the parentheses: cookstyle wants the trailing comma of a multi-line
    // literal but none after the last argument of a call.
    return `${name}({\n${memberLines(value, at.indent + 2, at.width)}${' '.repeat(at.indent)}})`;
  }
  at.column = column;
  const text = layout(value, at);
  return text.charCodeAt(0) === 0x2d ? `${name}(${text})` : `${name} ${text}`;
}

/** Property names already checked; there are a few dozen of them. */
const checkedNames = new Set<string>();

/**
 * Escapes text for the body of a `%r{...}` Regexp so that it matches exactly that text: regexp
 * metacharacters and the braces get a backslash, `#` too (no interpolation), and characters
 * that need an escape in a String are written as `\u{...}`. `-` and `/` mean nothing outside
 * a character class in `%r{}` and are left alone.
 */
export function rubyRegexpText(text: string): string {
  const escaped = text.replace(/[\\^$.|?*+()[\]{}#]/g, '\\$&');
  if (!escapeNeeded.test(escaped)) return escaped;
  let result = '';
  for (const char of escaped) {
    const point = char.codePointAt(0)!;
    result += needsEscape(point) ? `\\u{${point.toString(16)}}` : char;
  }
  return result;
}

const regexpDelimiters = /[#{}\n\r]/;

/**
 * `%r{source}` for a pattern assembled from fixed regexp syntax and `rubyRegexpText` pieces.
 * The source must not hold an unescaped `#`, brace or line break, which would change the
 * literal rather than the pattern; most hold none at all, escaped or not.
 */
export function rubyRegexp(source: string): string {
  if (!regexpDelimiters.test(source)) return `%r{${source}}`;
  const unescaped = source.replace(/\\u\{[0-9a-f]+\}|\\./gs, '');
  if (regexpDelimiters.test(unescaped)) {
    throw new Error(`rubyRegexp: "${source}" holds an unescaped #, brace or line break`);
  }
  return `%r{${source}}`;
}
