import type { Node } from 'web-tree-sitter';
import type { Value } from '../types.js';
import { endOf, spanOf, startOf } from './spans.js';
import { unescapeDoubleQuoted } from './strings.js';

/**
 * tree-sitter puts a heredoc's opener (`<<~EOS`) where it is written and its body after the
 * end of that line, as a separate node. Bodies follow their openers in the same order, so the
 * n-th opener in the file owns the n-th body. The pairing is done once per file, and only
 * when a heredoc value is asked for.
 */
export class Heredocs {
  private bodies: Map<number, Node> | undefined;

  constructor(private readonly root: Node) {}

  bodyOf(opener: Node): Node | undefined {
    this.bodies ??= pairOpenersWithBodies(this.root);
    return this.bodies.get(opener.startIndex);
  }
}

function pairOpenersWithBodies(root: Node): Map<number, Node> {
  const bodies = new Map<number, Node>();
  const waiting: Node[] = [];
  for (const node of root.descendantsOfType(['heredoc_beginning', 'heredoc_body'])) {
    if (node === null) continue;
    if (node.type === 'heredoc_beginning') waiting.push(node);
    else {
      const opener = waiting.shift();
      if (opener) bodies.set(opener.startIndex, node);
    }
  }
  return bodies;
}

/** `<<EOS`, `<<-EOS`, `<<~EOS`, each optionally with the label in quotes. */
const OPENER = /^<<([~-]?)(["'`]?)(.+?)\2$/;

/**
 * The value of a heredoc: `<<~` removes the common indentation, a single-quoted label keeps
 * the text raw, and otherwise double-quoted escapes apply. Interpolation makes it unknown.
 */
export function readHeredoc(opener: Node, source: string, heredocs: Heredocs): Value {
  const parts = OPENER.exec(source.slice(opener.startIndex, opener.endIndex));
  const body = heredocs.bodyOf(opener);
  const terminator = body?.lastChild;
  if (!parts || !body || terminator?.type !== 'heredoc_end') {
    return { kind: 'unknown', reason: 'heredoc', text: opener.text, span: spanOf(opener) };
  }

  const span = { start: startOf(opener), end: endOf(body) };
  const text = source.slice(span.start.offset, span.end.offset);
  const [, indentation, quote] = parts;
  if (quote === '`') return { kind: 'unknown', reason: 'call', text, span };
  if (quote !== "'" && hasInterpolation(body)) {
    return { kind: 'unknown', reason: 'interpolation', text, span };
  }

  const raw = bodyText(source, body, terminator);
  const lines = indentation === '~' ? removeCommonIndentation(raw) : raw;
  const value = quote === "'" ? lines : unescapeDoubleQuoted(lines);
  if (value === undefined) return { kind: 'unknown', reason: 'expression', text, span };
  return { kind: 'string', value, span };
}

function hasInterpolation(body: Node): boolean {
  return body.namedChildren.some((child) => child?.type === 'interpolation');
}

/** From the line after the opener's line to the start of the terminator's line. */
function bodyText(source: string, body: Node, terminator: Node): string {
  const from = source.indexOf('\n', body.startIndex) + 1;
  const to = source.lastIndexOf('\n', terminator.startIndex - 1) + 1;
  return from > 0 && to > from ? source.slice(from, to) : '';
}

const TAB_WIDTH = 8;

/**
 * Ruby's rule for `<<~`: the smallest indentation among lines that hold more than spaces and
 * tabs is removed from every line; a tab advances to the next multiple of eight columns and
 * is kept whole when removing it would go past that width.
 */
export function removeCommonIndentation(raw: string): string {
  const lines = raw.split(/(?<=\n)/);
  let width = Infinity;
  for (const line of lines) {
    const indentation = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (line.slice(indentation.length).trim() === '') continue;
    width = Math.min(width, columnsOf(indentation));
  }
  if (width === Infinity) width = 0;
  return lines.map((line) => line.slice(removableLength(line, width))).join('');
}

function nextColumn(column: number, char: string): number {
  return char === '\t' ? TAB_WIDTH * (Math.floor(column / TAB_WIDTH) + 1) : column + 1;
}

function columnsOf(indentation: string): number {
  let column = 0;
  for (const char of indentation) column = nextColumn(column, char);
  return column;
}

function removableLength(line: string, width: number): number {
  let column = 0;
  let index = 0;
  while (index < line.length && column < width) {
    const char = line[index] as string;
    if (char !== ' ' && char !== '\t') break;
    const next = nextColumn(column, char);
    if (next > width) break;
    column = next;
    index++;
  }
  return index;
}
