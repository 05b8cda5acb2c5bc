import { wordChars, wordEnd } from './chars.js';

/*
 * Scanning helpers of the lexer: where a word, a variable name or a string part ends. They
 * read the text with charCodeAt and indexOf only, and never allocate.
 */

/**
 * End of a bare word: segments of `[a-z_]` then `[\w-]*` not ending in `-`, joined by `::`.
 */
export function bareWordEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    let at = end;
    if (text.charCodeAt(at) === 58 && text.charCodeAt(at + 1) === 58) at += 2;
    const c = text.charCodeAt(at);
    // Written so that NaN (past the end of the text) stops the word too.
    if (!(c === 95 || (c >= 97 && c <= 122))) return end;
    let stop = at + 1;
    for (;;) {
      const d = text.charCodeAt(stop);
      if ((d < 128 && wordChars[d] === 1) || d === 45) stop++;
      else break;
    }
    while (text.charCodeAt(stop - 1) === 45) stop--;
    end = stop;
  }
}

/** A name proper: lower-case segments of `\w` joined by `::`, no dashes, none starting `_`. */
export function isStrictName(word: string): boolean {
  if (word.indexOf('-') >= 0) return false;
  let segment = word.charCodeAt(0) === 58 ? 2 : 0;
  for (;;) {
    const c = word.charCodeAt(segment);
    if (!(c >= 97 && c <= 122)) return false;
    const next = word.indexOf('::', segment);
    if (next < 0) return true;
    segment = next + 2;
  }
}

/** End of a variable name after `$`: `(::)?(\w+::)*\w+`; `from` itself when there is none. */
export function variableNameEnd(text: string, from: number): number {
  let at = text.startsWith('::', from) ? from + 2 : from;
  let end = wordEnd(text, at);
  if (end === at) return from;
  while (text.charCodeAt(end) === 58 && text.charCodeAt(end + 1) === 58) {
    at = end + 2;
    const next = wordEnd(text, at);
    if (next === at) break;
    end = next;
  }
  return end;
}

/** The first `quote` at or after `from` that no backslash escapes, or -1. */
export function findUnescaped(text: string, from: number, limit: number, quote: number): number {
  const char = quote === 39 ? "'" : '"';
  let at = from;
  for (;;) {
    const found = text.indexOf(char, at);
    if (found < 0 || found >= limit) return -1;
    if (!escaped(text, from, found)) return found;
    at = found + 1;
  }
}

/**
 * Where a character next occurs, remembered: searching again from a later offset before that
 * occurrence costs nothing, so scanning a string with many `$` or escaped quotes stays linear.
 */
export class NextOccurrence {
  private origin = 0;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The first occurrence at or after `offset`, or the text's length when there is none. */
  from(offset: number): number {
    if (offset < this.origin || offset > this.found) {
      const found = this.text.indexOf(this.char, offset);
      this.origin = offset;
      this.found = found < 0 ? this.text.length : found;
    }
    return this.found;
  }
}

/** The first unescaped `"` or `$` at or after `from` and before `limit`, or -1. */
export function findDqStop(
  text: string,
  from: number,
  limit: number,
  quotes: NextOccurrence,
  dollars: NextOccurrence,
): number {
  let at = from;
  for (;;) {
    const found = Math.min(quotes.from(at), dollars.from(at));
    if (found >= limit) return -1;
    if (!escaped(text, from, found)) return found;
    at = found + 1;
  }
}

/** The first `$` that may interpolate at or after `from`, or `limit`. */
export function findDollar(
  text: string,
  from: number,
  limit: number,
  escapable: boolean,
  dollars: NextOccurrence,
): number {
  let at = from;
  for (;;) {
    const found = dollars.from(at);
    if (found >= limit) return limit;
    if (!escapable || !escaped(text, from, found)) return found;
    at = found + 1;
  }
}

/**
 * Whether the character at `at` is escaped: an odd run of backslashes (not reaching back
 * before `from`) precedes it. Scanning pairs from `from` would give the same answer.
 */
function escaped(text: string, from: number, at: number): boolean {
  let before = at - 1;
  while (before >= from && text.charCodeAt(before) === 92) before--;
  return (at - 1 - before) % 2 === 1;
}

/** Whether the `/` at `close` is escaped: an odd run of backslashes inside the regex before it. */
export function escapedSlash(text: string, open: number, close: number): boolean {
  let count = 0;
  for (let i = close - 1; i > open && text.charCodeAt(i) === 92; i--) count++;
  return count % 2 === 1;
}
