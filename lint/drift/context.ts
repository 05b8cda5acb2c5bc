import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

import { manifestName, readManifest, type Manifest } from '../../generators/writer.js';

import { LineIndex, type Span } from '../../diagnostics/position.js';
import type { ParseResult, ResourceDeclaration } from '../../parsers/types.js';
import { extractResources } from '../extract/index.js';
import { toPosix } from '../files.js';
import type { LintedFile, Problem } from '../rule.js';
import { isGenerated, specNamed } from './header.js';
import { compareLines } from './lines.js';
import { compareDeclarations, written } from './resources.js';
import {
  findUpwards,
  readSpec,
  renderedFor,
  renderSpec,
  type Spec,
  type SpecSource,
} from './spec.js';

export interface DriftOptions {
  /** The folder file paths are relative to. */
  cwd: string;
  /**
   * `--spec` or the configuration's `spec:`, resolved against `cwd`; or the berth file as
   * text (the pull-request reporter). Without it, the berth file is the one named by the
   * manifest `berth generate` left at the top of the output folder, else the one each
   * generated file's header names, looked for in the file's folder and the folders above.
   */
  spec?: string | SpecSource;
}

/** What the drift rule needs from a run: where to look, and the berth files rendered once. */
export class DriftContext {
  private readonly specs = new Map<string, Spec>();
  private readonly manifests = new Map<string, Manifest>();

  constructor(private readonly options: DriftOptions) {}

  /** Compares a generated file with what its berth file generates now. */
  check(file: LintedFile, reparse: (text: string) => ParseResult, report: (p: Problem) => void) {
    if (!isGenerated(file.text)) return;
    const header = headerSpan(file);
    const spec = this.specFor(file);
    if (typeof spec === 'string') return report(problem(header, spec));
    if (!spec.ok) return report(problem(header, `${spec.problem}: drift was not checked`));

    const rendered = renderedFor(resolve(this.options.cwd, file.path), spec.rendered);
    if (!rendered) {
      const roots = [...new Set(spec.rendered.map((candidate) => candidate.root))].join(', ');
      const message =
        `${spec.path} generates no file at this path (its trees: ${roots}); ` +
        `the file was renamed or comes from another berth file`;
      return report(problem(header, message));
    }
    const text = withHeaderOf(file.text, rendered.file.content);
    if (text === file.text) return;
    compareTexts(file, text, reparse, spec.path, report);
  }

  /** The rendered berth file for a generated file, or why there is none. */
  private specFor(file: LintedFile): Spec | string {
    const { spec, cwd } = this.options;
    if (spec !== undefined && typeof spec !== 'string')
      return this.cached(spec.path, () => renderSpec(spec));
    const named = specNamed(file.text) ?? 'berth.yaml';
    const path = resolve(cwd, file.path);
    const absolute =
      spec !== undefined
        ? resolve(cwd, spec)
        : (this.recordedSource(path) ?? findUpwards(dirname(path), named));
    if (!absolute) {
      return (
        `${named} was not found in this file's folder or above it, and no ${manifestName} ` +
        `there names a berth file that exists, so drift was not checked; give its path with ` +
        `--spec`
      );
    }
    const shown = toPosix(relative(cwd, absolute)) || named;
    return this.cached(absolute, () => renderSpec(readSpec(absolute, shown)));
  }

  /**
   * The berth file that the output folder's manifest says `path` was generated from, if the
   * manifest lists the file and the berth file is still there. A manifest naming a berth file
   * that was moved or deleted is passed over, and the header's name is looked for instead.
   */
  private recordedSource(path: string): string | undefined {
    const found = findUpwards(dirname(path), manifestName);
    if (!found) return undefined;
    const outDir = dirname(found);
    let manifest = this.manifests.get(outDir);
    if (!manifest) {
      manifest = readManifest(outDir);
      this.manifests.set(outDir, manifest);
    }
    const listed = Object.hasOwn(manifest.files, toPosix(relative(outDir, path)));
    if (!listed || manifest.source === undefined) return undefined;
    const source = resolve(outDir, manifest.source);
    return existsSync(source) ? source : undefined;
  }

  private cached(key: string, load: () => Spec): Spec {
    let spec = this.specs.get(key);
    if (!spec) {
      spec = load();
      this.specs.set(key, spec);
    }
    return spec;
  }
}

function compareTexts(
  file: LintedFile,
  text: string,
  reparse: (text: string) => ParseResult,
  spec: string,
  report: (problem: Problem) => void,
): void {
  const lines = new LineIndex(text);
  const parse = reparse(text);
  const resources = extractResources({ parse, source: file.source, text, lines });
  const disk = { declarations: file.parse.resources, resources: file.resources };
  const fresh = { declarations: parse.resources, resources };
  compareDeclarations(disk, fresh, spec, headerSpan(file), report);
  // Each declaration is folded into one line for the line comparison, so comments, layout and
  // attribute order inside a resource body are not compared: only attribute values are.
  const keyOf = (declaration: ResourceDeclaration) =>
    `${declaration.type} ${written(declaration.title)}`;
  compareLines(
    { text: file.text, lines: file.lines, declarations: file.parse.resources },
    { text, declarations: parse.resources },
    spec,
    keyOf,
    report,
  );
}

/**
 * The generated text with the berth file named as the file on disk names it: a berth file
 * given with `--spec` under another name is still the one the header meant.
 */
function withHeaderOf(disk: string, generated: string): string {
  const ours = specNamed(disk);
  const theirs = specNamed(generated);
  if (ours === undefined || theirs === undefined || ours === theirs) return generated;
  const lines = generated.split('\n');
  const header = lines.slice(0, 5).map((line) => line.split(theirs).join(ours));
  return [...header, ...lines.slice(5)].join('\n');
}

/** The first line, where berth's header is. */
function headerSpan(file: LintedFile): Span {
  const end = file.text.indexOf('\n');
  return file.lines.span(0, end < 0 ? file.text.length : end);
}

function problem(span: Span, message: string): Problem {
  return { span, message, attribute: 'berth file', value: message };
}
