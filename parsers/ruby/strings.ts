/**
 * Ruby's string escape rules, applied to the raw text between a literal's delimiters. Each
 * function returns the string Ruby would build, or undefined when the literal uses an escape
 * this reader does not evaluate (control and meta escapes such as `\C-a` or `\M-a`) or builds
 * bytes that are not valid UTF-8; the caller then treats the value as unknown.
 */

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 0x0a,
  t: 0x09,
  s: 0x20,
  r: 0x0d,
  a: 0x07,
  b: 0x08,
  e: 0x1b,
  f: 0x0c,
  v: 0x0b,
};

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Single-quoted strings (`'...'`, `%q(...)`): a backslash escapes only another backslash or
 * the delimiter; every other backslash stays in the string.
 */
export function unescapeSingleQuoted(raw: string, delimiters: string): string {
  let result = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i] as string;
    const next = raw[i + 1];
    if (char === '\\' && next !== undefined && (next === '\\' || delimiters.includes(next))) {
      result += next;
      i++;
    } else {
      result += char;
    }
  }
  return result;
}

/**
 * A word of `%w[...]`: like a single-quoted string, and a backslash also escapes whitespace,
 * which would otherwise end the word.
 */
export function unescapeWord(raw: string, delimiters: string): string {
  return unescapeSingleQuoted(raw.replace(/\\(\s)/g, '$1'), delimiters);
}

/**
 * Double-quoted strings (`"..."`, `%Q(...)`, `%(...)`, heredocs without quotes) that contain
 * no interpolation. Octal and hex escapes add raw bytes, so the result is assembled as bytes
 * and decoded as UTF-8 at the end, as Ruby does for a UTF-8 source file.
 */
export function unescapeDoubleQuoted(raw: string): string | undefined {
  const bytes: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const slash = raw.indexOf('\\', i);
    const literalEnd = slash === -1 ? raw.length : slash;
    if (literalEnd > i) pushText(bytes, raw.slice(i, literalEnd));
    if (slash === -1) break;
    const consumed = readEscape(raw, slash + 1, bytes);
    if (consumed === undefined) return undefined;
    i = slash + 1 + consumed;
  }
  return decode(bytes);
}

function pushText(bytes: number[], text: string): void {
  for (const byte of utf8.encode(text)) bytes.push(byte);
}

function decode(bytes: number[]): string | undefined {
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/** Reads one escape after its backslash; returns how many characters it used. */
function readEscape(raw: string, at: number, bytes: number[]): number | undefined {
  const char = raw[at];
  if (char === undefined) {
    bytes.push(0x5c);
    return 0;
  }
  const simple = SIMPLE_ESCAPES[char];
  if (simple !== undefined) {
    bytes.push(simple);
    return 1;
  }
  if (char >= '0' && char <= '7') return readOctalByte(raw, at, bytes);
  if (char === 'x') return readHexByte(raw, at, bytes);
  if (char === 'u') return readUnicode(raw, at, bytes);
  if (char === 'c' || char === 'C' || char === 'M') return undefined;

  // A backslash before a line break joins the lines; before any other character it stands for
  // that character (`\"`, `\\`, `\#`, and also unknown escapes such as `\d`).
  if (char === '\n') return 1;
  if (char === '\r' && raw[at + 1] === '\n') return 2;
  const codePoint = raw.codePointAt(at) as number;
  pushText(bytes, String.fromCodePoint(codePoint));
  return codePoint > 0xffff ? 2 : 1;
}

/** One to three octal digits; Ruby keeps only the low byte of `\777`. */
function readOctalByte(raw: string, at: number, bytes: number[]): number {
  const digits = /^[0-7]{1,3}/.exec(raw.slice(at, at + 3))?.[0] ?? '0';
  bytes.push(parseInt(digits, 8) & 0xff);
  return digits.length;
}

function readHexByte(raw: string, at: number, bytes: number[]): number | undefined {
  const digits = /^[0-9a-fA-F]{1,2}/.exec(raw.slice(at + 1, at + 3))?.[0];
  if (digits === undefined) return undefined;
  bytes.push(parseInt(digits, 16));
  return 1 + digits.length;
}

/** `\uXXXX` (exactly four hex digits) or `\u{X XX XXXXXX}` (one or more code points). */
function readUnicode(raw: string, at: number, bytes: number[]): number | undefined {
  const fixed = /^u([0-9a-fA-F]{4})/.exec(raw.slice(at, at + 5));
  if (fixed) return pushCodePoints(bytes, [fixed[1] as string]) ? 5 : undefined;
  const braced = /^u\{[ \t]*([0-9a-fA-F]{1,6}(?:[ \t]+[0-9a-fA-F]{1,6})*)[ \t]*\}/.exec(
    raw.slice(at, at + 200),
  );
  if (!braced) return undefined;
  const points = (braced[1] as string).split(/[ \t]+/);
  return pushCodePoints(bytes, points) ? braced[0].length : undefined;
}

function pushCodePoints(bytes: number[], hexPoints: string[]): boolean {
  for (const hex of hexPoints) {
    const point = parseInt(hex, 16);
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) return false;
    pushText(bytes, String.fromCodePoint(point));
  }
  return true;
}
