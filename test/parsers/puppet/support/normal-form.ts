import type { ResourceDeclaration, Value } from '../../../../parsers/types.js';

/**
 * A comparable summary of one resource node, built the same way from berth's declarations and
 * from Puppet's dump: where it starts, what it is, its title and its attributes with values.
 * Values that only run time knows compare by the reason they are unknown.
 */
export interface NormalResource {
  line: number;
  form: string;
  type: string;
  title: unknown;
  attributes: [string, string, unknown][];
}

const strictName = /^(::)?[a-z]\w*(::[a-z]\w*)*$/;

// ------------------------------------------------------------------ berth's side

export function fromBerth(resources: ResourceDeclaration[]): NormalResource[] {
  return stableByLine(resources.map(normalDeclaration));
}

function normalDeclaration(declaration: ResourceDeclaration): NormalResource {
  const form = declaration.form ?? 'resource';
  const untitled = form === 'defaults' || form === 'collector';
  return {
    line: declaration.span.start.line,
    form: declaration.virtual
      ? `virtual ${form}`
      : declaration.exported
        ? `exported ${form}`
        : form,
    type: normalType(declaration.type),
    title: untitled ? null : berthValue(declaration.title),
    attributes: declaration.attributes.map((attribute) => [
      attribute.name,
      attribute.append ? '+>' : '=>',
      berthValue(attribute.value),
    ]),
  };
}

function berthValue(value: Value): unknown {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'symbol':
      return strictName.test(value.value) ? { name: value.value } : value.value;
    case 'nil':
      return null;
    case 'array':
      return value.items.map(berthValue);
    case 'hash':
      return {
        hash: value.entries.map((entry) => [berthValue(entry.key), berthValue(entry.value)]),
      };
    case 'unknown':
      return { unknown: value.reason };
  }
}

function normalType(type: string): string {
  const name = type.replace(/^::/, '').toLowerCase();
  return /^[a-z0-9_:]+$/.test(name) ? name : '?';
}

// ------------------------------------------------------------------ Puppet's side

/** A node of the dump: `{"^": [name, ...args]}` is a call, `{"#": [k, v, ...]}` a map. */
type Pn = string | number | boolean | null | Pn[] | { '^': Pn[] } | { '#': Pn[] };

export function fromDump(ast: unknown): NormalResource[] {
  const found: NormalResource[] = [];
  walk(ast as Pn, found);
  return stableByLine(found);
}

function walk(node: Pn, found: NormalResource[]): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, found);
  } else if (node !== null && typeof node === 'object') {
    if ('^' in node) {
      const [name, ...args] = node['^'];
      const map = args[0] !== undefined ? mapOf(args[0]) : undefined;
      if (map) found.push(...resourceNodes(String(name), map));
      for (const arg of args) walk(arg, found);
    } else {
      for (const child of node['#']) walk(child, found);
    }
  }
}

function resourceNodes(name: string, map: Map<string, Pn>): NormalResource[] {
  const line = Number(map.get('line'));
  const form = map.get('form');
  const prefix = typeof form === 'string' ? `${form} ` : '';
  const ops = (map.get('ops') ?? []) as Pn[];
  switch (name) {
    case 'resource':
      return ((map.get('bodies') ?? []) as Pn[]).map((body) => {
        const bodyMap = mapOf(body) ?? new Map<string, Pn>();
        const attributes = ((bodyMap.get('ops') ?? []) as Pn[]).map(dumpAttribute);
        const title = dumpValue(bodyMap.get('title') ?? null);
        const type = dumpType(map.get('type') ?? null);
        return { line, form: `${prefix}resource`, type, title, attributes };
      });
    case 'resource-defaults':
      return [defaults(line, prefix, map.get('type') ?? null, ops)];
    case 'resource-override':
      return [override(line, prefix, map.get('resources') ?? null, ops)];
    case 'collect':
      if (ops.length === 0) return [];
      return [
        {
          line,
          form: 'collector',
          type: dumpType(map.get('type') ?? null),
          title: null,
          attributes: ops.map(dumpAttribute),
        },
      ];
    default:
      return [];
  }
}

function defaults(line: number, prefix: string, type: Pn, ops: Pn[]): NormalResource {
  const attributes = ops.map(dumpAttribute);
  return { line, form: `${prefix}defaults`, type: dumpType(type), title: null, attributes };
}

function override(line: number, prefix: string, resources: Pn, ops: Pn[]): NormalResource {
  const [name, target, ...keys] = callOf(resources) ?? [];
  const access = name === 'access';
  return {
    line,
    form: `${prefix}override`,
    type: access ? dumpType(target ?? null) : '?',
    title: !access
      ? { unknown: 'expression' }
      : keys.length === 1
        ? dumpValue(keys[0] ?? null)
        : keys.map(dumpValue),
    attributes: ops.map(dumpAttribute),
  };
}

function dumpAttribute(op: Pn): [string, string, unknown] {
  const [name, first, second] = callOf(op) ?? [];
  if (name === 'splat-hash') return ['*', '=>', dumpValue(first ?? null)];
  return [String(first), String(name), dumpValue(second ?? null)];
}

function dumpType(type: Pn): string {
  const [name, value] = callOf(type) ?? [];
  if ((name === 'qn' || name === 'qr') && typeof value === 'string') return normalType(value);
  return '?';
}

function dumpValue(value: Pn): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(dumpValue);
  const call = callOf(value);
  if (!call) return { unknown: 'expression' };
  const [name, ...args] = call;
  switch (name) {
    case 'qn':
      return { name: args[0] };
    case 'default':
      return { name: 'default' };
    case 'array':
      return args.map(dumpValue);
    case 'hash':
      return { hash: args.map((entry) => (callOf(entry) ?? []).slice(1).map(dumpValue)) };
    case 'int':
      return mapOf(args[0] ?? null)?.get('value');
    case 'heredoc': {
      const text = mapOf(args[0] ?? null)?.get('text');
      return typeof text === 'string' ? text : { unknown: 'heredoc' };
    }
    default:
      return { unknown: dumpReason(value, true) };
  }
}

/** Mirrors berth's reasons: `$x['a']` is a variable, `File['a']` a reference, and so on. */
function dumpReason(value: Pn, top: boolean): string {
  const [name, ...args] = callOf(value) ?? [];
  switch (name) {
    case 'access':
      return dumpReason(args[0] ?? null, false);
    case 'var':
      return 'variable';
    case 'qr':
      return 'reference';
    case 'concat':
      return top ? 'interpolation' : 'expression';
    case 'call':
    case 'invoke':
    case 'call-method':
    case 'invoke-method':
    case 'call-lambda':
    case 'invoke-lambda':
      return top ? 'call' : 'expression';
    default:
      return 'expression';
  }
}

function callOf(node: Pn): Pn[] | undefined {
  return node !== null && typeof node === 'object' && '^' in node ? node['^'] : undefined;
}

function mapOf(node: Pn): Map<string, Pn> | undefined {
  if (node === null || typeof node !== 'object' || !('#' in node)) return undefined;
  const entries = node['#'];
  const map = new Map<string, Pn>();
  for (let i = 0; i + 1 < entries.length; i += 2) map.set(String(entries[i]), entries[i + 1] as Pn);
  return map;
}

// ------------------------------------------------------------------ comparing

function stableByLine(resources: NormalResource[]): NormalResource[] {
  return resources
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => a.resource.line - b.resource.line || a.index - b.index)
    .map(({ resource }) => resource);
}

/** The first difference between two lists of resources, in words, or undefined. */
export function firstDifference(
  expected: NormalResource[],
  actual: NormalResource[],
): string | undefined {
  const count = Math.max(expected.length, actual.length);
  for (let i = 0; i < count; i++) {
    const want = JSON.stringify(expected[i]);
    const got = JSON.stringify(actual[i]);
    if (want !== got) {
      return `resource #${i + 1}:\n  puppet: ${want ?? '(none)'}\n  berth:  ${got ?? '(none)'}`;
    }
  }
  return undefined;
}

/** The dump without the lines the helper adds, to compare with `puppet parser dump` itself. */
export function withoutLines(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLines);
  if (node === null || typeof node !== 'object') return node;
  if ('^' in node) return { '^': withoutLines((node as { '^': unknown[] })['^']) };
  const entries = (node as { '#': unknown[] })['#'];
  const kept: unknown[] = [];
  for (let i = 0; i + 1 < entries.length; i += 2) {
    if (entries[i] === 'line' && typeof entries[i + 1] === 'number') continue;
    kept.push(entries[i], withoutLines(entries[i + 1]));
  }
  return { '#': kept };
}
