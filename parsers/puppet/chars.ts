/** Character classes of Puppet's lexer, by UTF-16 code unit. Ruby's `\w` is ASCII-only. */

/**
 * `\w` as a table, for the lexer's inner loops: a lookup costs less than a call to a
 * classifying function, which matters before the JIT compiler has optimised the lexer.
 */
export const wordChars = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  wordChars[c] =
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 ? 1 : 0;
}

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;

export const isLower = (c: number): boolean => c >= 97 && c <= 122;

export const isUpper = (c: number): boolean => c >= 65 && c <= 90;

export const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

export const isHexDigit = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** `[[:blank:]]`: space, tab and the Unicode space separators (no-break space included). */
export function isBlank(c: number): boolean {
  if (c === 32 || c === 9) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Whether text[from, to) is empty or only blanks and carriage returns. */
export function onlyBlanks(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 13 && !isBlank(c)) return false;
  }
  return true;
}

/** End of a `\w+` run starting at `from` (equal to `from` when there is none). */
export function wordEnd(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c < 128 && wordChars[c] === 1) i++;
    else return i;
  }
}
