import { targets } from '../../generators/index.js';
import type { ParsedArgs } from '../args.js';
import { compile } from '../compile.js';
import { out, printDiagnostics } from '../output.js';

export function runValidate(args: ParsedArgs): number {
  const file = args.positionals[0] ?? 'berth.yaml';
  const compiled = compile(file, targets, args.flags.strict === true);
  printDiagnostics(compiled.diagnostics);
  if (compiled.diagnostics.some((d) => d.severity === 'error')) return 2;

  const { model } = compiled.loaded;
  const warnings = compiled.diagnostics.length;
  out(
    `${file} is valid: ${model.containers.length} containers, ${model.images.length} images, ` +
      `${model.networks.length} networks, ${model.volumes.length} volumes` +
      (warnings > 0 ? `; ${warnings} target-difference warnings` : ''),
  );
  return 0;
}
