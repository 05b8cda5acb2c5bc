import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findTarget, targets } from '../generators/index.js';
import type { RenderResult, Target, TranslationNote } from '../generators/types.js';
import type { OutputFile } from '../generators/writer.js';
import { readModel, type LoadedModel } from '../model/index.js';
import { formatPath } from '../model/validate.js';
import { fail } from '../diagnostics/diagnostic.js';
import { logger } from './log.js';

const log = logger('compile');

export interface Compiled {
  loaded: LoadedModel;
  results: RenderResult[];
  /** Translation notes as located diagnostics; under `strict` every one is an error. */
  diagnostics: Diagnostic[];
}

/** Targets by name; an unknown name is a usage error that lists the known ones. */
export function selectTargets(names: string[], command: string): Target[] {
  return names.map((name) => {
    const target = findTarget(name);
    if (!target) {
      const known = targets.map((t) => t.name).join(', ');
      fail('BERTH-USAGE-ARGUMENT', {
        problem: `unknown target "${name}" (known: ${known})`,
        command,
      });
    }
    return target;
  });
}

export function compile(file: string, selected: Target[], strict: boolean): Compiled {
  const loaded = log.time('load, validate, normalize', () => readModel(file));
  const results = selected.map((target) =>
    log.time(`render ${target.name}`, () => target.render(loaded.model)),
  );

  const diagnostics = groupedDiagnostics(loaded, results, selected, strict);
  return { loaded, results, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Notes that say the same thing (code, target, message and hint) about several places become
 * one diagnostic at the first place that lists the others by path: a fleet of 10,000 alike
 * containers gets one warning, not 10,000. Only the first place of each is located.
 */
function groupedDiagnostics(
  loaded: LoadedModel,
  results: RenderResult[],
  selected: Target[],
  strict: boolean,
): Diagnostic[] {
  const groups = new Map<string, { note: TranslationNote; target: string; also: string[] }>();
  results.forEach((result, index) => {
    const target = selected[index]!.name;
    for (const note of result.notes) {
      const text = diagnostic(note.code, note.data);
      const key = [note.code, note.severity, target, text.message, text.hint].join('\u0000');
      const group = groups.get(key);
      if (group) group.also.push(formatPath(note.path));
      else groups.set(key, { note, target, also: [] });
    }
  });

  return [...groups.values()].map(({ note, target, also }) =>
    diagnostic(
      note.code,
      note.data,
      {
        file: loaded.document.file,
        path: formatPath(note.path),
        target,
        ...(note.atKey ? loaded.document.locateKey(note.path) : loaded.document.locate(note.path)),
        ...(also.length > 0 ? { also } : {}),
      },
      strict ? 'error' : note.severity,
    ),
  );
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.target ?? '').localeCompare(b.target ?? '') ||
      a.code.localeCompare(b.code),
  );
}

/** Every rendered file with its path below the output folder. */
export function outputFiles(results: RenderResult[]): OutputFile[] {
  return results.flatMap((result) =>
    result.files.map((file) => ({ path: `${result.root}/${file.path}`, content: file.content })),
  );
}
