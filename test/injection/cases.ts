import fc from 'fast-check';
import yaml from 'js-yaml';

import { BerthError } from '../../diagnostics/diagnostic.js';
import { modelFromText } from '../../model/index.js';
import type { Model } from '../../model/types.js';

/**
 * Strings built to break out of a literal: quotes of every kind, backslashes, interpolation in
 * Ruby (`#{}`, `#@x`, `#$x`), Puppet and shell (`${}`, `$var`, backticks), format and
 * comment characters, line breaks, tabs, control characters, non-ASCII text, and very long
 * strings, mixed with arbitrary Unicode.
 */
const hostilePieces = [
  "'",
  '"',
  '`',
  '\\',
  '\\\\',
  "\\'",
  '\\"',
  '#{`id`}',
  '#{1+1}',
  '#@x',
  '#$0',
  '${x}',
  '${::fqdn}',
  '$HOME',
  '$(id)',
  '%',
  '%s',
  '%{x}',
  '\n',
  '\r\n',
  '\t',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u2028',
  'é',
  'ß',
  '日本',
  '🚀',
  '\ufeff',
  '#',
  ' # comment',
  '--',
  '-e',
  ';',
  '&&',
  '|',
  '>',
  '<',
  '*',
  '?',
  '[',
  ']',
  '{',
  '}',
  ',',
  '=',
  ':',
  '@',
  '!',
  'end',
  'EOS',
  '<<~EOS',
  '__END__',
  'undef',
  'true',
  '0x1F',
  '1.10',
  '~',
  'null',
  ' ',
];

const piece = fc.constantFrom(...hostilePieces);

export const hostileString = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(fc.oneof(piece, fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 12 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(piece, fc.integer({ min: 2000, max: 12000 }))
      .map(([p, n]) => p.repeat(Math.ceil(n / p.length))),
  },
);

/** The free-text values one case places, each in its own field. */
export interface InjectedValues {
  argument: string;
  entrypoint: string;
  environment: string;
  label: string;
  bindSource: string;
  bindTarget: string;
  workingDir: string;
  healthcheck: string;
  logTag: string;
  securityOpt: string;
  sysctl: string;
  envFile: string;
}

export const injectedValues: fc.Arbitrary<InjectedValues> = fc.record({
  argument: hostileString,
  entrypoint: hostileString,
  environment: hostileString,
  label: hostileString,
  bindSource: hostileString,
  bindTarget: hostileString,
  workingDir: hostileString,
  healthcheck: hostileString,
  logTag: hostileString,
  securityOpt: hostileString,
  sysctl: hostileString,
  envFile: hostileString,
});

/** The berth file of one case: every injected value in the field it names. */
export function berthFileOf(name: string, v: InjectedValues): string {
  const spec = {
    name,
    version: '1.0.0',
    author: 'acme',
    containers: {
      app: {
        image: 'busybox:1.36',
        entrypoint: ['/bin/entry', v.entrypoint],
        command: ['run', v.argument, '--'],
        environment: { VALUE: v.environment },
        labels: { 'com.example.label': v.label },
        volumes: [{ type: 'bind', source: `/src/${v.bindSource}`, target: `/dst/${v.bindTarget}` }],
        working_dir: `/work/${v.workingDir}`,
        healthcheck: { test: `check ${v.healthcheck}` },
        logging: { driver: 'json-file', options: { tag: v.logTag } },
        security_opt: [`label=${v.securityOpt}`],
        sysctls: { 'net.core.somaxconn': v.sysctl },
        env_file: `/etc/env/${v.envFile}`,
      },
    },
  };
  return yaml.dump(spec, { lineWidth: -1 });
}

export type Outcome =
  | { accepted: true; name: string; values: InjectedValues; model: Model }
  | { accepted: false; name: string; values: InjectedValues; codes: string[] };

/**
 * Reads one case's berth file. A value berth cannot carry must be refused with a BerthError
 * (a clear, located error); anything else thrown is a failure of the property.
 */
export function readCase(name: string, values: InjectedValues): Outcome {
  try {
    const { model } = modelFromText(`${name}.yaml`, berthFileOf(name, values));
    return { accepted: true, name, values, model };
  } catch (error) {
    if (!(error instanceof BerthError)) throw error;
    return { accepted: false, name, values, codes: error.diagnostics.map((d) => d.code) };
  }
}

/** `count` cases from a fixed seed, so that a failure can be replayed. */
export function sampleCases(count: number, seed: number): Outcome[] {
  const values = fc.sample(injectedValues, { numRuns: count, seed });
  return values.map((v, i) => readCase(`inj_${String(i).padStart(4, '0')}`, v));
}
