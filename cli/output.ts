import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostic, useColor } from '../diagnostics/format.js';

export function printDiagnostics(diagnostics: Diagnostic[], hideWarnings = false): void {
  const color = useColor(process.stderr);
  for (const d of diagnostics) {
    if (hideWarnings && d.severity === 'warning') continue;
    process.stderr.write(`${formatDiagnostic(d, { color })}\n`);
  }
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
