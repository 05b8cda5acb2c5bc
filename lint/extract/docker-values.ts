import type { EnvironmentEntry, Healthcheck, ImageReference, MemoryLimit, Mount } from './types.js';

/**
 * Docker's own notations, read the way the engine (or the target's coercion) reads them.
 */

/**
 * `name:tag`, `name@sha256:...`, `host:5000/team/app:1.2`: the tag is after the last `:` of
 * the last path segment, so a registry port is not taken for a tag.
 */
export function parseImageReference(reference: string): ImageReference | undefined {
  if (reference === '') return undefined;
  const at = reference.indexOf('@');
  const named = at < 0 ? reference : reference.slice(0, at);
  const digest = at < 0 ? undefined : reference.slice(at + 1);
  const slash = named.lastIndexOf('/');
  const colon = named.indexOf(':', slash + 1);
  const repository = colon < 0 ? named : named.slice(0, colon);
  const tag = colon < 0 ? undefined : named.slice(colon + 1);
  const parsed: ImageReference = { repository };
  if (tag !== undefined) parsed.tag = tag;
  if (digest !== undefined) parsed.digest = digest;
  return parsed;
}

/** Chef's `tag 'sha256:...'` pins a digest rather than naming a tag. */
export function withChefTag(repository: string, tag: string | undefined): ImageReference {
  if (tag === undefined) return { repository, tag: 'latest', defaultTag: true };
  return tag.startsWith('sha256:') ? { repository, digest: tag } : { repository, tag };
}

/**
 * `-v` notation: `/host:/ctr[:ro]`, `name:/ctr`, or `/ctr` alone (an anonymous volume). A
 * source starting with `/`, `.` or `~` is a host path; anything else names a volume.
 */
export function parseVolume(spec: string): Mount {
  const parts = spec.split(':');
  if (parts.length === 1) return { type: 'anonymous', target: spec, readOnly: false };
  const [source = '', target, options = ''] = parts;
  const type = /^[/.~]/.test(source) ? 'bind' : 'volume';
  const mount: Mount = { type, source, readOnly: options.split(',').includes('ro') };
  if (target !== undefined) mount.target = target;
  return mount;
}

/** `--mount type=bind,source=/a,target=/b,readonly`: docker's default type is `volume`. */
export function parseMountFlag(spec: string): Mount {
  const fields = new Map<string, string>();
  for (const field of spec.split(',')) {
    const equals = field.indexOf('=');
    const key = (equals < 0 ? field : field.slice(0, equals)).trim().toLowerCase();
    fields.set(key, equals < 0 ? 'true' : field.slice(equals + 1).trim());
  }
  const kind = fields.get('type') ?? 'volume';
  const source = fields.get('source') ?? fields.get('src');
  const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst');
  const readOnly = ['readonly', 'ro'].some((key) => ['true', '1'].includes(fields.get(key) ?? ''));
  const type = kind === 'bind' ? 'bind' : source ? 'volume' : 'anonymous';
  const mount: Mount = { type, readOnly };
  if (source !== undefined) mount.source = source;
  if (target !== undefined) mount.target = target;
  return mount;
}

/** `NAME=value`, or `NAME` alone. */
export function parseEnvironment(entry: string): EnvironmentEntry | undefined {
  const equals = entry.indexOf('=');
  if (equals === 0 || entry === '') return undefined;
  if (equals < 0) return { name: entry };
  return { name: entry.slice(0, equals), value: entry.slice(equals + 1) };
}

/** The host side of `--device /dev/x[:/dev/y[:rwm]]`. */
export function deviceHostPath(spec: string): string {
  return spec.split(':')[0] ?? spec;
}

const DOCKER_UNITS: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
Object.assign(DOCKER_UNITS, { t: 2 ** 40, p: 2 ** 50 });

/** Docker's sizes (`-m 512m`, Puppet's `memory_limit`): a number and an optional unit. */
export function dockerMemory(raw: string): MemoryLimit {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmgtp]?)(?:i?b)?$/i.exec(raw.trim());
  const unit = DOCKER_UNITS[match?.[2]?.toLowerCase() ?? ''];
  if (!match || unit === undefined) return { raw };
  return { raw, bytes: Math.floor(Number(match[1]) * unit) };
}

const CHEF_UNITS = 'BKMGTPEZY';

/**
 * The docker cookbook's sizes: the leading digits, times 1024 to the power of the suffix's
 * place in `BKMGTPEZY`. Any other suffix counts as bytes, so `64mb` is 64 bytes; a rule can
 * compare `raw` with `bytes` to catch that.
 */
export function chefMemory(raw: string | number): MemoryLimit {
  if (typeof raw === 'number') return { raw: String(raw), bytes: raw };
  // Ruby's to_i: blanks, a sign, then digits; '-1' is -1, and its '-' counts as the suffix.
  const digits = /^\s*[-+]?\d+/.exec(raw)?.[0];
  const suffix = raw.replace(/\d/g, '').toUpperCase();
  const power = suffix.length === 1 ? CHEF_UNITS.indexOf(suffix) : -1;
  const bytes = Number(digits ?? 0) * (power < 0 ? 1 : 1024 ** power);
  return { raw, bytes };
}

/** A Chef `health_check` test (`['CMD-SHELL', 'curl -f localhost']`, `['NONE']`). */
export function healthcheckFromTest(test: string[]): Healthcheck {
  const [kind = '', ...rest] = test;
  if (kind.toUpperCase() === 'NONE') return { disabled: true };
  if (kind === 'CMD' || kind === 'CMD-SHELL') return { command: rest.join(' '), disabled: false };
  return { command: test.join(' '), disabled: false };
}
