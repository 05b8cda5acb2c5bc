import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Puppet's own reading of manifests, as `puppet parser dump --format json` gives it (plus the
 * start line of each resource node, which the dump leaves out). Parsing 900 files takes Ruby
 * a couple of seconds, so results are cached on disk under node_modules/.cache, keyed by the
 * manifest text, the Puppet version and the helper script: a first run (as on CI) computes
 * everything for real, reruns read the cache.
 */
export type PuppetVerdict = { ast: unknown } | { error: string } | { crash: string };

export interface Manifest {
  name: string;
  text: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const helper = join(here, 'puppet-dump.rb');
const cacheDir = resolve(here, '../../../../node_modules/.cache/berth-puppet-dump');

let version: string | undefined;

/** The installed Puppet's version, asked from its library (faster than `puppet --version`). */
export function puppetVersion(): string {
  version ??= execFileSync('ruby', ['-e', "require 'puppet/version'; print Puppet.version"], {
    encoding: 'utf8',
  }).trim();
  return version;
}

/** Puppet's verdict on each manifest, by name: its dump, or the error that rejected it. */
export function puppetVerdicts(manifests: Manifest[]): Map<string, PuppetVerdict> {
  const salt = puppetVersion() + '\0' + readFileSync(helper, 'utf8');
  const keys = manifests.map((manifest) => sha256(salt + '\0' + manifest.text));
  const verdicts = new Map<string, PuppetVerdict>();
  const missing: Manifest[] = [];
  manifests.forEach((manifest, i) => {
    const cached = readCache(keys[i] as string);
    if (cached) verdicts.set(manifest.name, cached);
    else missing.push(manifest);
  });
  if (missing.length === 0) return verdicts;

  const computed = runPuppet(missing);
  mkdirSync(cacheDir, { recursive: true });
  manifests.forEach((manifest, i) => {
    const verdict = computed.get(manifest.name);
    if (!verdict) return;
    verdicts.set(manifest.name, verdict);
    writeFileSync(join(cacheDir, `${keys[i]}.json`), JSON.stringify(verdict));
  });
  return verdicts;
}

/** One Ruby process for all of them. */
function runPuppet(manifests: Manifest[]): Map<string, PuppetVerdict> {
  const output = execFileSync('ruby', [helper], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const verdicts = new Map<string, PuppetVerdict>();
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const { name, ...verdict } = JSON.parse(line) as { name: string } & PuppetVerdict;
    verdicts.set(name, verdict);
  }
  return verdicts;
}

function readCache(key: string): PuppetVerdict | undefined {
  try {
    return JSON.parse(readFileSync(join(cacheDir, `${key}.json`), 'utf8')) as PuppetVerdict;
  } catch {
    return undefined;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The output of the real `puppet parser dump --format json` for files Puppet accepts, one
 * value per file, in order: the proof that the helper reports what the dump reports. One
 * process for all files; the dump prints their JSON values back to back, with nothing between
 * them and nothing for a file it rejects, so the caller passes only accepted files.
 */
export function dumpCommandOutputs(files: { path: string; text: string }[]): unknown[] {
  const key = sha256(
    ['dump', puppetVersion(), ...files.map((file) => sha256(file.text))].join('\0'),
  );
  const cachePath = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(cachePath, 'utf8')) as unknown[];
  } catch {
    // Not computed yet for these files and this Puppet.
  }
  const output = execFileSync(
    'puppet',
    ['parser', 'dump', '--format', 'json', ...files.map((file) => file.path)],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const values = splitJsonValues(output).map((text) => JSON.parse(text) as unknown);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cachePath, JSON.stringify(values));
  return values;
}

/** Splits JSON values written back to back (`{...}{...}"x"[...]`). */
export function splitJsonValues(text: string): string[] {
  const values: string[] = [];
  let at = 0;
  while (at < text.length) {
    if (/\s/.test(text[at] ?? '')) {
      at++;
      continue;
    }
    const end = jsonValueEnd(text, at);
    values.push(text.slice(at, end));
    at = end;
  }
  return values;
}

function jsonValueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i);
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (depth === 0 && /[\s{["]/.test(text[i + 1] ?? ' ')) return i + 1;
    if (depth === 0 && (c === '"' || c === '}' || c === ']')) return i + 1;
  }
  return text.length;
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}
