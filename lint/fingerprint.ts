import { createRequire } from 'node:module';

import type { Finding } from './types.js';

/** node:crypto is loaded with the first finding: a run without findings saves about 3 ms. */
let crypto: typeof import('node:crypto') | undefined;

/** What identifies a finding apart from where it is. */
export interface FingerprintParts {
  ruleId: string;
  file: string;
  resourceType: string;
  resourceTitle: string;
  attribute: string;
  value: string;
}

/**
 * A finding's identity across runs: the rule, the file, the resource, the attribute and the
 * normalised value, hashed; never a line number, so unrelated edits above do not change it.
 */
export function fingerprintOf(parts: FingerprintParts): string {
  const text = [
    parts.ruleId,
    parts.file,
    parts.resourceType,
    parts.resourceTitle,
    parts.attribute,
    normalise(parts.value),
  ].join('\u0000');
  return `${parts.ruleId}:${sha256(text).slice(0, 20)}`;
}

/**
 * One finding costs one hash, and a hash object per call is most of a finding's cost. The
 * one-call form (Node 20.12 and later) gives the same digest without it.
 */
function sha256(text: string): string {
  crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  if (typeof crypto.hash === 'function') return crypto.hash('sha256', text, 'hex');
  return crypto.createHash('sha256').update(text).digest('hex');
}

function normalise(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/**
 * Two findings with the same parts (the same capability added twice to one container) get
 * `:2`, `:3`... in source order, so each fingerprint names one finding.
 */
export function numberRepeats(findings: Finding[]): void {
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const count = (seen.get(finding.fingerprint) ?? 0) + 1;
    seen.set(finding.fingerprint, count);
    if (count > 1) finding.fingerprint = `${finding.fingerprint}:${count}`;
  }
}
