import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { chefFields } from '../../../generators/chef/fields.js';

type SchemaNode = Record<string, any>;

const schema = JSON.parse(
  readFileSync(new URL('../../../schema/berth.schema.json', import.meta.url), 'utf8'),
) as SchemaNode;

const resolve = (node: SchemaNode | undefined): SchemaNode | undefined => {
  let current = node;
  while (current?.$ref) current = schema.$defs[String(current.$ref).split('/').pop()!];
  return current;
};

/**
 * Every field name the schema allows below a node: properties, the properties of each `oneOf`
 * form, of list items and of map values (whose own keys are names the user picks, left out).
 */
function fieldsBelow(node: SchemaNode | undefined, prefix: string, out: Set<string>): Set<string> {
  const resolved = resolve(node);
  if (!resolved || typeof resolved !== 'object') return out;
  for (const form of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) {
    fieldsBelow(form, prefix, out);
  }
  for (const [key, child] of Object.entries(resolved.properties ?? {})) {
    out.add(`${prefix}${key}`);
    fieldsBelow(child as SchemaNode, `${prefix}${key}.`, out);
  }
  if (typeof resolved.additionalProperties === 'object') {
    fieldsBelow(resolved.additionalProperties, prefix, out);
  }
  if (resolved.items) fieldsBelow(resolved.items, prefix, out);
  return out;
}

function schemaFields(): string[] {
  const fields = fieldsBelow(schema.$defs.container, '', new Set());
  for (const [key, child] of Object.entries(schema.properties as SchemaNode)) {
    if (key === 'containers') continue;
    fields.add(`/${key}`);
    fieldsBelow(child as SchemaNode, `/${key}.`, fields);
  }
  return [...fields].sort();
}

describe('the Chef fields table', () => {
  it('has exactly one row per field of the schema', () => {
    expect(Object.keys(chefFields).sort()).toEqual(schemaFields());
  });

  it('covers the sub-fields the support matrix must show', () => {
    for (const field of ['healthcheck.start_period', 'ports.mode', 'depends_on.condition']) {
      expect(chefFields).toHaveProperty([field]);
    }
  });

  it('explains every field it carries partly or not at all', () => {
    const unexplained = Object.entries(chefFields)
      .filter(([, mapping]) => mapping.support !== 'yes' && !mapping.note)
      .map(([field]) => field);
    expect(unexplained).toEqual([]);
  });
});
