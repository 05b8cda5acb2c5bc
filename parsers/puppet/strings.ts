import { isHexDigit } from './chars.js';

/**
 * Which backslash escapes a kind of string translates. An escape outside the set keeps its
 * backslash (`"\q"` is the two characters `\q`), as Puppet does.
 */
export interface Escapes {
  /** Characters that may follow a backslash: `\\`, `$`, quotes, and the letters r n t s u. */
  chars: string;
  /** A backslash before a line break removes both (heredoc flag `L`, double-quoted strings). */
  lineContinuation: boolean;
}

export const singleQuoted: Escapes = { chars: "\\'", lineContinuation: false };

export const doubleQuoted: Escapes = { chars: '\\$\'"rntsu', lineContinuation: true };

/** A heredoc without a `/flags` part translates nothing. */
export const noEscapes: Escapes = { chars: '', lineContinuation: false };

/**
 * The escapes a heredoc's flags turn on: `@(END/tL)`. An empty flag list (`@(END/)`) means all
 * of them; the backslash itself is always escapable once any flag is given.
 */
export function heredocEscapes(flags: string): Escapes {
  const all = flags === '' ? 'trnsuL$' : flags;
  return {
    chars: '\\' + all.replace('L', ''),
    lineContinuation: all.includes('L'),
  };
}

const simple: Record<string, string> = { r: '\r', n: '\n', t: '\t', s: ' ' };

/**
 * Translates the escapes of `raw` that `escapes` allows; everything else is kept as written.
 * `invalid` is called for a `\u` escape naming no character (a surrogate, or beyond U+10FFFF),
 * which Puppet cannot encode and fails on; the escape is kept as written.
 */
export function unescape(raw: string, escapes: Escapes, invalid?: () => void): string {
  let at = raw.indexOf('\\');
  if (at < 0 || escapes.chars === '') return raw;

  let out = '';
  let copied = 0;
  while (at >= 0) {
    const [replacement, length] = escapeAt(raw, at, escapes);
    if (replacement === undefined) invalid?.();
    out += raw.slice(copied, at) + (replacement ?? raw.slice(at, at + length));
    copied = at + length;
    at = raw.indexOf('\\', copied);
  }
  return out + raw.slice(copied);
}

/** The text an escape at `at` stands for (undefined if none), and how many characters it spans. */
function escapeAt(raw: string, at: number, escapes: Escapes): [string | undefined, number] {
  const next = raw[at + 1];
  if (next === undefined) return ['\\', 1];
  if (escapes.lineContinuation) {
    if (next === '\n') return ['', 2];
    if (next === '\r' && raw[at + 2] === '\n') return ['', 3];
  }
  if (!escapes.chars.includes(next) || next === '\r' || next === '\n') {
    return [raw.slice(at, at + 2), 2];
  }
  if (next === 'u') return unicodeEscape(raw, at);
  return [simple[next] ?? next, 2];
}

/**
 * `\uXXXX` or `\u{X..XXXXXX}`. A malformed one stays as written (Puppet warns and keeps it).
 * A surrogate or a code point beyond U+10FFFF gives undefined: no character.
 */
function unicodeEscape(raw: string, at: number): [string | undefined, number] {
  let digitsStart = at + 2;
  let digitsEnd: number;
  let length: number;
  if (raw.charCodeAt(digitsStart) === 123 /* { */) {
    digitsStart += 1;
    digitsEnd = digitsStart;
    while (digitsEnd - digitsStart < 7 && isHexDigit(raw.charCodeAt(digitsEnd))) digitsEnd++;
    const count = digitsEnd - digitsStart;
    if (count < 1 || count > 6 || raw.charCodeAt(digitsEnd) !== 125 /* } */) {
      return ['\\u', 2];
    }
    length = digitsEnd + 1 - at;
  } else {
    digitsEnd = digitsStart;
    while (digitsEnd - digitsStart < 4 && isHexDigit(raw.charCodeAt(digitsEnd))) digitsEnd++;
    if (digitsEnd - digitsStart !== 4) return ['\\u', 2];
    length = 6;
  }
  const codePoint = parseInt(raw.slice(digitsStart, digitsEnd), 16);
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    return [undefined, length];
  }
  return [String.fromCodePoint(codePoint), length];
}

/**
 * The text of text[start, end) with `margin` removed from the start of each line that begins
 * with it, as a heredoc's `|` marker asks. A line starts at `regionStart` or after a newline.
 */
export function stripMargin(
  text: string,
  start: number,
  end: number,
  regionStart: number,
  margin: string,
): string {
  if (margin === '') return text.slice(start, end);

  let out = '';
  let at = start;
  while (at < end) {
    const lineStart = at === regionStart || text.charCodeAt(at - 1) === 10;
    if (lineStart && text.startsWith(margin, at)) at = Math.min(at + margin.length, end);
    const newline = text.indexOf('\n', at);
    const stop = newline < 0 || newline >= end ? end : newline + 1;
    out += text.slice(at, stop);
    at = stop;
  }
  return out;
}
