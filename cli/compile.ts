import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { findTarget, targets } from '../generators/index.js';
import type { RenderResult, Target } from '../generators/types.js';
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

  const diagnostics = results.flatMap((result, index) =>
    result.notes.map((note) =>
      diagnostic(
        note.code,
        note.data,
        {
          file: loaded.document.file,
          path: formatPath(note.path),
          target: selected[index]!.name,
          ...(note.atKey
            ? loaded.document.locateKey(note.path)
            : loaded.document.locate(note.path)),
        },
        strict ? 'error' : note.severity,
      ),
    ),
  );
  return { loaded, results, diagnostics: sortDiagnostics(diagnostics) };
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
