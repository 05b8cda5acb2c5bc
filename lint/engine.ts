import { relative, resolve } from 'node:path';

import { LineIndex, type Span } from '../diagnostics/position.js';
import { firstInvalidUtf8 } from '../model/read.js';
import { parsePuppet } from '../parsers/puppet/index.js';
import type { RubyParser } from '../parsers/ruby/index.js';
import type { ParseResult } from '../parsers/types.js';
import { settingOf, type ConfigSuppression, type LintConfig } from './config.js';
import type { DriftContext, DriftOptions } from './drift/context.js';
import { isGenerated } from './drift/header.js';
import {
  extractResources,
  mayIncludeDocker,
  parseHiera,
  puppetTypeRead as declares,
  type SourceKind,
} from './extract/index.js';
import { fingerprintOf, numberRepeats } from './fingerprint.js';
import { toPosix } from './files.js';
import { globMatcher } from './glob.js';
import { inlineSuppressions, mayHoldDirectives, type Suppression } from './inline.js';
import { LintThreads } from './parallel.js';
import { ruleIds, rules as registered } from './registry.js';
import { docsUrl, type LintedFile, type Problem, type Rule } from './rule.js';
import { rule as internalError } from './rules/internal-error.js';
import { rule as invalidSuppression } from './rules/invalid-suppression.js';
import type { Finding, InventoryEntry, LintResult, LintSeverity } from './types.js';

/** One file to lint: its text, or its bytes when it still has to be decoded. */
export interface Source {
  path: string;
  kind: SourceKind;
  text?: string;
  bytes?: Uint8Array;
}

export interface EngineOptions {
  /** Parse every file, not only those that mention docker. */
  parseAll?: boolean;
  /** The folder file paths are relative to; the configuration's folder by default. */
  cwd?: string;
  /** Where the drift rule finds the berth file (`--spec`); see DriftOptions. */
  spec?: DriftOptions['spec'];
  /**
   * How many threads may lint at once; by default one per core when there are enough files
   * to repay starting them, and 1 to stay in this thread. See lint/parallel.ts.
   */
  threads?: number;
  /** The tree defines its own `class docker`; see lint/extract/site-docker.ts. */
  siteDockerClass?: boolean;
}

/** What linting one file yields: nothing for a file that was not parsed. */
export interface FileOutcome {
  findings: Finding[];
  inventory: InventoryEntry[];
}

const SKIPPED: FileOutcome = { findings: [], inventory: [] };

interface ActiveRule {
  rule: Rule;
  severity: LintSeverity;
  /** The configuration or command line set the severity, which wins over a problem's own. */
  configured: boolean;
}

/** Files that may hold docker resources: every docker resource type and Hiera key says so. */
const MENTIONS_DOCKER = /docker/i;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Runs the rules over files. Only files that mention docker are parsed unless `parseAll` is
 * set: a file without the word cannot declare a docker resource, and parsing is most of the
 * cost. The Ruby grammar is loaded on the first recipe that needs it.
 */
export class LintEngine {
  private readonly active: ActiveRule[];
  private readonly suppressions: CompiledSuppression[];
  private ruby: RubyParser | undefined;
  private rubyLoading: Promise<RubyParser> | undefined;
  private threads: LintThreads | undefined;

  private readonly parseAll: boolean;
  private drift: Promise<DriftContext> | undefined;

  constructor(
    private readonly config: LintConfig,
    private readonly options: EngineOptions = {},
  ) {
    this.parseAll = options.parseAll ?? false;
    this.active = activeRules(config);
    const cwd = options.cwd ?? config.base;
    this.suppressions = config.suppress.map((entry) => compileSuppression(entry, config.base, cwd));
  }

  /**
   * Starts what linting these kinds of files will need (worker threads when there are many,
   * the Ruby grammar) while their bytes are still being read. `lint` uses it; `close` stops it
   * when linting does not happen.
   */
  prepare(kinds: readonly SourceKind[]): void {
    this.threads?.close();
    this.threads = new LintThreads(kinds, this.config, this.options);
    if (this.threads.size > 0 && kinds.includes('recipe')) this.preloadRuby();
  }

  close(): void {
    this.threads?.close();
    this.threads = undefined;
  }

  /** Starts loading the Ruby grammar; a failure shows when the first recipe is parsed. */
  preloadRuby(): void {
    this.rubyLoading ??= loadRuby().catch((error: unknown) => {
      this.rubyLoading = undefined;
      throw error;
    });
    this.rubyLoading.catch(() => undefined);
  }

  async lint(sources: readonly Source[]): Promise<LintResult> {
    const kinds = sources.map((source) => source.kind);
    const threads = this.threads ?? new LintThreads(kinds, this.config, this.options);
    this.threads = undefined;
    const outcomes = await threads.run(sources, this);

    // Joined in input order, as one thread would have produced them, so the stable sort
    // below leaves equal findings in the same order whatever thread read their file.
    const findings: Finding[] = [];
    const inventory: InventoryEntry[] = [];
    for (const outcome of outcomes) {
      for (const finding of outcome.findings) findings.push(finding);
      for (const entry of outcome.inventory) inventory.push(entry);
    }
    findings.sort(compareFindings);
    numberRepeats(findings);
    return { files: sources.map((source) => source.path), findings, inventory };
  }

  /** The findings and inventory of one file; a worker thread calls this for its share. */
  async lintFile(source: Source): Promise<FileOutcome> {
    const file = await this.read(source);
    if (!file) return SKIPPED;
    return { findings: this.check(file), inventory: inventoryOf(file) };
  }

  private async read(source: Source): Promise<LintedFile | undefined> {
    const decoded = source.text ?? decode(source.bytes ?? new Uint8Array(), source.kind);
    if (typeof decoded !== 'string') return undecodable(source, decoded);
    // Generated files are compared with their berth file, whatever they mention.
    const generated = isGenerated(decoded);
    const skip = !this.parseAll && !MENTIONS_DOCKER.test(decoded) && !generated;
    if (skip) return undefined;
    const lines = new LineIndex(decoded);
    const parse = await this.parse(source, decoded, lines, generated);
    if (source.kind === 'manifest' && startsWithBom(source.bytes)) {
      const message = 'the manifest starts with a UTF-8 byte order mark, which Puppet refuses';
      parse.problems.unshift({ message, span: lines.span(0, 0) });
    }
    const siteDockerClass = this.options.siteDockerClass === true;
    const input = { parse, source: source.kind, text: decoded, lines, siteDockerClass };
    const resources = extractResources(input);
    const file: LintedFile = {
      path: source.path,
      source: source.kind,
      text: decoded,
      lines,
      parse,
      resources,
      suppressionProblems: [],
    };
    // Only generated files are compared with their berth file (the drift rule), and what that
    // takes (the model, its schema, the generators) is loaded for the first of them.
    if (generated) {
      const context = await this.driftContext();
      file.drift = { context, reparse: (again) => this.parseLoaded(source, again) };
    }
    return file;
  }

  private driftContext(): Promise<DriftContext> {
    this.drift ??= import('./drift/context.js').then(({ DriftContext }) => {
      const cwd = this.options.cwd ?? this.config.base;
      const spec = this.options.spec;
      return new DriftContext(spec === undefined ? { cwd } : { cwd, spec });
    });
    return this.drift;
  }

  /**
   * Parses a file. Of a manifest, only what the lint reads is kept: the declarations extraction
   * may read, and comments where directives or `include docker` may stand. A generated
   * manifest is parsed whole: the drift rule compares it with what berth would generate. Of a
   * recipe, comments are collected only when its text may hold a directive.
   */
  private async parse(
    source: Source,
    text: string,
    lines: LineIndex,
    generated: boolean,
  ): Promise<ParseResult> {
    if (source.kind === 'manifest') {
      if (generated) return parsePuppet(source.path, text, { lines });
      const comments = mayHoldDirectives(text) || mayIncludeDocker(text);
      return parsePuppet(source.path, text, { lines, declares, comments });
    }
    if (source.kind === 'hiera') return parseHiera(source.path, text, lines);
    this.ruby ??= await (this.rubyLoading ?? loadRuby());
    return this.ruby.parse(source.path, text, { comments: mayHoldDirectives(text) });
  }

  /**
   * Parses more text of the same kind as a file already parsed, so without waiting: the Ruby
   * grammar is loaded by then.
   */
  private parseLoaded(source: Source, text: string): ParseResult {
    if (source.kind === 'manifest') return parsePuppet(source.path, text);
    if (source.kind === 'hiera') return parseHiera(source.path, text, new LineIndex(text));
    if (!this.ruby) throw new Error('the Ruby parser is not loaded');
    return this.ruby.parse(source.path, text);
  }

  private check(file: LintedFile): Finding[] {
    const inline = inlineSuppressions(file, ruleIds);
    file.suppressionProblems = inline.problems;
    const findings: Finding[] = [];
    for (const { rule, severity, configured } of this.active) {
      // An attribute that several resources share (an array title, a `default:` body) is one
      // mistake: the same message at the same place is reported once.
      const reported = new Set<string>();
      const report = (problem: Problem) => {
        const key = `${problem.span.start.offset}:${problem.span.end.offset}:${problem.message}`;
        if (reported.has(key)) return;
        reported.add(key);
        const level = configured ? severity : (problem.severity ?? severity);
        findings.push(this.finding(rule, level, file, problem, inline.suppressions));
      };
      try {
        rule.check(file, report);
      } catch (error) {
        findings.push(this.finding(internalError, 'error', file, ruleFailure(rule, error), []));
      }
    }
    return findings;
  }

  private finding(
    rule: Rule,
    severity: LintSeverity,
    file: LintedFile,
    problem: Problem,
    inline: readonly Suppression[],
  ): Finding {
    const finding = makeFinding(rule, severity, file.path, problem);
    // A suppression comment that is itself wrong cannot be suppressed by another one.
    if (rule.id === invalidSuppression.id || rule.id === internalError.id) return finding;
    const comment = inline.find(
      (entry) => entry.ruleIds.has(rule.id) && covers(entry, finding.line),
    );
    if (comment) finding.suppression = { kind: 'inline', reason: comment.reason };
    else {
      const configured = this.suppressions.find((entry) => entry.matches(finding, problem));
      if (configured) finding.suppression = { kind: 'config', reason: configured.reason };
    }
    return finding;
  }
}

/**
 * The Ruby grammar is WebAssembly, and even importing its runtime costs more than linting a
 * few hundred manifests; it is imported when the first recipe is parsed.
 */
async function loadRuby(): Promise<RubyParser> {
  const { loadRubyParser } = await import('../parsers/ruby/index.js');
  return loadRubyParser();
}

/** The rules on under the configuration, with their severities; internal-error is always on. */
function activeRules(config: LintConfig): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of registered) {
    const severity =
      rule.id === internalError.id ? rule.severity : settingOf(config, rule.id, rule.severity);
    const configured = rule.id !== internalError.id && config.rules[rule.id] !== undefined;
    if (severity) active.push({ rule, severity, configured });
  }
  return active;
}

function makeFinding(rule: Rule, severity: LintSeverity, path: string, problem: Problem): Finding {
  const { start, end } = problem.span;
  const resource = problem.resource;
  const finding: Finding = {
    ruleId: rule.id,
    severity,
    message: problem.message,
    file: path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    docsUrl: docsUrl(rule.id),
    fingerprint: fingerprintOf({
      ruleId: rule.id,
      file: path,
      resourceType: resource?.type ?? '',
      resourceTitle: resource?.name ?? '',
      attribute: problem.attribute ?? '',
      value: problem.value ?? problem.message,
    }),
  };
  if (resource) finding.resource = { type: resource.type, title: resource.name };
  return finding;
}

function covers(suppression: Suppression, line: number): boolean {
  return suppression.fromLine <= line && line <= suppression.toLine;
}

interface CompiledSuppression {
  reason: string;
  matches(finding: Finding, problem: Problem): boolean;
}

/** Paths in the configuration are relative to its folder; findings' paths to `cwd`. */
function compileSuppression(
  entry: ConfigSuppression,
  base: string,
  cwd: string,
): CompiledSuppression {
  const inPaths = globMatcher(entry.paths);
  const titles = new Set(entry.resources);
  return {
    reason: entry.reason,
    matches(finding, problem) {
      if (finding.ruleId !== entry.rule) return false;
      const path = toPosix(relative(base, resolve(cwd, finding.file)));
      if (entry.paths.length > 0 && !inPaths(path)) return false;
      if (titles.size === 0) return true;
      const resource = problem.resource;
      return (
        resource !== undefined &&
        (titles.has(resource.name) || titles.has(`${resource.type}[${resource.name}]`))
      );
    },
  };
}

function ruleFailure(rule: Rule, error: unknown): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  const span: Span = {
    start: { line: 1, column: 1, offset: 0 },
    end: { line: 1, column: 1, offset: 0 },
  };
  return {
    span,
    message: `rule ${rule.id} failed on this file: ${reason}`,
    attribute: rule.id,
    value: reason,
  };
}

function decode(bytes: Uint8Array, kind: SourceKind): string | { offset: number } {
  try {
    const text = strictUtf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const declared = kind === 'recipe' ? rubyEncoding(bytes) : undefined;
    return declared ?? { offset: Math.max(0, firstInvalidUtf8(bytes)) };
  }
}

function startsWithBom(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Ruby's magic comment, on the first line or after a `#!` line: `# -*- coding: latin-1 -*-`. */
const MAGIC_COMMENT = /^(?:#!.*\n)?#.*?coding[:=][ \t]*([\w.-]+)/;

/**
 * A recipe in the encoding its magic comment declares, which Ruby (and so Chef) honours; or
 * undefined when there is none, or it names an encoding this runtime cannot decode.
 */
function rubyEncoding(bytes: Uint8Array): string | undefined {
  // The comment itself is ASCII in every encoding Ruby accepts there.
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  const label = MAGIC_COMMENT.exec(head)?.[1]?.toLowerCase();
  if (!label || label === 'utf-8') return undefined;
  const name = label === 'binary' || label === 'ascii-8bit' ? 'latin1' : label;
  try {
    return new TextDecoder(name, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A file that is not UTF-8 cannot be parsed; it becomes a syntax error at its first bad byte. */
function undecodable(source: Source, invalid: { offset: number }): LintedFile {
  const text = new TextDecoder('utf-8').decode(source.bytes);
  const lines = new LineIndex(text);
  const prefix = new TextDecoder('utf-8').decode(source.bytes?.subarray(0, invalid.offset));
  const span = lines.span(prefix.length, prefix.length);
  const problem = { message: `the file is not valid UTF-8 text (byte ${invalid.offset})`, span };
  const parse: ParseResult = {
    file: source.path,
    resources: [],
    comments: [],
    problems: [problem],
  };
  return {
    path: source.path,
    source: source.kind,
    text,
    lines,
    parse,
    resources: [],
    suppressionProblems: [],
  };
}

function inventoryOf(file: LintedFile): InventoryEntry[] {
  return file.resources.map((resource) => {
    const start = resource.shared ? resource.headSpan.start : resource.declaration.span.start;
    const entry: InventoryEntry = {
      file: file.path,
      type: resource.type,
      title: resource.name,
      line: start.line,
      column: start.column,
      source: resource.source,
    };
    if (resource.form) entry.form = resource.form;
    return entry;
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
