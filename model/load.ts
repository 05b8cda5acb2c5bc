import yaml from 'js-yaml';

import { BerthError, diagnostic, fail } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/position.js';
import { readTextFile } from './read.js';
import { SourceTree } from './source-tree.js';
import type { YamlPath } from './types.js';

/** Nesting deeper than this is refused before js-yaml recurses into it. */
export const maxDepth = 64;

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
  /** Every number and boolean is written as JavaScript prints it back (`8000`, `true`). */
  readonly canonicalScalars: boolean;
  /** Drops the parsed value once the model is built; positions stay. */
  release(): void;
}

export function loadFile(file: string): LoadedDocument {
  return loadText(file, readTextFile(file));
}

export function loadText(file: string, text: string): LoadedDocument {
  if (!/\S/.test(text)) fail('BERTH-YAML-EMPTY', {}, { file, line: 1, column: 1 });
  // A file's NUL bytes are refused as it is read; text handed over in memory is checked here,
  // since js-yaml stops at a NUL and reports a position on the wrong line.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const { line, column } = new LineIndex(text).position(nul);
    fail('BERTH-IO-NUL', {}, { file, line, column });
  }

  // Numbers and booleans are usually written the way JavaScript prints them back (`8000`,
  // `true`). The parse notes whether any is not (`1.10`, `0x1F`, `True`); only then is a
  // scalar's source text read from the tree rather than printed from its value.
  const tree = new SourceTree(text);
  let canonical = true;
  const value = parse(file, text, (event, state) => {
    if (event === 'open') {
      tree.open(state.position);
      return;
    }
    const start = tree.close(state.position, state.kind, state.result);
    const result = state.result;
    if (canonical && (typeof result === 'number' || typeof result === 'boolean')) {
      canonical = scalarText(text, start, state.position) === String(result);
    }
  });
  tree.finish();
  if (value === undefined || value === null) {
    fail('BERTH-YAML-EMPTY', {}, { file, line: 1, column: 1 });
  }
  checkExpansion(file, text, value);
  return makeDocument(file, text, value, tree, canonical);
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
    const { key, firstLine } = duplicateKey(text, mark?.position ?? 0);
    const firstAt = firstLine === undefined ? '' : ` (first at line ${firstLine})`;
    return new BerthError(diagnostic('BERTH-YAML-DUPLICATE-KEY', { key, firstAt }, where));
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

/**
 * The repeated key, and the line of its first occurrence: js-yaml points only at the second.
 * The text is parsed again, up to the same error, keeping the nodes each open collection has
 * closed so far. The innermost is the mapping that holds both keys; the node that ends past
 * the error's mark is the repeated key, and the first occurrence is the earlier node with the
 * same text that is followed by `:` (a value is not). Only a file with a duplicate pays for
 * this second parse.
 */
function duplicateKey(text: string, at: number): { key: string; firstLine?: number } {
  const open: { end: number; value: unknown }[][] = [[]];
  const listener = (event: 'open' | 'close', state: ListenerState) => {
    if (event === 'open') {
      open.push([]);
      return;
    }
    open.pop();
    open[open.length - 1]!.push({ end: state.position, value: state.result });
  };
  try {
    yaml.load(text, { schema: yaml.CORE_SCHEMA, listener, maxDepth } as yaml.LoadOptions);
  } catch {
    // The parse stops at the duplicate again; what it closed before that is all that is read.
  }

  const siblings = open[open.length - 1]!;
  const repeated = siblings.find((node) => node.end > at);
  const key = repeated ? String(repeated.value) : keyAt(text, at);
  const colon = /\s*:/y;
  const first = siblings.find((node) => {
    colon.lastIndex = node.end;
    return node.end <= at && String(node.value) === key && colon.test(text);
  });
  return { key, firstLine: first && new LineIndex(text).position(first.end).line };
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

function makeDocument(
  file: string,
  text: string,
  value: unknown,
  tree: SourceTree,
  canonicalScalars: boolean,
): LoadedDocument {
  let lineIndex: LineIndex | undefined;
  const at = (offset: number) => {
    const position = (lineIndex ??= new LineIndex(text)).position(offset);
    return { line: position.line, column: position.column };
  };

  const document: LoadedDocument = {
    file,
    text,
    value,
    locate: (path) => at(tree.valueOffset(path)),
    locateKey: (path) => at(tree.keyOffset(path)),
    canonicalScalars,
    rawScalar: (path) => {
      if (canonicalScalars) {
        const scalar = valueAt(document.value, path);
        return scalar !== null && typeof scalar !== 'object' ? String(scalar) : undefined;
      }
      const range = tree.scalarRange(path);
      return range && scalarText(text, range[0], range[1]);
    },
    release: () => {
      document.value = undefined;
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
