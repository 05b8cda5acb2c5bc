import { relative } from 'node:path';

import { diagnostic } from '../../diagnostics/diagnostic.js';
import { planChanges, writeOutput, type Change } from '../../generators/writer.js';
import { single, type ParsedArgs } from '../args.js';
import { compile, outputFiles, selectTargets } from '../compile.js';
import { logger } from '../log.js';
import { out, printDiagnostics } from '../output.js';

const log = logger('generate');

export function runGenerate(args: ParsedArgs): number {
  const file = args.positionals[0] ?? 'berth.yaml';
  const outDir = single(args, 'out', 'generated');
  const selected = selectTargets(args.values.target ?? ['chef', 'puppet'], 'generate');
  const strict = args.flags.strict === true;

  const compiled = compile(file, selected, strict);
  printDiagnostics(compiled.diagnostics, args.flags['no-warnings'] === true);
  if (compiled.diagnostics.some((d) => d.severity === 'error')) return 2;

  const files = outputFiles(compiled.results);
  const options = { force: args.flags.force === true, source: file };

  if (args.flags.check) {
    const changes = log.time('plan', () => planChanges(outDir, files));
    reportStale(outDir, changes);
    return changes.length > 0 ? 1 : 0;
  }

  const report = log.time('write', () => writeOutput(outDir, files, options));
  out(
    summary(
      outDir,
      compiled.results.map((r) => r.root),
      report.changes,
      report.unchanged,
    ),
  );
  return 0;
}

function reportStale(outDir: string, changes: Change[]): void {
  const problems: Record<Change['kind'], string> = {
    create: 'is missing',
    update: 'differs from what berth.yaml generates',
    delete: 'is no longer generated',
  };
  if (changes.length === 0) {
    out(`${outDir} is up to date`);
    return;
  }
  const diagnostics = changes.map((change) => {
    const path = `${outDir}/${change.path}`;
    return diagnostic(
      'BERTH-CHECK-STALE',
      { path, problem: problems[change.kind] },
      { file: path },
    );
  });
  printDiagnostics(diagnostics);
}

function summary(outDir: string, roots: string[], changes: Change[], unchanged: number): string {
  const count = (kind: Change['kind']) => changes.filter((c) => c.kind === kind).length;
  const where = relative(process.cwd(), outDir) || '.';
  const trees = roots.map((root) => `${where}/${root}`).join(', ');
  return (
    `${trees}: ${count('create')} created, ${count('update')} updated, ` +
    `${count('delete')} deleted, ${unchanged} unchanged`
  );
}
