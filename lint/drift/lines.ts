import type { LineIndex, Span } from '../../diagnostics/position.js';
import type { ResourceDeclaration } from '../../parsers/types.js';
import type { Problem } from '../rule.js';

/** One file's lines, with each declaration folded into one line that stands for it. */
interface Folded {
  lines: string[];
  /** The 1-based line on disk each folded line starts at. */
  starts: number[];
  /** Whether each folded line stands for a declaration. */
  folded: boolean[];
}

function fold(
  text: string,
  declarations: readonly ResourceDeclaration[],
  keyOf: (d: ResourceDeclaration) => string,
): Folded {
  const lines = text.split('\n');
  const owner = new Map<number, ResourceDeclaration>();
  for (const declaration of declarations) {
    for (let line = declaration.span.start.line; line <= declaration.span.end.line; line++) {
      if (!owner.has(line)) owner.set(line, declaration);
    }
  }
  const result: Folded = { lines: [], starts: [], folded: [] };
  let previous: ResourceDeclaration | undefined;
  lines.forEach((line, index) => {
    const declaration = owner.get(index + 1);
    if (declaration && declaration === previous) return;
    previous = declaration;
    result.lines.push(declaration ? `\u0000${keyOf(declaration)}` : line.trimEnd());
    result.starts.push(index + 1);
    result.folded.push(declaration !== undefined);
  });
  return result;
}

interface Hunk {
  /** Folded line ranges [from, to) on disk and in the generated text. */
  disk: [number, number];
  fresh: [number, number];
}

/** Above this many cells the middle of two files is one difference, not a line diff. */
const MAX_CELLS = 4_000_000;

/** The runs of lines that differ, by a longest-common-subsequence diff. */
function hunks(a: string[], b: string[]): Hunk[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1])
    [endA, endB] = [endA - 1, endB - 1];
  const n = endA - start;
  const m = endB - start;
  if (n === 0 && m === 0) return [];
  if (n * m > MAX_CELLS) return [{ disk: [start, endA], fresh: [start, endB] }];
  const table = lcsTable(a.slice(start, endA), b.slice(start, endB));
  return walk(table, a.slice(start, endA), b.slice(start, endB)).map((hunk) => ({
    disk: [hunk.disk[0] + start, hunk.disk[1] + start],
    fresh: [hunk.fresh[0] + start, hunk.fresh[1] + start],
  }));
}

function lcsTable(a: string[], b: string[]): Uint32Array[] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  return table;
}

function walk(table: Uint32Array[], a: string[], b: string[]): Hunk[] {
  const result: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = () => {
    if (open) result.push({ disk: [open.disk[0], i], fresh: [open.fresh[0], j] });
    open = undefined;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { disk: [i, i], fresh: [j, j] };
    if (j >= b.length || (i < a.length && table[i + 1]![j]! >= table[i]![j + 1]!)) i++;
    else j++;
  }
  close();
  return result;
}

/**
 * Reports the lines outside declarations that differ from what the berth file generates: hand
 * edits to comments, node attributes, Hiera data, functions. Hunks that only move or change
 * declarations are left to the resource comparison.
 */
export function compareLines(
  disk: { text: string; lines: LineIndex; declarations: readonly ResourceDeclaration[] },
  fresh: { text: string; declarations: readonly ResourceDeclaration[] },
  spec: string,
  keyOf: (declaration: ResourceDeclaration) => string,
  report: (problem: Problem) => void,
): void {
  const ours = fold(disk.text, disk.declarations, keyOf);
  const theirs = fold(fresh.text, fresh.declarations, keyOf);
  for (const hunk of hunks(ours.lines, theirs.lines)) {
    const plain = (folded: Folded, [from, to]: [number, number]) =>
      folded.folded.slice(from, to).some((isFolded) => !isFolded);
    if (!plain(ours, hunk.disk) && !plain(theirs, hunk.fresh)) continue;
    report(hunkProblem(ours, theirs, hunk, spec, disk.lines, disk.text));
  }
}

function hunkProblem(
  ours: Folded,
  theirs: Folded,
  hunk: Hunk,
  spec: string,
  lines: LineIndex,
  text: string,
): Problem {
  const [from, to] = hunk.disk;
  const expected = theirs.lines.slice(...hunk.fresh).filter((line) => !line.startsWith('\u0000'));
  const line = ours.starts[Math.min(from, ours.starts.length - 1)] ?? 1;
  const span = lineSpan(lines, text, line);
  if (to - from === 1 && expected.length === 1) {
    const message = valueChange(ours.lines[from]!, expected[0]!, spec, theirs, hunk.fresh[0]);
    return { span, message, attribute: `line ${message}`, value: 'drift' };
  }
  const first = expected.find((candidate) => candidate.trim() !== '');
  const count = to - from;
  const generates = first === undefined ? 'a blank line' : quoted(first);
  const message =
    count === 0
      ? `${spec} generates ${generates} here, which is missing in this file`
      : expected.length === 0
        ? `${plural(count, 'line')} here ${count === 1 ? 'is' : 'are'} not in what ${spec} ` +
          `generates`
        : `${plural(count, 'line')} here differ from what ${spec} generates, ` +
          `which has ${generates}`;
  return { span, message, attribute: message, value: 'drift' };
}

function plural(count: number, noun: string): string {
  return count === 1 ? `this ${noun}` : `these ${count} ${noun}s`;
}

function quoted(line: string): string {
  const trimmed = line.trim();
  return `\`${trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed}\``;
}

/** The line's text from its first non-blank character to its end. */
function lineSpan(lines: LineIndex, text: string, line: number): Span {
  let start = 0;
  for (let current = 1; current < line && start >= 0; current++) {
    start = text.indexOf('\n', start) + 1;
  }
  const end = text.indexOf('\n', start);
  const stop = end < 0 ? text.length : end;
  const indent = /^\s*/.exec(text.slice(start, stop))?.[0].length ?? 0;
  return lines.span(Math.min(start + indent, stop), stop);
}

const CHEF_ATTRIBUTE =
  /^\s*(?:default|override|normal|force_default|force_override)((?:\[[^\]]+\])+)\s*=\s*(.*)$/;
const YAML_ENTRY = /^(\s*)(['"]?)(.+?)\2:(?:\s+(.*))?$/;

/**
 * A changed line said as a changed value where the line is a node attribute or a Hiera entry:
 * "container web: tag is '1.0' here but berth.yaml says '1.1'".
 */
function valueChange(
  here: string,
  there: string,
  spec: string,
  theirs: Folded,
  at: number,
): string {
  const fallback = `this line differs from what ${spec} generates, which has ${quoted(there)}`;
  const chef = [CHEF_ATTRIBUTE.exec(here), CHEF_ATTRIBUTE.exec(there)];
  if (chef[0] && chef[1] && chef[0][1] === chef[1][1]) {
    const keys = [...chef[0][1]!.matchAll(/\[['"]?([^'"\]]*)['"]?\]/g)].map((match) => match[1]!);
    return changed(keys.slice(1), chef[0][2]!, chef[1][2]!, spec);
  }
  const yaml = [YAML_ENTRY.exec(here), YAML_ENTRY.exec(there)];
  if (yaml[0] && yaml[1] && yaml[0][1] === yaml[1][1] && yaml[0][3] === yaml[1][3]) {
    const path = [...yamlParents(theirs.lines, at, yaml[1][1]!.length), yaml[1][3]!];
    return changed(path, yaml[0][4] ?? '', yaml[1][4] ?? '', spec);
  }
  return fallback;
}

function changed(path: string[], here: string, there: string, spec: string): string {
  const containers = path.findIndex((key) => key === 'containers' || key.endsWith('::containers'));
  const [owner, field] =
    containers >= 0 && path.length > containers + 2
      ? [`container ${path[containers + 1]}: `, path.slice(containers + 2).join('.')]
      : ['', path.join('.')];
  return `${owner}${field} is ${here.trim()} here but ${spec} says ${there.trim()}`;
}

/** The keys of the YAML entries that hold line `at`, found by their smaller indentation. */
function yamlParents(lines: string[], at: number, indent: number): string[] {
  const parents: string[] = [];
  let depth = indent;
  for (let index = at - 1; index >= 0 && depth > 0; index--) {
    const entry = YAML_ENTRY.exec(lines[index] ?? '');
    if (!entry || entry[1]!.length >= depth) continue;
    parents.unshift(entry[3]!);
    depth = entry[1]!.length;
  }
  return parents;
}
