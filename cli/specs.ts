import type { CommandSpec } from './args.js';

/**
 * What each command takes and prints in `--help`. Kept apart from the commands themselves so
 * that the CLI loads only the one command it runs.
 */

export const generateSpec: CommandSpec = {
  name: 'generate',
  summary: 'compile berth.yaml into a Chef cookbook and a Puppet module',
  usage: 'berth generate [FILE] [options]',
  description: [
    'Compiles FILE (default: berth.yaml) and writes the results below the output folder:',
    'chef/<name>/ (a cookbook), puppet/<name>/ (a module), and with --target docker a script',
    'of docker commands. Files that are already up to date are not touched; a generated file',
    'edited by hand is not overwritten without --force.',
    '',
    'Exit codes: 0 written or up to date, 1 --check found differences, 2 bad input.',
  ].join('\n'),
  options: [
    { name: 'out', short: 'o', value: 'DIR', description: 'output folder (default: generated)' },
    {
      name: 'target',
      short: 't',
      value: 'LIST',
      repeatable: true,
      description: 'targets to build: chef, puppet, docker (default: chef,puppet)',
    },
    { name: 'check', description: 'write nothing; exit 1 if the output folder is not up to date' },
    { name: 'force', description: 'overwrite generated files even when edited by hand' },
    { name: 'strict', description: 'treat target-difference warnings as errors' },
    { name: 'no-warnings', description: 'do not print target-difference warnings' },
  ],
};

export const validateSpec: CommandSpec = {
  name: 'validate',
  summary: 'check berth.yaml and show what each target cannot express',
  usage: 'berth validate [FILE] [options]',
  description: [
    'Checks FILE (default: berth.yaml) against the schema and the rules of each target, and',
    'prints every target-difference warning. Writes nothing.',
    '',
    'Exit codes: 0 valid, 2 invalid (or any warning under --strict).',
  ].join('\n'),
  options: [{ name: 'strict', description: 'treat target-difference warnings as errors' }],
};

export const explainSpec: CommandSpec = {
  name: 'explain',
  summary: 'print the docker commands that do what the generated code does',
  usage: 'berth explain [FILE] [options]',
  description: [
    'Prints, for FILE (default: berth.yaml), the `docker pull` and `docker run` lines (and the',
    'network, volume and login commands) equivalent to the generated cookbook and module,',
    'shell-quoted. Secrets are read from environment variables named after them.',
  ].join('\n'),
  options: [{ name: 'container', short: 'c', value: 'NAME', description: 'only this container' }],
};

export const schemaSpec: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of berth.yaml',
  usage: 'berth schema',
  description: [
    'Prints the JSON Schema (draft 2020-12) of the berth file. Editors that use',
    'yaml-language-server can read it from a first line such as:',
    '  # yaml-language-server: $schema=<path>/berth.schema.json',
  ].join('\n'),
  options: [],
};

export const lintSpec: CommandSpec = {
  name: 'lint',
  summary: 'check existing Chef recipes, Puppet manifests and Hiera data for container problems',
  usage: 'berth lint [paths...] [options]',
  description: [
    'Finds every docker resource in the recipes (*.rb), manifests (*.pp) and Hiera data under',
    'the paths (default: the working folder) and reports security, reliability, correctness,',
    'deprecation and drift problems. Rules and their pages: docs/rules/. With --github, runs',
    'as a GitHub Actions step and reports on the pull request (docs/github.md).',
    '',
    'Exit codes: 0 clean, 1 findings at or above --fail-on, 2 could not run.',
  ].join('\n'),
  options: [
    {
      name: 'format',
      short: 'f',
      value: 'NAME',
      description: 'text (default), json, sarif, github or checkstyle',
    },
    { name: 'output', short: 'o', value: 'FILE', description: 'write the report to FILE' },
    { name: 'config', value: 'FILE', description: 'configuration file (default .berth-lint.yaml)' },
    { name: 'no-config', description: 'read no configuration file' },
    {
      name: 'fail-on',
      value: 'LEVEL',
      description: 'error (default), warning, info or none: what fails the run',
    },
    { name: 'max-warnings', value: 'N', description: 'also fail above N warnings' },
    {
      name: 'rule',
      value: 'ID=SETTING',
      repeatable: true,
      description: 'turn a rule off, or set its severity',
    },
    { name: 'only', value: 'IDS', repeatable: true, description: 'run only these rules' },
    { name: 'ignore', value: 'GLOB', repeatable: true, description: 'leave matching paths out' },
    { name: 'hiera', value: 'GLOB', repeatable: true, description: 'read matching YAML as Hiera' },
    { name: 'parse-all', description: 'parse every file, also those that never mention docker' },
    { name: 'context', description: 'text: show the source line of each finding' },
    { name: 'show-suppressed', description: 'text: list suppressed findings with their reasons' },
    { name: 'no-color', description: 'text: no colors' },
    { name: 'github', description: 'report on the GitHub pull request of this Actions run' },
    {
      name: 'github-report',
      value: 'MODE',
      description: '--github: review (default), check, both',
    },
    {
      name: 'filter-mode',
      value: 'MODE',
      description: '--github: added (default), diff_context or file',
    },
    { name: 'token', value: 'TOKEN', description: '--github: token (default $GITHUB_TOKEN)' },
    { name: 'check-name', value: 'NAME', description: '--github: check run name (default berth)' },
    {
      name: 'spec',
      value: 'FILE',
      description: 'the berth file generated code is compared with (drift; default: as named)',
    },
  ],
};
