import type { Diagnostic } from './diagnostic.js';

export interface FormatOptions {
  color: boolean;
}

const paint = (code: string, text: string, on: boolean): string =>
  on ? `\u001b[${code}m${text}\u001b[0m` : text;

/** `file:line:col CODE message`, then the hint on its own line. */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const place = [d.file, d.line, d.column].filter((part) => part !== undefined).join(':');
  const level =
    d.severity === 'error'
      ? paint('31', 'error', options.color)
      : paint('33', 'warning', options.color);
  const head = `${place ? `${place} ` : ''}${paint('1', d.code, options.color)} ${d.message}`;
  const detail = [d.path ? `at ${d.path}` : '', d.target ? `target ${d.target}` : '']
    .filter(Boolean)
    .join(', ');
  return `${head}\n  ${level}${detail ? ` (${detail})` : ''}: ${d.hint}${alsoLine(d.also)}`;
}

/** `also at a, b, c and 9,997 more places`: the places a grouped problem also applies to. */
function alsoLine(also: string[] | undefined): string {
  if (!also || also.length === 0) return '';
  const shown = also.slice(0, 3).join(', ');
  const rest = also.length - 3;
  return `\n  also at ${shown}${rest > 0 ? ` and ${rest.toLocaleString('en')} more places` : ''}`;
}

/** Whether stderr/stdout output may be colored: a terminal, and NO_COLOR not set. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}
