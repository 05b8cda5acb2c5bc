import { describe, expect, it } from 'vitest';

import { puppetFields } from '../../../generators/puppet/fields.js';
import { puppetTarget } from '../../../generators/puppet/index.js';
import { schema } from '../../../model/validate.js';

type SchemaNode = Record<string, any>;

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  while (current?.$ref) current = (schema as SchemaNode).$defs[current.$ref.split('/').pop()];
  return current;
}

/**
 * Every property path below a schema node, the way the fields table names them: lists and
 * user-chosen map keys are transparent, branches of oneOf are merged.
 */
function paths(node: SchemaNode | undefined, prefix: string, out: Set<string>): Set<string> {
  const resolved = resolve(node);
  if (!resolved) return out;
  for (const branch of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) {
    paths(branch, prefix, out);
  }
  if (resolved.items) paths(resolved.items, prefix, out);
  if (typeof resolved.additionalProperties === 'object') {
    paths(resolved.additionalProperties, prefix, out);
  }
  for (const [name, child] of Object.entries(resolved.properties ?? {})) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.add(path);
    paths(child as SchemaNode, path, out);
  }
  return out;
}

describe('the Puppet fields table', () => {
  it('has one row for every container field of the schema, and no other', () => {
    const expected = paths((schema as SchemaNode).$defs.container, '', new Set());
    const rows = Object.keys(puppetFields).filter((key) => !key.startsWith('/'));
    expect(rows.sort()).toEqual([...expected].sort());
  });

  it('has one row for every top-level field of the schema, and no other', () => {
    const expected = new Set<string>();
    for (const [name, child] of Object.entries((schema as SchemaNode).properties)) {
      if (name === 'containers') continue;
      expected.add(`/${name}`);
      paths(child as SchemaNode, `/${name}`, expected);
    }
    const rows = Object.keys(puppetFields).filter((key) => key.startsWith('/'));
    expect(rows.sort()).toEqual([...expected].sort());
  });

  it('explains every field Puppet carries only in part or not at all', () => {
    for (const [field, mapping] of Object.entries(puppetFields)) {
      expect(mapping.via, field).not.toBe('');
      if (mapping.support !== 'yes') expect(mapping.note, field).toBeTruthy();
    }
  });

  it('is the table the target exports', () => {
    expect(puppetTarget.fields).toBe(puppetFields);
  });
});
