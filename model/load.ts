import yaml from 'js-yaml';

import { BerthError, diagnostic, fail } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/position.js';
import { readTextFile } from './read.js';
import type { YamlPath } from './types.js';

/** Nesting deeper than this is refused before js-yaml recurses into it. */
export const maxDepth = 64;

/** A node of the source as js-yaml composed it: where it starts and ends, and its children. */
interface SourceNode {
  start: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: SourceNode[];
  /** Key text to key and value node, built on first lookup. */
  entries?: Map<string, { key: SourceNode; value?: SourceNode }>;
}

/** A parsed berth file: the plain value, and the way back from a YAML path to a position. */
export interface LoadedDocument {
  file: string;
  text: string;
  value: unknown;
  /** Where the value at `path` starts; the nearest enclosing node when it has no node. */
  locate(path: YamlPath): { line: number; column: number };
  /** Where the key of the entry at `path` starts (for unknown or misspelled fields). */
  locateKey(path: YamlPath): { line: number; column: number };
  /** The scalar as written (`1.10`, not `1.1`), or undefined for a collection. */
  rawScalar(path: YamlPath): string | undefined;
}

export function loadFile(file: string): LoadedDocument {
  return loadText(file, readTextFile(file));
}

export function loadText(file: string, text: string): LoadedDocument {
  if (!/\S/.test(text)) fail('BERTH-YAML-EMPTY', {}, { file, line: 1, column: 1 });

  // Numbers and booleans are usually written the way JavaScript prints them back (`8000`,
  // `true`). The first parse notes whether any is not (`1.10`, `0x1F`, `True`); only then is a
  // scalar's source text looked up through the position tree.
  const starts: number[] = [];
  let canonical = true;
  const value = parse(file, text, (event, state) => {
    if (event === 'open') {
      starts.push(state.position);
      return;
    }
    const start = starts.pop()!;
    const result = state.result;
    if (canonical && (typeof result === 'number' || typeof result === 'boolean')) {
      canonical = scalarText(text, skipBlank(text, start), state.position) === String(result);
    }
  });
  if (value === undefined || value === null) {
    fail('BERTH-YAML-EMPTY', {}, { file, line: 1, column: 1 });
  }
  checkExpansion(file, text, value);

  // Positions are needed only to report a problem, so the tree of positions is built by a
  // second parse the first time one is asked for: a valid file never pays for it.
  let root: SourceNode | undefined;
  const tree = () => (root ??= positionTree(file, text));
  return makeDocument(file, text, value, tree, canonical);
}

/** Parses again with js-yaml's listener, recording where every node starts and ends. */
function positionTree(file: string, text: string): SourceNode {
  const frames: { start: number; children: SourceNode[] }[] = [{ start: 0, children: [] }];
  parse(file, text, (event, state) => {
    if (event === 'open') {
      frames.push({ start: state.position, children: [] });
      return;
    }
    const frame = frames.pop()!;
    const node: SourceNode = {
      start: skipBlank(text, frame.start),
      end: state.position,
      kind: state.kind,
      result: state.result,
      children: frame.children,
    };
    frames[frames.length - 1]!.children.push(collapse(node));
  });
  return frames[0]!.children[0]!;
}

type ListenerState = { position: number; kind: string | null; result: unknown };

function parse(
  file: string,
  text: string,
  listener?: (event: 'open' | 'close', state: ListenerState) => void,
): unknown {
  try {
    return yaml.load(text, {
      filename: file,
      schema: yaml.CORE_SCHEMA,
      listener,
      maxDepth,
    } as yaml.LoadOptions);
  } catch (error) {
    if (error instanceof yaml.YAMLException) throw yamlError(file, text, error);
    // js-yaml bounds its own recursion with maxDepth; a RangeError here would still be a
    // document too deep to read, so it is reported as one rather than as a crash.
    if (error instanceof RangeError) {
      throw new BerthError(diagnostic('BERTH-YAML-DEPTH', { limit: maxDepth }, { file }));
    }
    throw error;
  }
}

function yamlError(file: string, text: string, error: yaml.YAMLException): BerthError {
  const reason = error.reason ?? error.message;
  const mark = error.mark as { line: number; column: number; position: number } | undefined;
  const where = mark ? { file, line: mark.line + 1, column: mark.column + 1 } : { file };

  if (reason.includes('duplicated mapping key')) {
    const key = keyAt(text, mark?.position ?? 0);
    return new BerthError(diagnostic('BERTH-YAML-DUPLICATE-KEY', { key }, where));
  }
  if (reason.includes('tab characters')) {
    return new BerthError(diagnostic('BERTH-YAML-TAB', {}, where));
  }
  if (reason.includes('expected a single document')) {
    const count = countDocuments(text);
    return new BerthError(diagnostic('BERTH-YAML-DOCUMENTS', { count }, where));
  }
  if (reason.startsWith('unknown tag')) {
    const tag = /<([^>]*)>/.exec(reason)?.[1] ?? reason;
    return new BerthError(diagnostic('BERTH-YAML-TAG', { tag }, where));
  }
  if (reason.includes('maxDepth')) {
    return new BerthError(diagnostic('BERTH-YAML-DEPTH', { limit: maxDepth }, where));
  }
  if (reason.includes('merge keys')) {
    return new BerthError(
      diagnostic('BERTH-YAML-ALIASES', { limit: 'the merge-key limit' }, where),
    );
  }
  return new BerthError(diagnostic('BERTH-YAML-SYNTAX', { reason }, where));
}

/** The key text of the line a duplicate-key mark points into. */
function keyAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) >>> 0);
  const match = /^\s*(?:-\s+)?(["']?)([^:"']*)\1\s*:/.exec(line);
  return match?.[2]?.trim() ?? line.trim();
}

function countDocuments(text: string): number {
  let count = 0;
  try {
    yaml.loadAll(text, () => count++, { schema: yaml.CORE_SCHEMA });
  } catch {
    // The count only decorates the message; a later document may itself be malformed.
  }
  return Math.max(count, 2);
}

/**
 * Aliases let a small file describe an enormous tree (the "billion laughs"). js-yaml shares
 * the aliased objects rather than copying them, but every walk over the value would expand
 * them, so the expanded size is computed once, memoized per object, and bounded.
 */
function checkExpansion(file: string, text: string, value: unknown): void {
  // Without a `*` there is no alias, and nothing can expand.
  if (!text.includes('*')) return;
  const sizes = new Map<object, number>();
  const size = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1);
    let total = 1;
    for (const child of Object.values(node)) total += size(child);
    sizes.set(node, total);
    return total;
  };
  const expanded = size(value);
  const limit = 100 * sizes.size + 100_000;
  if (expanded > limit) {
    fail('BERTH-YAML-ALIASES', { limit }, { file, line: 1, column: 1 });
  }
}

function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) i = text.indexOf('\n', i) >>> 0;
    else return Math.min(i, text.length);
  }
}

/** js-yaml composes a block sequence item twice; keep the inner node only. */
function collapse(node: SourceNode): SourceNode {
  const only = node.children.length === 1 ? node.children[0]! : undefined;
  if (only && only.kind === node.kind && Object.is(only.result, node.result)) return only;
  return node;
}

function makeDocument(
  file: string,
  text: string,
  value: unknown,
  tree: () => SourceNode,
  canonicalScalars: boolean,
) {
  let lineIndex: LineIndex | undefined;
  const at = (offset: number) => {
    const lines = (lineIndex ??= new LineIndex(text));
    const position = lines.position(offset);
    return { line: position.line, column: position.column };
  };

  const document: LoadedDocument = {
    file,
    text,
    value,
    locate: (path) => at(findNode(tree(), path).start),
    locateKey: (path) => {
      const root = tree();
      const parent = findNode(root, path.slice(0, -1));
      const last = path[path.length - 1];
      const entry = typeof last === 'string' ? entriesOf(parent).get(last) : undefined;
      return at((entry?.key ?? findNode(root, path)).start);
    },
    rawScalar: (path) => {
      if (canonicalScalars) {
        const scalar = valueAt(value, path);
        return scalar !== null && typeof scalar !== 'object' ? String(scalar) : undefined;
      }
      const root = tree();
      const node = findNode(root, path);
      if (node.kind !== 'scalar' || !pathReaches(root, path)) return undefined;
      return scalarText(text, node.start, node.end);
    },
  };
  return document;
}

/** A scalar's source text, without an anchor or tag written before it. */
function scalarText(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(/^(?:[&!]\S*\s+)+/, '')
    .trimEnd();
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const segment of path) value = (value as Record<string | number, unknown> | null)?.[segment];
  return value;
}

function pathReaches(root: SourceNode, path: YamlPath): boolean {
  let node: SourceNode | undefined = root;
  for (const segment of path) {
    node = node && childAt(node, segment);
    if (!node) return false;
  }
  return true;
}

function findNode(root: SourceNode, path: YamlPath): SourceNode {
  let node = root;
  for (const segment of path) {
    const child = childAt(node, segment);
    if (!child) return node;
    node = child;
  }
  return node;
}

function childAt(node: SourceNode, segment: string | number): SourceNode | undefined {
  if (node.kind === 'mapping' && typeof segment === 'string') {
    const entry = entriesOf(node).get(segment);
    // An empty value (`key:` and nothing) has no text of its own; the key is where it is.
    const empty = entry?.value && entry.value.kind === null && entry.value.result === null;
    return empty ? entry.key : (entry?.value ?? entry?.key);
  }
  if (node.kind === 'sequence' && typeof segment === 'number') return itemsOf(node)[segment];
  return undefined;
}

/**
 * Pairs a mapping's child nodes into entries. js-yaml emits no node for an absent value
 * (`key:` in a flow mapping), so a child is taken as the value only when it holds the value
 * the mapping has for that key.
 */
function entriesOf(node: SourceNode): Map<string, { key: SourceNode; value?: SourceNode }> {
  if (node.entries) return node.entries;
  const entries = new Map<string, { key: SourceNode; value?: SourceNode }>();
  const result = node.result as Record<string, unknown>;
  const children = node.children;

  for (let i = 0; i < children.length; i++) {
    const key = children[i]!;
    const name = String(key.result);
    const next = children[i + 1];
    const isValue = next !== undefined && (name === '<<' || Object.is(next.result, result[name]));
    if (isValue) i++;
    if (!entries.has(name)) entries.set(name, { key, value: isValue ? next : undefined });
  }

  node.entries = entries;
  return entries;
}

/** Aligns a sequence's child nodes with its items; empty items (`- `) have no node. */
function itemsOf(node: SourceNode): (SourceNode | undefined)[] {
  const items = node.result as unknown[];
  const aligned: (SourceNode | undefined)[] = [];
  let child = 0;
  for (const item of items) {
    const candidate = node.children[child];
    if (candidate && Object.is(candidate.result, item)) {
      aligned.push(candidate);
      child++;
    } else {
      aligned.push(undefined);
    }
  }
  return aligned;
}
