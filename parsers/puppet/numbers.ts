import { isDigit, isHexDigit, isWordChar } from './chars.js';

export interface ScannedNumber {
  end: number;
  error?: string;
}

/**
 * Scans a number at `start` (a digit) the way Puppet's pattern does: hex `0x1F`, or digits
 * with an optional fraction and exponent, and in every case ending at a word boundary. When
 * the longest reading runs into a letter, a shorter one that ends at a boundary wins (`1.5.x`
 * is `1.5` then `.x`); when none does, the number is malformed.
 */
export function scanNumber(text: string, start: number): ScannedNumber {
  const end = longestNumber(text, start);
  if (end < 0) {
    return { end: wordEnd(text, start), error: `malformed number "${word(text, start)}"` };
  }
  const error = checkNumber(text.slice(start, end));
  return error ? { end, error } : { end };
}

function longestNumber(text: string, start: number): number {
  if (text.charCodeAt(start) === 48 && (text[start + 1] === 'x' || text[start + 1] === 'X')) {
    let i = start + 2;
    while (isHexDigit(text.charCodeAt(i))) i++;
    if (i > start + 2 && !isWordChar(text.charCodeAt(i))) return i;
  }
  const integerEnd = digitsEnd(text, start);
  const fractionEnd =
    text[integerEnd] === '.' && isDigit(text.charCodeAt(integerEnd + 1))
      ? digitsEnd(text, integerEnd + 1)
      : -1;
  const candidates = [
    fractionEnd >= 0 ? exponentEnd(text, fractionEnd) : -1,
    fractionEnd,
    exponentEnd(text, integerEnd),
    integerEnd,
  ];
  for (const end of candidates) {
    if (end > start && !isWordChar(text.charCodeAt(end))) return end;
  }
  return -1;
}

function digitsEnd(text: string, from: number): number {
  let i = from;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** End of `[eE]-?\d+` at `from`, or -1 when there is none. */
function exponentEnd(text: string, from: number): number {
  if (text[from] !== 'e' && text[from] !== 'E') return -1;
  let i = from + 1;
  if (text[i] === '-') i++;
  return isDigit(text.charCodeAt(i)) ? digitsEnd(text, i) : -1;
}

/** Puppet's checks on a scanned number: octal digits after a leading zero, and so on. */
function checkNumber(raw: string): string | undefined {
  if (/^0[xX]/.test(raw)) return undefined;
  if (/^0[^.]/.test(raw) && !/^0[0-7]+$/.test(raw)) return `malformed octal number "${raw}"`;
  return undefined;
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (isWordChar(text.charCodeAt(i)) || text[i] === '.') i++;
  return i;
}

function word(text: string, from: number): string {
  return text.slice(from, wordEnd(text, from));
}

/** The value of a number token: hex, octal (leading zero), decimal or float. */
export function numberValue(raw: string): number {
  if (raw.length > 2 && (raw[1] === 'x' || raw[1] === 'X')) return parseInt(raw.slice(2), 16);
  if (raw.length > 1 && raw[0] === '0' && /^[0-7]+$/.test(raw)) return parseInt(raw, 8);
  return Number(raw);
}
