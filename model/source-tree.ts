import type { YamlPath } from './types.js';

/**
 * Where each node of a YAML document starts and ends, recorded from js-yaml's listener while
 * the document is parsed, so that any later problem can point at the line that caused it.
 *
 * A file of 100,000 containers has millions of nodes, so they live in typed arrays (one row
 * per node: offsets, kind, first child, next sibling, and its key or item index within its
 * parent) rather than in objects. The values js-yaml builds are used only while a parent
 * closes, to pair its children with its keys and items, and are then let go: the tree does
 * not keep the parsed document alive.
 */

const SCALAR = 0;
const MAPPING = 1;
const SEQUENCE = 2;
const OTHER = 3;
/** A value written as nothing at all (`key:`): it has no text of its own. */
const EMPTY = 4;

/** What a child is to its parent: a mapping's key or value, or a sequence item. */
const NONE = -1;
const KEY = -2;
const VALUE = -3;

const kindCode = (kind: string | null): number =>
  kind === 'scalar'
    ? SCALAR
    : kind === 'mapping'
      ? MAPPING
      : kind === 'sequence'
        ? SEQUENCE
        : OTHER;

function grow(array: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(array);
  return bigger;
}

export class SourceTree {
  private start: Int32Array;
  private end: Int32Array;
  private kind: Uint8Array;
  private first: Int32Array;
  private next: Int32Array;
  /** KEY or VALUE under a mapping, the item index under a sequence, else NONE. */
  private role: Int32Array;
  /** The key text of KEY nodes. */
  private readonly keyNames: (string | undefined)[] = [];
  /** The values of nodes whose parent has not closed yet. */
  private readonly results: unknown[] = [];
  private count = 0;

  /** One frame per node still open: its start and the children closed so far. */
  private readonly frames: { start: number; first: number; last: number; children: number }[] = [
    { start: 0, first: -1, last: -1, children: 0 },
  ];
  private readonly entryCache = new Map<number, Map<string, { key: number; value: number }>>();

  constructor(private readonly text: string) {
    const capacity = Math.max(64, text.length >> 3);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.first = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.role = new Int32Array(capacity);
  }

  open(position: number): void {
    this.frames.push({ start: position, first: -1, last: -1, children: 0 });
  }

  /** Closes the innermost node; returns where its text starts. */
  close(position: number, kind: string | null, result: unknown): number {
    const frame = this.frames.pop()!;
    const code = kindCode(kind);
    // js-yaml composes a block sequence item twice; the inner node is the one to keep.
    const only = frame.children === 1 ? frame.first : -1;
    const collapsed =
      only >= 0 && this.kind[only] === code && Object.is(this.results[only], result);
    const node = collapsed
      ? only
      : this.add(skipBlank(this.text, frame.start), position, code, frame.first, result);
    if (!collapsed) this.assignRoles(node, result);

    const parent = this.frames[this.frames.length - 1]!;
    if (parent.last >= 0) this.next[parent.last] = node;
    else parent.first = node;
    parent.last = node;
    parent.children++;
    this.next[node] = -1;
    return this.start[node]!;
  }

  private add(start: number, end: number, kind: number, first: number, result: unknown): number {
    if (this.count === this.start.length) {
      const size = this.count * 2;
      this.start = grow(this.start, size);
      this.end = grow(this.end, size);
      this.first = grow(this.first, size);
      this.next = grow(this.next, size);
      this.role = grow(this.role, size);
      const kinds = new Uint8Array(size);
      kinds.set(this.kind);
      this.kind = kinds;
    }
    const node = this.count++;
    this.start[node] = start;
    this.end[node] = end;
    this.kind[node] = kind === OTHER && result === null ? EMPTY : kind;
    this.first[node] = first;
    this.role[node] = NONE;
    this.results[node] = result;
    return node;
  }

  /**
   * Pairs a closing node's children with its keys and items, then lets their values go.
   * js-yaml emits no node for an absent value (`key:` in a flow mapping, `- ` in a list), so
   * a child is taken as a key's value, or as an item, only when it holds that value.
   */
  private assignRoles(node: number, result: unknown): void {
    const kind = this.kind[node];
    if (kind === MAPPING) {
      const map = result as Record<string, unknown>;
      for (let key = this.first[node]!; key >= 0; key = this.next[key]!) {
        const name = String(this.results[key]);
        this.role[key] = KEY;
        this.keyNames[key] = name;
        const value = this.next[key]!;
        if (value >= 0 && (name === '<<' || Object.is(this.results[value], map[name]))) {
          this.role[value] = VALUE;
          key = value;
        }
      }
    } else if (kind === SEQUENCE) {
      const items = result as unknown[];
      let child = this.first[node]!;
      for (let i = 0; i < items.length && child >= 0; i++) {
        if (Object.is(this.results[child], items[i])) {
          this.role[child] = i;
          child = this.next[child]!;
        }
      }
    }
    for (let child = this.first[node]!; child >= 0; child = this.next[child]!) {
      this.results[child] = undefined;
    }
  }

  /** Lets go of the document's value once the parse is over: the root's is the last held. */
  finish(): void {
    this.results.length = 0;
  }

  private get root(): number {
    return this.frames[0]!.first;
  }

  /** Offset where the value at `path` starts; the nearest enclosing node when it has none. */
  valueOffset(path: YamlPath): number {
    return this.start[this.find(path)]!;
  }

  /** Offset of the key of the entry at `path` (for unknown or misspelled fields). */
  keyOffset(path: YamlPath): number {
    const parent = this.find(path.slice(0, -1));
    const last = path[path.length - 1];
    const entry = typeof last === 'string' ? this.entries(parent).get(last) : undefined;
    return this.start[entry ? entry.key : this.find(path)]!;
  }

  /** The source range of the scalar at `path`, or undefined for a collection or no node. */
  scalarRange(path: YamlPath): [number, number] | undefined {
    let node = this.root;
    for (const segment of path) {
      node = this.child(node, segment);
      if (node < 0) return undefined;
    }
    return this.kind[node] === SCALAR ? [this.start[node]!, this.end[node]!] : undefined;
  }

  private find(path: YamlPath): number {
    let node = this.root;
    for (const segment of path) {
      const child = this.child(node, segment);
      if (child < 0) return node;
      node = child;
    }
    return node;
  }

  private child(node: number, segment: string | number): number {
    if (this.kind[node] === MAPPING && typeof segment === 'string') {
      const entry = this.entries(node).get(segment);
      if (!entry) return -1;
      // An empty value (`key:` and nothing) has no text of its own; the key is where it is.
      return entry.value >= 0 && this.kind[entry.value] !== EMPTY ? entry.value : entry.key;
    }
    if (this.kind[node] === SEQUENCE && typeof segment === 'number') {
      return this.item(node, segment);
    }
    return -1;
  }

  /** A mapping's entries by key, built on first lookup. */
  private entries(node: number): Map<string, { key: number; value: number }> {
    let entries = this.entryCache.get(node);
    if (entries) return entries;
    entries = new Map();
    for (let child = this.first[node]!; child >= 0; child = this.next[child]!) {
      if (this.role[child] !== KEY) continue;
      const name = this.keyNames[child]!;
      const next = this.next[child]!;
      const value = next >= 0 && this.role[next] === VALUE ? next : -1;
      if (!entries.has(name)) entries.set(name, { key: child, value });
    }
    this.entryCache.set(node, entries);
    return entries;
  }

  /** The node of a sequence's item; empty items (`- `) have no node of their own. */
  private item(node: number, index: number): number {
    for (let child = this.first[node]!; child >= 0; child = this.next[child]!) {
      if (this.role[child] === index) return child;
    }
    return -1;
  }
}

export function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35) i = text.indexOf('\n', i) >>> 0;
    else return Math.min(i, text.length);
  }
}
