import { createRequire } from 'node:module';

import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

import schema from '../schema/berth.schema.json' with { type: 'json' };
import { BerthError, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from './load.js';
import { closest } from './suggest.js';
import { validatorOptions } from './validator-options.js';
import type { YamlPath } from './types.js';

export { schema };

let compiled: ValidateFunction | undefined;

const require = createRequire(import.meta.url);

/**
 * The schema validator: the standalone module `npm run build` writes beside the compiled
 * code when it exists (it saves compiling the schema at every start), else compiled now.
 * ajv's compiler is loaded only then, since loading it is a tenth of the command's start.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  try {
    compiled = require('./schema-validator.cjs') as ValidateFunction;
  } catch {
    const ajv = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    compiled = new ajv.default(validatorOptions).compile(schema);
  }
  return compiled;
}

/**
 * Checks the document against the JSON Schema and throws one BerthError holding a located
 * diagnostic for each distinct problem. ajv reports every failed branch of a `oneOf`; only the
 * errors that say most about the value as written are kept.
 */
export function validateDocument(document: LoadedDocument): void {
  const validate = validator();
  if (validate(document.value)) return;

  const errors = selectErrors(validate.errors ?? []);
  const diagnostics = errors
    .map((error) => describe(document, error))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new BerthError(dedupe(diagnostics));
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const branchKeywords = new Set(['oneOf', 'anyOf', 'if', 'not']);

/**
 * Keeps the errors that say most about the value as written. A type error is dropped when the
 * same value also failed deeper inside (one branch of a `oneOf` accepted its type: a misspelled
 * key in the object form of a port beats "must be a string"), or when a more specific error
 * names the same value.
 */
function selectErrors(errors: ErrorObject[]): ErrorObject[] {
  const useful = errors.filter(
    (e) => !branchKeywords.has(e.keyword) && e.keyword !== 'propertyNames',
  );
  const badNames = useful.filter((e) => e.propertyName !== undefined);
  const rest = useful.filter((e) => e.propertyName === undefined);
  const paths = [...new Set(rest.map((e) => e.instancePath))];
  const hasDeeper = (path: string) => paths.some((q) => q.startsWith(`${path}/`));
  // A map whose keys were refused matched the map branch of its `oneOf`: the other branches'
  // "must be a list" says nothing about it.
  const namedPaths = new Set(badNames.map((e) => e.instancePath));

  return [
    ...badNames,
    ...paths.flatMap((path) => {
      const here = rest.filter((e) => e.instancePath === path);
      const specific = here.filter((e) => e.keyword !== 'type');
      if (specific.length > 0) return pickSpecific(specific);
      return hasDeeper(path) || namedPaths.has(path) ? [] : [mergeTypeErrors(here)];
    }),
  ];
}

function pickSpecific(errors: ErrorObject[]): ErrorObject[] {
  const unknown = errors.filter((e) => e.keyword === 'additionalProperties');
  if (unknown.length > 0) return unknown;
  const required = errors.filter((e) => e.keyword === 'required');
  if (required.length > 0) return required;
  return [errors[0]!];
}

function mergeTypeErrors(errors: ErrorObject[]): ErrorObject {
  const types = new Set<string>();
  for (const error of errors) {
    const type = (error.params as { type: string | string[] }).type;
    for (const t of Array.isArray(type) ? type : [type]) types.add(t);
  }
  const first = errors[0]!;
  return { ...first, params: { type: [...types] } };
}

/** The error's JSON pointer as a YAML path: a segment is an index only inside a list. */
function pathOf(error: ErrorObject, root: unknown): YamlPath {
  if (error.instancePath === '') return [];
  const path: (string | number)[] = [];
  let value = root;
  for (const raw of error.instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(value) ? Number(key) : key;
    path.push(segment);
    value = (value as Record<string | number, unknown> | undefined)?.[segment];
  }
  return path;
}

function describe(document: LoadedDocument, error: ErrorObject): Diagnostic {
  const path = pathOf(error, document.value);
  const subject = describePath(path);
  const where = { file: document.file, path: formatPath(path), ...document.locate(path) };

  if (error.propertyName !== undefined) return describeName(document, error, path);

  switch (error.keyword) {
    case 'additionalProperties': {
      const field = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
      const suggestion = closest(field, allowed);
      const fieldPath = [...path, field];
      return diagnostic(
        'BERTH-SCHEMA-UNKNOWN-FIELD',
        {
          field,
          parent: parentName(error.parentSchema, path),
          suggestion: suggestion ? `; did you mean "${suggestion}"?` : '',
          fieldHint: suggestion
            ? `rename it to "${suggestion}"`
            : `remove it; the fields are listed in docs/berth-yaml.md`,
        },
        { ...where, path: formatPath(fieldPath), ...document.locateKey(fieldPath) },
      );
    }
    case 'required': {
      const field = (error.params as { missingProperty: string }).missingProperty;
      return diagnostic(
        'BERTH-SCHEMA-REQUIRED',
        { parent: subject, field },
        { ...where, ...(path.length > 0 ? document.locateKey(path) : { line: 1, column: 1 }) },
      );
    }
    case 'type':
      return diagnostic(
        'BERTH-SCHEMA-TYPE',
        {
          subject,
          expected: describeTypes((error.params as { type: string[] }).type),
          actual: describeValue(error.data, path),
        },
        where,
      );
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const suggestion = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return diagnostic(
        'BERTH-SCHEMA-ENUM',
        {
          subject,
          allowed: allowed.map((a) => `"${a}"`).join(', '),
          actual: describeValue(error.data, path),
          suggestion: suggestion ? `; did you mean "${suggestion}"?` : '',
        },
        where,
      );
    }
    case 'pattern':
    case 'format':
      return diagnostic(
        'BERTH-SCHEMA-FORMAT',
        {
          subject,
          problem: `is ${describeValue(error.data, path)}, which is not valid here`,
          formatHint: formatHint(error),
        },
        where,
      );
    default:
      return diagnostic(
        'BERTH-SCHEMA-RANGE',
        {
          subject,
          problem: `${describeValue(error.data, path)}: ${error.message ?? 'is not allowed'}`,
        },
        where,
      );
  }
}

const nameKinds: Record<string, string> = {
  containers: 'container',
  networks: 'network',
  volumes: 'volume',
  registries: 'registry',
  secrets: 'secret',
  images: 'image',
  environment: 'environment variable',
  ulimits: 'ulimit',
};

/** A map key that is not an acceptable name: a container called `org/app`, or `../x`. */
function describeName(document: LoadedDocument, error: ErrorObject, path: YamlPath): Diagnostic {
  const name = error.propertyName!;
  const section = String(path[path.length - 1] ?? '');
  const kind = nameKinds[section] ?? `"${section}"`;
  const looksLikeImage = section === 'containers' && name.includes('/');
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  return diagnostic(
    'BERTH-SPEC-NAME',
    {
      kind,
      name,
      problem: name === '' ? 'is empty' : 'is not allowed',
      nameHint: looksLikeImage
        ? `name the container (e.g. ${name.split('/').pop()}) and put "${name}" in its image field`
        : (description?.replace(/\.$/, '') ??
          `it must match ${(error.params as { pattern?: string }).pattern}`),
    },
    {
      file: document.file,
      path: formatPath([...path, name]),
      ...document.locateKey([...path, name]),
    },
  );
}

function formatHint(error: ErrorObject): string {
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  if (description) return description.replace(/\.$/, '');
  const pattern = (error.params as { pattern?: string }).pattern;
  return pattern ? `the value must match ${pattern}` : 'see docs/berth-yaml.md';
}

/** What the object that holds an unknown field is: the schema's `title`, else its key. */
function parentName(parentSchema: unknown, path: YamlPath): string {
  const title = (parentSchema as { title?: string } | undefined)?.title;
  if (title && path.length > 0) return title;
  if (path.length === 0) return 'top-level';
  const field = path[path.length - 1];
  return typeof field === 'string' ? `"${field}"` : 'list item';
}

/** `containers.web.ports[0]`; keys that are not plain words are quoted. */
export function formatPath(path: YamlPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function describePath(path: YamlPath): string {
  return path.length === 0 ? 'the file' : formatPath(path);
}

function describeTypes(types: string[]): string {
  const names = types.map((t) => (t === 'object' ? 'a map' : t === 'array' ? 'a list' : `a ${t}`));
  const unique = [...new Set(names.map((n) => n.replace('a integer', 'an integer')))];
  if (unique.length === 1) return unique[0]!;
  return `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

/** A registry password is a secret even when written, wrongly, as a literal. */
const holdsSecret = (path: YamlPath) => path[0] === 'registries' && path[2] === 'password';

/** The value for a message; never the value of a field that holds a secret. */
function describeValue(value: unknown, path: YamlPath): string {
  if (holdsSecret(path) && value !== null && typeof value !== 'object') {
    return `a ${typeof value} (not shown: the field holds a secret)`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  return `${typeof value === 'number' ? 'the number' : 'the boolean'} ${String(value)}`;
}
