import { schema } from '../model/validate.js';
import type { FieldMapping, Support, Target } from './types.js';

/** The container fields of the schema, in the schema's order: the rows of the matrix. */
export function containerFields(): string[] {
  return Object.keys(schema.$defs.container.properties);
}

const mark: Record<Support, string> = { yes: 'yes', partial: 'partial', no: 'no' };

function cell(mapping: FieldMapping | undefined, detailed: boolean): string {
  if (!mapping) return 'missing';
  if (!detailed) return mark[mapping.support];
  const note = mapping.note ? ` (${mapping.note})` : '';
  return `${mark[mapping.support]}: ${mapping.via}${note}`.replace(/\|/g, '\\|');
}

/**
 * The field × target support matrix as Markdown, built from each target's own mapping table,
 * the same table its generator reads. `detailed` adds how each field is carried and why not.
 */
export function renderSupportMatrix(targets: Target[], detailed: boolean): string {
  const header = `| field | ${targets.map((t) => t.name).join(' | ')} |`;
  const rule = `|---|${targets.map(() => '---').join('|')}|`;
  const rows = containerFields().map(
    (field) =>
      `| \`${field}\` | ${targets.map((t) => cell(t.fields[field], detailed)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

/** Every matrix row a target leaves out, or names that are not schema fields. */
export function mappingGaps(target: Target): { missing: string[]; unknown: string[] } {
  const fields = containerFields();
  const rows = Object.keys(target.fields).filter((key) => !key.includes('.'));
  return {
    missing: fields.filter((field) => !(field in target.fields)),
    unknown: rows.filter((row) => !fields.includes(row)),
  };
}
