/** Character classes of Puppet's lexer, by UTF-16 code unit. Ruby's `\w` is ASCII-only. */

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
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}
