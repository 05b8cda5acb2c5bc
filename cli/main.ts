import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { BerthError, diagnostic } from '../diagnostics/diagnostic.js';
import { packageRoot } from '../generators/templates.js';
import { closest } from '../model/suggest.js';
import { helpText, parseArgs, type CommandSpec, type ParsedArgs } from './args.js';
import { explainSpec, generateSpec, lintSpec, schemaSpec, validateSpec } from './specs.js';
import { enableDebug } from './log.js';
import { out, printDiagnostics } from './output.js';

interface Command {
  spec: CommandSpec;
  run(args: ParsedArgs): number | Promise<number>;
}

/** Each command's code is imported only when it runs: `generate` never loads the linter. */
const commands: Command[] = [
  { spec: generateSpec, run: async (a) => (await import('./commands/generate.js')).runGenerate(a) },
  { spec: validateSpec, run: async (a) => (await import('./commands/validate.js')).runValidate(a) },
  { spec: explainSpec, run: async (a) => (await import('./commands/explain.js')).runExplain(a) },
  { spec: lintSpec, run: async (a) => (await import('./commands/lint.js')).runLint(a) },
  { spec: schemaSpec, run: async (a) => (await import('./commands/schema.js')).runSchema(a) },
];

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.spec.name.length)) + 2;
  return [
    'Usage: berth <command> [options]',
    '',
    'One YAML file for your Docker containers, compiled into a Chef cookbook and a Puppet',
    'module; and a linter for the recipes and manifests you already have.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    'Run `berth <command> --help` for the options of a command.',
    'Exit codes: 0 success, 1 findings or differences, 2 bad input or usage.',
    '',
  ].join('\n');
}

function version(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
  return String(manifest.version);
}

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  if (debug) enableDebug();

  try {
    return await dispatch(argv);
  } catch (error) {
    if (error instanceof BerthError) {
      printDiagnostics(error.diagnostics);
      return 2;
    }
    // Anything else is a defect in berth, not in the input. The stack trace is useful to us,
    // not to the user, so it is shown only under --debug.
    const reason = error instanceof Error ? error.message : String(error);
    printDiagnostics([diagnostic('BERTH-INTERNAL', { reason })]);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    out(version());
    return 0;
  }

  const command = commands.find((c) => c.spec.name === name);
  if (!command) {
    const guess = closest(
      name,
      commands.map((c) => c.spec.name),
    );
    throw new BerthError(
      diagnostic('BERTH-USAGE-COMMAND', {
        command: guess ? `${name}"; did you mean "${guess}` : name,
      }),
    );
  }

  const args = parseArgs(command.spec, rest);
  if (args.flags.help) {
    out(helpText(command.spec));
    return 0;
  }
  return command.run(args);
}
