import { targets } from '../../generators/index.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { compile } from '../compile.js';
import { out, printDiagnostics } from '../output.js';

export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'check berth.yaml and show what each target cannot express',
  usage: 'berth validate [FILE] [options]',
  description: [
    'Checks FILE (default: berth.yaml) against the schema and the rules of each target, and',
    'prints every target-difference warning. Writes nothing.',
    '',
    'Exit codes: 0 valid, 2 invalid (or any warning under --strict).',
  ].join('\n'),
  options: [{ name: 'strict', description: 'treat target-difference warnings as errors' }],
};

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
