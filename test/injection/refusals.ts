import yaml from 'js-yaml';

import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { YamlPath } from '../../model/types.js';
import { formatPath } from '../../model/validate.js';

/** A value berth must refuse, found from the berth file's data alone. */
export interface ExpectedRefusal {
  /** `containers.app.command[1]`, as diagnostics name it. */
  path: string;
  /** Whether the key at `path` is refused rather than its value. */
  atKey: boolean;
  /** What the value holds that cannot be carried; the message must name one of these. */
  reasons: string[];
  /** What the YAML text holds where the diagnostic points. */
  found: unknown;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function uncarriable(text: string): string[] {
  return [
    ...(text.includes('\u0000') ? ['contains a NUL character'] : []),
    ...(loneSurrogate.test(text) ? ['contains an unpaired surrogate'] : []),
  ];
}

/**
 * What berth must refuse in a berth file. First every string and key is looked at: NUL and
 * unpaired surrogates cannot be written to any target, and a file with one is refused for
 * those alone. Only then are values read, and a bind mount whose source or target holds ":"
 * is refused, since every target writes a mount as SOURCE:TARGET.
 */
export function expectedRefusals(spec: unknown): ExpectedRefusal[] {
  const unsafe: ExpectedRefusal[] = [];
  const visit = (value: unknown, path: YamlPath) => {
    if (typeof value === 'string') {
      const reasons = uncarriable(value);
      if (reasons.length > 0)
        unsafe.push({ path: formatPath(path), atKey: false, reasons, found: value });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, item] of Object.entries(value)) {
      const at = Array.isArray(value) ? path.concat(Number(key)) : path.concat(key);
      const reasons = Array.isArray(value) ? [] : uncarriable(key);
      if (reasons.length > 0)
        unsafe.push({ path: formatPath(at), atKey: true, reasons, found: key });
      visit(item, at);
    }
  };
  visit(spec, []);
  return unsafe.length > 0 ? unsafe : mountColons(spec as Spec);
}

type Spec = { containers: Record<string, { volumes?: { source: string; target: string }[] }> };

function mountColons(spec: Spec): ExpectedRefusal[] {
  return Object.entries(spec.containers).flatMap(([name, container]) =>
    (container.volumes ?? []).flatMap((mount, i) => {
      const paths = [mount.target, mount.source].filter((p) => p.includes(':'));
      if (paths.length === 0) return [];
      return [
        {
          path: formatPath(['containers', name, 'volumes', i]),
          atKey: false,
          reasons: paths.map((p) => `the path "${p}" contains ":"`),
          found: { type: 'bind' },
        },
      ];
    }),
  );
}

/**
 * Checks one refusal against what berth reported: the specific code, the value's path, a
 * message naming what the value holds, and a line and column that point at the value (or key)
 * in the YAML text. Returns the problems found, none when the refusal is right.
 */
export function refusalProblems(
  text: string,
  expected: readonly ExpectedRefusal[],
  reported: readonly Diagnostic[],
): string[] {
  const problems: string[] = [];
  const paths = reported.map((d) => d.path ?? '(no path)');
  if (JSON.stringify([...paths].sort()) !== JSON.stringify(expected.map((e) => e.path).sort())) {
    problems.push(
      `refused ${JSON.stringify(paths)}, expected ${JSON.stringify(expected.map((e) => e.path))}`,
    );
  }
  for (const diagnostic of reported) {
    // A key and its value can both be refused: they share a path, and the diagnostic must fit
    // one of them.
    const candidates = expected.filter((e) => e.path === diagnostic.path);
    const misfits = candidates.map((wanted) => diagnosticProblems(text, wanted, diagnostic));
    if (candidates.length > 0 && !misfits.some((list) => list.length === 0)) {
      problems.push(...misfits[0]!);
    }
  }
  return problems;
}

function diagnosticProblems(
  text: string,
  wanted: ExpectedRefusal,
  diagnostic: Diagnostic,
): string[] {
  const problems: string[] = [];
  const where = `${diagnostic.path} (${diagnostic.code} ${diagnostic.message})`;
  if (diagnostic.code !== 'BERTH-SPEC-VALUE') problems.push(`${where}: not BERTH-SPEC-VALUE`);
  if (!wanted.reasons.some((reason) => diagnostic.message.includes(reason))) {
    problems.push(`${where}: says none of ${JSON.stringify(wanted.reasons)}`);
  }
  const found = textAt(text, diagnostic.line, diagnostic.column);
  const value = wanted.atKey ? keyOf(found) : found;
  if (JSON.stringify(value) !== JSON.stringify(wanted.found)) {
    problems.push(
      `${where}: line ${diagnostic.line}, column ${diagnostic.column} holds ` +
        `${JSON.stringify(value)}, not the refused ${wanted.atKey ? 'key' : 'value'}`,
    );
  }
  return problems;
}

const keyOf = (found: unknown) =>
  found !== null && typeof found === 'object' ? Object.keys(found)[0] : undefined;

/**
 * What YAML reads from the given position to the end of its line. The values refused for a
 * character are double-quoted on one line (YAML cannot write NUL or a lone surrogate any other
 * way), so this is the value, or a one-key map for a key.
 */
function textAt(text: string, line?: number, column?: number): unknown {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line! < 1 || column! < 1) {
    return undefined;
  }
  const lineText = text.split('\n')[line! - 1];
  if (lineText === undefined || column! > lineText.length + 1) return undefined;
  try {
    return yaml.load(lineText.slice(column! - 1));
  } catch {
    return undefined;
  }
}
