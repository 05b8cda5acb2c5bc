import { isBlank, isLower, isWordChar } from './chars.js';

/** What `@(END:syntax/flags)` says. */
export interface HeredocSpec {
  tag: string;
  /** `json` in `@(END:json)`; empty when not given. */
  syntax: string;
  /** The escape flags after `/`; undefined without a `/`, empty for a bare `/` (all of them). */
  flags: string | undefined;
  /** `@("END")`: the text interpolates `$x` and `${...}`. */
  interpolate: boolean;
  /** Offset after the closing parenthesis. */
  end: number;
}

/** The line that ends a heredoc. */
export interface HeredocEnd {
  /** Offset of the first character of the end line. */
  lineStart: number;
  /** Offset after the end line, where lexing resumes after the heredoc's line. */
  next: number;
  /** The blanks before `|`, removed from each line of text; empty without `|`. */
  margin: string;
  /** `-` before the tag: the last line break of the text is removed. */
  trimBreak: boolean;
}

const validFlags = 'trnsuL$';

/**
 * Reads `@(...)` at `start`. Puppet looks for the first `)` anywhere after `@(`, then matches
 * `@(tag[:syntax][/flags])` against it; the tag may not contain `:`, `/`, `)` or a line break.
 */
export function scanHeredocSpec(
  text: string,
  start: number,
  limit: number,
): HeredocSpec | { error: string; end: number } {
  const close = text.indexOf(')', start + 2);
  if (close < 0 || close >= limit) {
    return { error: 'unclosed heredoc: `@(` without `)`', end: start + 2 };
  }
  const end = close + 1;
  const fail = { error: 'malformed heredoc opener; expected @(TAG:syntax/flags)', end };

  let at = start + 2;
  while (at < close && !':/\r\n'.includes(text[at] ?? '')) at++;
  let tag = text.slice(start + 2, at).trim();
  if (at === start + 2) return fail;

  const syntax = readSyntax(text, at, close);
  if (syntax === undefined) return fail;
  at = syntax.end;

  const flags = readFlags(text, at, close);
  if (flags === undefined) return fail;

  const interpolate = tag.length >= 2 && tag.startsWith('"') && tag.endsWith('"');
  if (interpolate) tag = tag.slice(1, -1).trim();
  if (tag === '') return { error: 'a heredoc needs a non-empty end tag', end };
  const flagError = checkFlags(flags.value);
  if (flagError) return { error: flagError, end };
  return { tag, syntax: syntax.value, flags: flags.value, interpolate, end };
}

/** `:json`: a lower-case letter then at least one of `[a-zA-Z0-9_+]`, blanks around. */
function readSyntax(text: string, at: number, close: number) {
  if (text[at] !== ':') return { value: '', end: at };
  let i = skipBlanks(text, at + 1, close);
  const begin = i;
  if (!isLower(text.charCodeAt(i))) return undefined;
  i++;
  while (i < close && (isWordChar(text.charCodeAt(i)) || text[i] === '+')) i++;
  if (i - begin < 2) return undefined;
  return { value: text.slice(begin, i), end: skipBlanks(text, i, close) };
}

/** `/flags` then blanks, which must reach the closing parenthesis. */
function readFlags(text: string, at: number, close: number) {
  if (at === close) return { value: undefined };
  if (text[at] !== '/') return undefined;
  let i = at + 1;
  while (i < close && (isWordChar(text.charCodeAt(i)) || text[i] === '$')) i++;
  const value = text.slice(at + 1, i);
  if (skipBlanks(text, i, close) !== close) return undefined;
  return { value };
}

function checkFlags(flags: string | undefined): string | undefined {
  if (flags === undefined) return undefined;
  for (let i = 0; i < flags.length; i++) {
    const flag = flags[i] ?? '';
    if (!validFlags.includes(flag)) return `invalid heredoc escape flag "${flag}"`;
    if (flags.indexOf(flag) !== i) return `heredoc escape flag "${flag}" is given twice`;
  }
  return undefined;
}

function skipBlanks(text: string, at: number, limit: number): number {
  while (at < limit && isBlank(text.charCodeAt(at))) at++;
  return at;
}

/**
 * Finds the line that ends a heredoc: blanks, an optional `|` (margin), an optional `-` (trim
 * the last line break), the tag, trailing blanks. Like Puppet, the match is not anchored at
 * the start of the line: any line that ends with the tag ends the heredoc, and what precedes
 * the matched part on that line is dropped.
 */
export function findHeredocEnd(
  text: string,
  from: number,
  limit: number,
  tag: string,
): HeredocEnd | undefined {
  let lineStart = from;
  while (lineStart < limit) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= limit ? limit : newline;
    const end = matchEndLine(text, lineStart, lineEnd, tag);
    if (end) return { ...end, lineStart, next: Math.min(lineEnd + 1, limit) };
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function matchEndLine(text: string, lineStart: number, lineEnd: number, tag: string) {
  let at = lineEnd;
  if (text.charCodeAt(at - 1) === 13 && at > lineStart) at--;
  at = skipBlanksBack(text, at, lineStart);
  if (at - tag.length < lineStart || !text.startsWith(tag, at - tag.length)) return undefined;
  at = skipBlanksBack(text, at - tag.length, lineStart);

  let trimBreak = false;
  if (at > lineStart && text[at - 1] === '-') {
    trimBreak = true;
    at = skipBlanksBack(text, at - 1, lineStart);
  }
  let margin = '';
  if (at > lineStart && text[at - 1] === '|') {
    const marginEnd = at - 1;
    margin = text.slice(skipBlanksBack(text, marginEnd, lineStart), marginEnd);
  }
  return { margin, trimBreak };
}

function skipBlanksBack(text: string, at: number, limit: number): number {
  while (at > limit && isBlank(text.charCodeAt(at - 1))) at--;
  return at;
}
