import type { Node } from 'web-tree-sitter';
import type { HashEntry, UnknownReason, Value } from '../types.js';
import { readHeredoc, type Heredocs } from './heredocs.js';
import { spanFrom, spanOf } from './spans.js';
import { unescapeDoubleQuoted, unescapeSingleQuoted, unescapeWord } from './strings.js';
import { words } from './words.js';
import { endIndexOf, fieldChild, typeOf } from './nodes.js';

/** What value reading needs besides the node: the file's text and its heredoc bodies. */
export interface Source {
  text: string;
  heredocs: Heredocs;
  /** The tree has no syntax errors, so every node has the shape the grammar gives it. */
  clean: boolean;
}

/**
 * Literals nested deeper than this are reported as unknown instead of being read, so that a
 * pathological file (thousands of nested brackets) cannot exhaust the call stack.
 */
export const MAX_VALUE_DEPTH = 64;

const VARIABLES = words('identifier instance_variable class_variable global_variable self');
const REFERENCES = words('constant scope_resolution element_reference');
const CALLS = words('call subshell lambda');

/**
 * Children of a list that are not its items: comments, and the body of a heredoc, which the
 * grammar places where the lines fall (inside `[...]` when the list goes on below the body)
 * though it belongs to its `<<~EOS` item.
 */
export const NOT_ITEMS = words('comment heredoc_body');

/**
 * Turns an expression into a value. Literals (strings, symbols, numbers, booleans, nil, and
 * arrays and hashes of them) are known; anything Chef would only compute when the recipe runs
 * is unknown, with the reason and the source text.
 */
export function readValue(node: Node, source: Source, depth = 0): Value {
  if (depth > MAX_VALUE_DEPTH) return unknown(node, source, 'expression');
  const type = typeOf(node);
  switch (type) {
    case 'string':
      return readString(node, source);
    case 'chained_string':
      return readChainedString(node, source);
    case 'heredoc_beginning':
      return readHeredoc(node, source.text, source.heredocs);
    case 'simple_symbol':
      return { kind: 'symbol', value: textOf(node, source).slice(1), span: spanOf(node) };
    case 'hash_key_symbol':
      return { kind: 'symbol', value: textOf(node, source), span: spanOf(node) };
    case 'delimited_symbol':
      return asSymbol(readString(node, source));
    case 'integer':
    case 'float':
      return readNumber(node, source, textOf(node, source));
    case 'unary':
      return readSignedNumber(node, source);
    case 'true':
    case 'false':
      return { kind: 'boolean', value: type === 'true', span: spanOf(node) };
    case 'nil':
      return { kind: 'nil', span: spanOf(node) };
    case 'array':
      return readArray(node, source, depth);
    case 'string_array':
    case 'symbol_array':
      return readWordArray(node, source);
    case 'hash':
      return readHash(node, source, depth);
    default:
      return unknown(node, source, reasonFor(type));
  }
}

function reasonFor(type: string): UnknownReason {
  if (VARIABLES.has(type)) return 'variable';
  if (REFERENCES.has(type)) return 'reference';
  if (CALLS.has(type)) return 'call';
  return 'expression';
}

export function unknown(node: Node, source: Source, reason: UnknownReason): Value {
  return { kind: 'unknown', reason, text: textOf(node, source), span: spanOf(node) };
}

export function textOf(node: Node, source: Source): string {
  return source.text.slice(node.startIndex, endIndexOf(node));
}

/** The opening delimiter as written: `'`, `"`, `%q(`, `%Q[`, `%(`, `:"`, `%s(`, `%w[`... */
function openerOf(node: Node, source: Source): string {
  const opener = node.firstChild;
  return opener && !opener.isNamed ? textOf(opener, source) : '';
}

function readString(node: Node, source: Source): Value {
  if (hasInterpolation(node, source)) return unknown(node, source, 'interpolation');
  const delimited = source.clean ? delimitersOf(textOf(node, source)) : undefined;
  if (delimited) {
    const value = unescapeByOpener(delimited.raw, delimited.opener, delimited.closer);
    if (value === undefined) return unknown(node, source, 'expression');
    return { kind: 'string', value, span: spanOf(node) };
  }

  const children = node.children;
  const opener = children[0];
  const closer = children[children.length - 1];
  if (!opener || !closer || opener.isNamed || opener.equals(closer)) {
    return unknown(node, source, 'expression');
  }

  // The closing delimiter is the last child, so it ends where the string does.
  const openerEnd = endIndexOf(opener);
  const closerText = source.text.slice(closer.startIndex, endIndexOf(node));
  const raw = source.text.slice(openerEnd, closer.startIndex);
  const opening = source.text.slice(opener.startIndex, openerEnd);
  const value = unescapeByOpener(raw, opening, closerText);
  if (value === undefined) return unknown(node, source, 'expression');
  return { kind: 'string', value, span: spanOf(node) };
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/**
 * A string's opening and closing delimiters read from its text: `'`, `"`, `:'`, `:"`, or `%`
 * with an optional letter and any delimiter, closed by one character. In a tree without
 * syntax errors these are exactly its first and last children, so the children need not be
 * fetched; undefined for any other shape, which is then read through the children.
 */
function delimitersOf(text: string): { opener: string; raw: string; closer: string } | undefined {
  const first = text[0];
  let length = 0;
  if (first === "'" || first === '"') length = 1;
  else if (first === ':' && (text[1] === "'" || text[1] === '"')) length = 2;
  else if (first === '%') length = /^%[a-zA-Z]/.test(text) ? 3 : 2;
  if (length === 0 || text.length <= length) return undefined;
  const opening = text[length - 1] as string;
  const closer = text[text.length - 1] as string;
  if (closer !== (CLOSING[opening] ?? opening)) return undefined;
  return { opener: text.slice(0, length), raw: text.slice(length, -1), closer };
}

/** Interpolation starts with `#`, so text without one needs no look at the children. */
function hasInterpolation(node: Node, source: Source): boolean {
  if (!textOf(node, source).includes('#')) return false;
  return node.namedChildren.some((child) => child !== null && typeOf(child) === 'interpolation');
}

/** Single quotes and `%q` keep backslashes; double quotes, `%Q` and `%` read escapes. */
function unescapeByOpener(raw: string, opener: string, closer: string): string | undefined {
  const singleQuoted = /^:?'$|^%[qs]/.test(opener);
  return singleQuoted
    ? unescapeSingleQuoted(raw, opener.slice(-1) + closer)
    : unescapeDoubleQuoted(raw);
}

function asSymbol(value: Value): Value {
  return value.kind === 'string' ? { kind: 'symbol', value: value.value, span: value.span } : value;
}

/** Adjacent literals (`'a' "b"`) are joined by Ruby into one string. */
function readChainedString(node: Node, source: Source): Value {
  let joined = '';
  for (const part of node.namedChildren) {
    const value = part ? readString(part, source) : undefined;
    if (value?.kind !== 'string') return unknown(node, source, 'interpolation');
    joined += value.value;
  }
  return { kind: 'string', value: joined, span: spanOf(node) };
}

function readSignedNumber(node: Node, source: Source): Value {
  const operator = fieldChild(node, 'operator')?.type;
  const operand = fieldChild(node, 'operand');
  const numeric = operand?.type === 'integer' || operand?.type === 'float';
  if (!numeric || (operator !== '-' && operator !== '+')) {
    return unknown(node, source, 'expression');
  }
  const number = readNumber(operand, source, textOf(node, source));
  if (number.kind !== 'number' || operator === '+') return { ...number, span: spanOf(node) };
  return { ...number, value: -number.value, span: spanOf(node) };
}

/**
 * Ruby integers may carry `_` separators and a base prefix; a leading `0` alone means octal,
 * so `mode 0644` is 420, as Chef sees it. `raw` keeps the spelling for rules that care.
 */
function readNumber(node: Node, source: Source, raw: string): Value {
  const digits = textOf(node, source).replace(/_/g, '').toLowerCase();
  const value = node.type === 'float' ? Number(digits) : parseInteger(digits);
  if (!Number.isFinite(value)) return unknown(node, source, 'expression');
  return { kind: 'number', value, raw, span: spanOf(node) };
}

function parseInteger(digits: string): number {
  const prefixed = /^0([xbod])(.+)$/.exec(digits);
  if (prefixed) {
    const radix = { x: 16, b: 2, o: 8, d: 10 }[prefixed[1] as 'x' | 'b' | 'o' | 'd'];
    return parseStrict(prefixed[2] as string, radix);
  }
  if (/^0[0-7]+$/.test(digits)) return parseStrict(digits.slice(1), 8);
  return parseStrict(digits, 10);
}

function parseStrict(digits: string, radix: number): number {
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^\d+$/, 16: /^[0-9a-f]+$/ }[radix];
  return valid?.test(digits) ? parseInt(digits, radix) : NaN;
}

function readArray(node: Node, source: Source, depth: number): Value {
  const items: Value[] = [];
  for (const child of node.namedChildren) {
    const type = child ? typeOf(child) : 'comment';
    if (!child || NOT_ITEMS.has(type)) continue;
    if (type === 'splat_argument') return unknown(node, source, 'expression');
    items.push(readValue(child, source, depth + 1));
  }
  return { kind: 'array', items, span: spanOf(node) };
}

/** `%w[a b]`, `%i[a b]`; their upper-case forms read escapes and may interpolate. */
function readWordArray(node: Node, source: Source): Value {
  const opener = openerOf(node, source);
  const delimiters = opener.slice(-1) + (node.lastChild ? textOf(node.lastChild, source) : '');
  const interpolating = /^%[WI]/.test(opener);
  const kind = node.type === 'symbol_array' ? 'symbol' : 'string';
  const items: Value[] = [];
  let gapStart = node.startIndex + opener.length;
  for (const word of node.namedChildren) {
    if (!word || word.type === 'comment') continue;
    if (word.namedChildren.some((child) => child?.type === 'interpolation')) {
      return unknown(node, source, 'interpolation');
    }
    items.push(...escapedNewlines(node, gapStart, word.startIndex, kind, source));
    gapStart = word.endIndex;
    const raw = textOf(word, source);
    const value = interpolating ? unescapeDoubleQuoted(raw) : unescapeWord(raw, delimiters);
    if (value === undefined) return unknown(node, source, 'expression');
    items.push({ kind, value, span: spanOf(word) });
  }
  const closer = node.lastChild && !node.lastChild.isNamed ? node.lastChild.startIndex : gapStart;
  items.push(...escapedNewlines(node, gapStart, closer, kind, source));
  return { kind: 'array', items, span: spanOf(node) };
}

/**
 * A backslash before a line break, between the words of `%w(a \<newline> b)`, is a word of its
 * own to Ruby: the line break. The grammar reads it as space. Such a word has no node, so it
 * is placed at the whole list.
 */
function escapedNewlines(
  list: Node,
  from: number,
  to: number,
  kind: 'string' | 'symbol',
  source: Source,
): Value[] {
  const count = source.text.slice(from, to).match(/\\\r?\n/g)?.length ?? 0;
  return Array.from({ length: count }, (): Value => ({ kind, value: '\n', span: spanOf(list) }));
}

function readHash(node: Node, source: Source, depth: number): Value {
  const pairs = node.namedChildren.filter(
    (child) => child !== null && !NOT_ITEMS.has(typeOf(child)),
  );
  if (pairs.some((child) => child === null || typeOf(child) !== 'pair')) {
    return unknown(node, source, 'expression');
  }
  const entries = pairs.map((pair) => readPair(pair as Node, source, depth));
  return { kind: 'hash', entries, span: spanOf(node) };
}

/**
 * Keyword arguments at the end of a call (`notifies :run, 'x', delay: 5`) are one hash in
 * Ruby; the span runs from the first pair to the last.
 */
export function readPairs(pairs: Node[], source: Source, depth = 0): Value {
  const first = pairs[0] as Node;
  const last = pairs[pairs.length - 1] as Node;
  const entries = pairs.map((pair) => readPair(pair, source, depth));
  return { kind: 'hash', entries, span: spanFrom(first, last) };
}

function readPair(pair: Node, source: Source, depth: number): HashEntry {
  const keyNode = fieldChild(pair, 'key');
  const valueNode = fieldChild(pair, 'value');
  const key = keyNode ? readKey(keyNode, pair, source, depth) : unknown(pair, source, 'expression');

  // Ruby 3.1 lets `{ name: }` stand for `{ name: name }`.
  const value = valueNode
    ? readValue(valueNode, source, depth + 1)
    : unknown(keyNode ?? pair, source, 'variable');
  return { key, value };
}

/** `"key": value` makes a symbol key, like `key: value`; `"key" => value` a string key. */
function readKey(key: Node, pair: Node, source: Source, depth: number): Value {
  const value = readValue(key, source, depth + 1);
  const separator = key.nextSibling;
  const colonForm = separator !== null && !separator.isNamed && separator.type === ':';
  return colonForm && pair.type === 'pair' ? asSymbol(value) : value;
}
