import { fail } from '../diagnostics/diagnostic.js';
import { closest } from '../model/suggest.js';

export interface OptionSpec {
  name: string;
  short?: string;
  /** Present for options that take a value: the word shown in help (`DIR`). */
  value?: string;
  /** May be given several times; values also split on commas. */
  repeatable?: boolean;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  description: string;
  options: OptionSpec[];
}

export interface ParsedArgs {
  flags: Record<string, boolean>;
  values: Record<string, string[]>;
  positionals: string[];
}

/** Options every command takes. */
export const commonOptions: OptionSpec[] = [
  { name: 'debug', description: 'print each pipeline step and its time on stderr' },
  { name: 'help', short: 'h', description: 'show this help' },
];

/**
 * A small, strict parser: `--name`, `--name value`, `--name=value`, `-x`, `--` to end options.
 * Anything unknown is a usage error with a suggestion, never silently ignored.
 */
export function parseArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options = [...spec.options, ...commonOptions];
  const parsed: ParsedArgs = { flags: {}, values: {}, positionals: [] };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }

    const [rawName, inlineValue] = splitOption(arg);
    const option = findOption(options, rawName, spec.name);
    if (!option.value) {
      if (inlineValue !== undefined) usage(spec, `--${option.name} takes no value`);
      parsed.flags[option.name] = true;
      continue;
    }

    const value = inlineValue ?? argv[++i];
    if (value === undefined) usage(spec, `--${option.name} needs a value (${option.value})`);
    const values = option.repeatable ? value.split(',').filter(Boolean) : [value];
    parsed.values[option.name] = [...(parsed.values[option.name] ?? []), ...values];
  }
  return parsed;
}

function splitOption(arg: string): [string, string | undefined] {
  const equals = arg.indexOf('=');
  return equals < 0 ? [arg, undefined] : [arg.slice(0, equals), arg.slice(equals + 1)];
}

function findOption(options: OptionSpec[], rawName: string, command: string): OptionSpec {
  const isLong = rawName.startsWith('--');
  const name = rawName.replace(/^--?/, '');
  const option = options.find((o) => (isLong ? o.name === name : o.short === name));
  if (option) return option;

  const guess = closest(
    name,
    options.map((o) => o.name),
  );
  fail('BERTH-USAGE-OPTION', {
    option: rawName,
    command,
    suggestion: guess ? `; did you mean --${guess}?` : '',
  });
}

export function usage(spec: CommandSpec, problem: string): never {
  fail('BERTH-USAGE-ARGUMENT', { problem, command: spec.name });
}

/** The last value of an option, or the fallback. */
export function single(parsed: ParsedArgs, name: string, fallback: string): string;
export function single(parsed: ParsedArgs, name: string): string | undefined;
export function single(parsed: ParsedArgs, name: string, fallback?: string): string | undefined {
  const values = parsed.values[name];
  return values?.[values.length - 1] ?? fallback;
}

export function helpText(spec: CommandSpec): string {
  const options = [...spec.options, ...commonOptions];
  const labels = options.map((o) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    return `${short}--${o.name}${o.value ? ` ${o.value}` : ''}`;
  });
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  const lines = options.map((o, i) => `  ${labels[i]!.padEnd(width)}${o.description}`);
  return [`Usage: ${spec.usage}`, '', spec.description, '', 'Options:', ...lines, ''].join('\n');
}
