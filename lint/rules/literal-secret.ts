import type { DockerResource } from '../extract/index.js';
import type { LintedFile, Report, Rule } from '../rule.js';
import { containers, reportFact } from './support.js';

/** Words of a variable name that mark a secret: `DB_PASSWORD`, `GITHUB_TOKEN`, `apiSecret`. */
const SECRET_WORDS = new Set([
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PASSPHRASE',
  'SECRET',
  'TOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
  'APIKEY',
  'PRIVATEKEY',
]);

/** `<word>_KEY` names a secret for these words: `API_KEY`, `AWS_SECRET_ACCESS_KEY`. */
const KEY_QUALIFIERS = new Set([
  'API',
  'ACCESS',
  'PRIVATE',
  'SECRET',
  'ENCRYPTION',
  'SIGNING',
  'MASTER',
  'AUTH',
]);

/** Last words that make the name about a secret rather than the secret itself. */
const NOT_THE_SECRET = new Set([
  'FILE',
  'PATH',
  'DIR',
  'URL',
  'LENGTH',
  'POLICY',
  'MODE',
  'TYPE',
  'METHOD',
  'ENABLED',
  'REQUIRED',
  'EXPIRY',
  'TTL',
  'ID',
  'NAME',
  'USER',
  'USERNAME',
  'MIN',
  'MAX',
  'TIMEOUT',
  'AGE',
]);

/**
 * Values that turn a feature on or off rather than hold a secret: the images' own switches
 * such as `MYSQL_ALLOW_EMPTY_PASSWORD=yes` and `MYSQL_RANDOM_ROOT_PASSWORD=true`.
 */
const SWITCH = /^(?:true|false|yes|no|on|off)$/i;

/** Splits `dbPassword`, `DB_PASSWORD`, `db-password` into upper-case words. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
}

export function isSecretName(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (!last || NOT_THE_SECRET.has(last) || name === 'PWD') return false;
  return words.some(
    (word, i) =>
      SECRET_WORDS.has(word) || (word === 'KEY' && KEY_QUALIFIERS.has(words[i - 1] ?? '')),
  );
}

/**
 * A secret written into a recipe, manifest or Hiera file in clear: an environment entry with a
 * secret-looking name and a literal value, or a literal registry password. Values computed at
 * run time (a data bag, a lookup, eyaml's `ENC[...]`, an interpolation) are not literal.
 * Messages never repeat the value.
 */
export const rule: Rule = {
  id: 'literal-secret',
  severity: 'error',
  description: 'a password, token or key is written in clear in the code or data',
  tags: ['security'],
  anchors: [
    'kube-linter env-var-secret',
    'kube-linter read-secret-from-env-var',
    'compose-lint CL-0020',
    'compose-lint CL-0021',
  ],
  securitySeverity: 8.0,
  check(file, report) {
    checkEnvironment(file, report);
    for (const resource of file.resources) checkRegistry(resource, report);
  },
};

function checkEnvironment(file: LintedFile, report: Report): void {
  for (const [resource, facts] of containers(file)) {
    for (const fact of facts.environment) {
      const { name, value } = fact.known ? fact.value : { name: '', value: '' };
      if (!value || SWITCH.test(value) || !isSecretName(name)) continue;
      const message = `environment variable ${name} has a literal secret value`;
      reportFact(report, resource, fact, message, name);
    }
  }
}

function checkRegistry(resource: DockerResource, report: Report): void {
  for (const fact of resource.registry?.password ?? []) {
    if (!fact.known || fact.value === '') continue;
    reportFact(report, resource, fact, 'registry password is a literal secret', 'password');
  }
}
