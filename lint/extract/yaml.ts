import yaml from 'js-yaml';

import { LineIndex, type Span } from '../../diagnostics/position.js';
import type { Comment, HashEntry, SyntaxProblem, Value } from '../../parsers/types.js';
import { scalarText } from './values.js';

/** A node as js-yaml composed it: where it starts and ends, and its children. */
interface SourceNode {
  start: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: SourceNode[];
}

export interface YamlDocument {
  value?: Value;
  comments: Comment[];
  problems: SyntaxProblem[];
}

type ListenerState = { position: number; kind: string | null; result: unknown };

/**
 * Reads a YAML file into the same values the Ruby and Puppet parsers give, each with its
 * span, using js-yaml's listener to see where every node starts and ends. Syntax errors are
 * problems, never exceptions. Hiera reads YAML with Ruby's Psych, which also takes plain
 * `yes`/`no`/`on`/`off` as booleans, and so does this reader. Psych's other YAML 1.1 readings
 * (`017` as octal, `1_000`, `1:30` as 5400) are not followed: those stay as YAML 1.2 reads them.
 */
export function readYaml(text: string, lines: LineIndex): YamlDocument {
  const comments = findComments(text, lines);
  const frames: { start: number; children: SourceNode[] }[] = [{ start: 0, children: [] }];
  const listener = (event: 'open' | 'close', state: ListenerState) => {
    if (event === 'open') {
      frames.push({ start: state.position, children: [] });
      return;
    }
    const frame = frames.pop()!;
    const node: SourceNode = {
      start: skipBlank(text, frame.start),
      end: trimEnd(text, state.position),
      kind: state.kind,
      result: state.result,
      children: frame.children,
    };
    frames[frames.length - 1]!.children.push(collapse(node));
  };

  try {
    // JSON mode: a duplicate key overrides the earlier one, as in Hiera, instead of throwing;
    // the converter reports it.
    const options = { schema: HIERA_SCHEMA, listener, maxDepth: 64, json: true };
    // Hiera reads the first document of a stream and leaves the others.
    yaml.loadAll(text, () => undefined, options as yaml.LoadOptions);
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      return { comments, problems: [yamlProblem(error, text, lines)] };
    }
    // js-yaml bounds its own recursion; a RangeError would still be a document too deep.
    if (error instanceof RangeError) {
      const problem = { message: 'malformed YAML: nested too deeply', span: lines.span(0, 0) };
      return { comments, problems: [problem] };
    }
    throw error;
  }
  const root = frames[0]!.children[0];
  if (!root) return { comments, problems: [] };
  const converter = new Converter(text, lines);
  const value = converter.value(root);
  return { value, comments, problems: converter.problems };
}

function yamlProblem(error: yaml.YAMLException, text: string, lines: LineIndex): SyntaxProblem {
  const mark = error.mark as { position?: number } | undefined;
  const offset = Math.min(mark?.position ?? 0, text.length);
  return {
    message: `malformed YAML: ${error.reason ?? error.message}`,
    span: lines.span(offset, offset),
  };
}

/** A value under a tag (`!!binary ...`, `!ruby/sym x`, `!custom x`), which is not read. */
class Tagged {
  constructor(readonly text: string) {}
}

/**
 * YAML 1.2's core schema, plus every other tag, which Hiera's Psych also accepts: a tagged
 * scalar is unknown, a tagged sequence or mapping is read as it is written.
 */
const HIERA_SCHEMA = yaml.CORE_SCHEMA.extend(
  (['scalar', 'sequence', 'mapping'] as const).flatMap((kind) =>
    ['!', 'tag:'].map(
      (prefix) =>
        new yaml.Type(prefix, {
          kind,
          multi: true,
          construct: (data: unknown) => (kind === 'scalar' ? new Tagged(String(data)) : data),
        }),
    ),
  ),
);

/** Plain scalars that Psych reads as booleans, whatever their case. */
const PSYCH_BOOLEAN = /^(?:yes|no|true|false|on|off)$/i;
const PSYCH_TRUE = /^(?:yes|true|on)$/i;

/** Hiera's `%{...}` interpolations and hiera-eyaml's `ENC[...]` are not literal values. */
const INTERPOLATION = /%\{/;
const ENCRYPTED = /^\s*ENC\[/;

/**
 * Aliases let a few lines stand for an enormous tree (the "billion laughs"). Values written in
 * the text are bounded by its size; past this many values expanded from aliases, further
 * aliases are read as unknown.
 */
const MAX_VALUES = 200_000;

class Converter {
  private budget = MAX_VALUES;
  /** Duplicate keys, which YAML forbids and Hiera resolves to the last one. */
  readonly problems: SyntaxProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  value(node: SourceNode): Value {
    const span = this.lines.span(node.start, node.end);
    if (node.kind === 'mapping') return { kind: 'hash', entries: this.entries(node), span };
    if (node.kind === 'sequence') return { kind: 'array', items: this.items(node), span };
    return this.scalar(node.result, span, this.text.slice(node.start, node.end));
  }

  private scalar(result: unknown, span: Span, raw: string): Value {
    if (result instanceof Tagged) return { kind: 'unknown', text: raw, reason: 'expression', span };
    if (typeof result === 'string' && raw === result && PSYCH_BOOLEAN.test(result)) {
      return { kind: 'boolean', value: PSYCH_TRUE.test(result), span };
    }
    if (typeof result === 'string') {
      if (INTERPOLATION.test(result))
        return { kind: 'unknown', text: result, reason: 'interpolation', span };
      if (ENCRYPTED.test(result)) return { kind: 'unknown', text: result, reason: 'call', span };
      return { kind: 'string', value: result, span };
    }
    if (typeof result === 'number') return { kind: 'number', value: result, raw: raw.trim(), span };
    if (typeof result === 'boolean') return { kind: 'boolean', value: result, span };
    if (result === null || result === undefined) return { kind: 'nil', span };
    return this.plain(result, span);
  }

  /**
   * Pairs a mapping's children into entries: js-yaml composes the key, then the value. A
   * child is the value only when it holds the value the mapping has for that key.
   */
  private entries(node: SourceNode): HashEntry[] {
    const result = node.result as Record<string, unknown>;
    const entries = new Map<string, HashEntry>();
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const keyNode = children[i]!;
      const name = String(keyNode.result);
      const key = this.value(keyNode);
      const next = children[i + 1];
      // A key's value is the next node, unless the key has none (`{a, b: 1}`); the value of an
      // overridden duplicate is not the mapping's, but follows its key's colon.
      const isValue =
        next !== undefined &&
        (Object.is(next.result, result[name]) || this.colonBetween(keyNode, next));
      if (isValue) i++;
      const value = isValue ? this.value(next) : this.plain(result[name], key.span);
      if (entries.has(name)) this.duplicate(name, key.span);
      entries.delete(name);
      entries.set(name, { key, value });
    }
    return this.merged([...entries.values()]);
  }

  private colonBetween(key: SourceNode, value: SourceNode): boolean {
    return /^[ \t]*:/.test(this.text.slice(key.end, value.start));
  }

  private duplicate(name: string, span: Span): void {
    const message = `malformed YAML: duplicated mapping key "${name}" (Hiera takes the last one)`;
    this.problems.push({ message, span });
  }

  /**
   * YAML's merge key, which Hiera's Psych honours: `<<: *defaults`, or a list of aliases, adds
   * the entries of those mappings that the mapping does not set itself, the first listed
   * winning. A quoted `'<<'` is an ordinary key.
   */
  private merged(entries: HashEntry[]): HashEntry[] {
    const isMerge = ({ key }: HashEntry) =>
      key.kind === 'string' &&
      key.value === '<<' &&
      this.text.slice(key.span.start.offset, key.span.end.offset) === '<<';
    if (!entries.some(isMerge)) return entries;

    const own = entries.filter((entry) => !isMerge(entry));
    const seen = new Set(own.map(({ key }) => scalarText(key)));
    const added: HashEntry[] = [];
    for (const { value } of entries.filter(isMerge)) {
      const sources = value.kind === 'array' ? value.items : [value];
      for (const source of sources) {
        if (source.kind !== 'hash') continue;
        for (const entry of source.entries) {
          const name = scalarText(entry.key);
          if (seen.has(name)) continue;
          seen.add(name);
          added.push(entry);
        }
      }
    }
    return [...own, ...added];
  }

  /** Aligns a sequence's children with its items; an item without a node gets its parent's span. */
  private items(node: SourceNode): Value[] {
    const span = this.lines.span(node.start, node.end);
    let child = 0;
    return (node.result as unknown[]).map((item) => {
      const candidate = node.children[child];
      if (candidate && Object.is(candidate.result, item)) {
        child++;
        return this.value(candidate);
      }
      return this.plain(item, span);
    });
  }

  private tooLarge(span: Span): Value {
    return { kind: 'unknown', text: '(too many values)', reason: 'expression', span };
  }

  /** A value js-yaml built without a node of its own (an alias), placed at `span`. */
  private plain(result: unknown, span: Span): Value {
    if (--this.budget < 0) return this.tooLarge(span);
    if (result instanceof Tagged) return this.scalar(result, span, result.text);
    if (Array.isArray(result))
      return { kind: 'array', items: result.map((item) => this.plain(item, span)), span };
    if (result !== null && typeof result === 'object') {
      const entries = Object.entries(result).map(([key, value]) => ({
        key: { kind: 'string' as const, value: key, span },
        value: this.plain(value, span),
      }));
      return { kind: 'hash', entries, span };
    }
    return this.scalar(result, span, String(result));
  }
}

/** js-yaml composes a block sequence item twice; keep the inner node only. */
function collapse(node: SourceNode): SourceNode {
  const only = node.children.length === 1 ? node.children[0]! : undefined;
  if (only && only.kind === node.kind && Object.is(only.result, node.result)) return only;
  return node;
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

/** js-yaml reports a block node's end after the whitespace that follows it. */
function trimEnd(text: string, end: number): number {
  let i = Math.min(end, text.length);
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/**
 * Finds `#` comments: at the start of a line or after whitespace, outside quotes. A `#` in a
 * block scalar (`|`, `>`) is taken as a comment too; only berth's own directives are read
 * from comments, so this matters only if such a scalar holds a directive's text.
 */
function findComments(text: string, lines: LineIndex): Comment[] {
  const comments: Comment[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const hash = commentStart(text, lineStart, lineEnd);
    if (hash >= 0) {
      const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      comments.push({ text: text.slice(hash, end), span: lines.span(hash, end) });
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return comments;
}

function commentStart(text: string, from: number, to: number): number {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      const previous = i === from ? ' ' : text[i - 1]!;
      if (/[\s:[{,-]/.test(previous)) quote = c;
    } else if (c === '#' && (i === from || /\s/.test(text[i - 1]!))) {
      return i;
    }
  }
  return -1;
}
