import type { FieldMapping, Support, Target } from './types.js';

/**
 * The field × target support matrix, built from each target's own mapping table (the table its
 * generator reads). Keys name a container field (`ports`), a sub-field (`ports.host_ip`) or,
 * with a leading `/`, a field outside `containers:` (`/networks.ipam`).
 */

const label: Record<Support, string> = { yes: 'yes', partial: 'partial', no: 'no' };

/** All keys of all targets, in the order of the first target that lists them. */
function rowKeys(targets: Target[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    for (const key of Object.keys(target.fields)) {
      if (!seen.has(key)) keys.push(key);
      seen.add(key);
    }
  }
  return keys;
}

/** A sub-field a target does not list is carried as its parent field is. */
function mappingFor(target: Target, key: string): FieldMapping | undefined {
  for (let current = key; current; current = current.slice(0, current.lastIndexOf('.'))) {
    const mapping = target.fields[current];
    if (mapping) return mapping;
    if (!current.includes('.')) return undefined;
  }
  return undefined;
}

function cell(mapping: FieldMapping | undefined, detailed: boolean): string {
  if (!mapping) return 'n/a';
  if (!detailed) return label[mapping.support];
  const note = mapping.note ? `; ${mapping.note}` : '';
  return `${label[mapping.support]}: ${mapping.via}${note}`.replace(/\|/g, '\\|');
}

function table(targets: Target[], keys: string[], detailed: boolean): string {
  const header = `| field | ${targets.map((t) => t.name).join(' | ')} |`;
  const rule = `|---|${targets.map(() => '---').join('|')}|`;
  const rows = keys.map((key) => {
    const cells = targets.map((target) => cell(mappingFor(target, key), detailed));
    return `| \`${key.replace(/^\//, '')}\` | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/**
 * Two tables: the fields of a container, and the fields outside `containers:`. The short
 * form (for the README) has the top-level fields only and says yes, partial or no; the
 * detailed form has every sub-field and how each target carries it.
 */
export function renderSupportMatrix(targets: Target[], detailed: boolean): string {
  const keys = rowKeys(targets).filter((key) => detailed || !key.slice(1).includes('.'));
  const containerKeys = keys.filter((key) => !key.startsWith('/'));
  const topKeys = keys.filter((key) => key.startsWith('/'));
  return [
    '**Container fields**',
    '',
    table(targets, containerKeys, detailed),
    '',
    '**Fields outside `containers:`**',
    '',
    table(targets, topKeys, detailed),
  ].join('\n');
}
