import type { Finding, LintResult } from '../lint/types.js';

/**
 * Checkstyle XML, which CI servers and reviewdog read: one `<file>` per linted file, one
 * `<error>` per open finding. Checkstyle has no place for suppressed findings; they are left out.
 */
export function formatCheckstyle(result: LintResult): string {
  const byFile = new Map<string, Finding[]>(result.files.map((file) => [file, []]));
  for (const finding of result.findings) {
    if (!finding.suppression) byFile.get(finding.file)?.push(finding);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, findings] of byFile) {
    if (findings.length === 0) {
      lines.push(`  <file name="${escapeXml(file)}"/>`);
      continue;
    }
    lines.push(`  <file name="${escapeXml(file)}">`);
    for (const finding of findings) lines.push(`    ${errorElement(finding)}`);
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return `${lines.join('\n')}\n`;
}

function errorElement(finding: Finding): string {
  const attributes = [
    ['line', String(finding.line)],
    ['column', String(finding.column)],
    ['severity', finding.severity],
    ['message', finding.message],
    ['source', `berth.${finding.ruleId}`],
  ];
  const written = attributes.map(([name, value]) => `${name}="${escapeXml(value!)}"`);
  return `<error ${written.join(' ')}/>`;
}

/** Escapes text for an XML attribute; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
