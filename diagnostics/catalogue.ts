/**
 * Every problem berth reports to a user, by stable code. A message is a short lowercase phrase
 * with `{placeholders}`; the hint is one line that names the fix. Codes never change meaning:
 * scripts and CI configurations match on them.
 */
export interface CatalogueEntry {
  message: string;
  hint: string;
}

export const catalogue = {
  // Command line
  'BERTH-USAGE-COMMAND': {
    message: 'unknown command "{command}"',
    hint: 'run `berth --help` for the list of commands',
  },
  'BERTH-USAGE-OPTION': {
    message: 'unknown option "{option}" for `berth {command}`{suggestion}',
    hint: 'run `berth {command} --help` for its options',
  },
  'BERTH-USAGE-ARGUMENT': {
    message: '{problem}',
    hint: 'run `berth {command} --help` for its arguments',
  },

  // Reading input files
  'BERTH-IO-NOT-FOUND': {
    message: 'no such file "{path}"',
    hint: 'check the path, or run from the directory that holds it',
  },
  'BERTH-IO-NOT-A-FILE': {
    message: '"{path}" is a directory, not a file',
    hint: 'name the YAML file itself, for example {path}/berth.yaml',
  },
  'BERTH-IO-UNREADABLE': {
    message: 'cannot read "{path}": {reason}',
    hint: '{readHint}',
  },
  'BERTH-IO-TOO-LARGE': {
    message: 'the file is {size} bytes; berth reads at most {limit}',
    hint: 'split the file, or check that this is the file you meant',
  },
  'BERTH-IO-ENCODING': {
    message: 'the file is not valid UTF-8 (byte 0x{byte} at offset {offset})',
    hint: 'save the file as UTF-8',
  },
  'BERTH-IO-NUL': {
    message: 'the file contains a NUL byte',
    hint: 'this looks like a binary file; name the YAML file instead',
  },

  // YAML syntax
  'BERTH-YAML-SYNTAX': {
    message: 'malformed YAML: {reason}',
    hint: 'fix the YAML syntax at this position',
  },
  'BERTH-YAML-EMPTY': {
    message: 'the file is empty',
    hint: 'start from examples/code-it/berth.yaml',
  },
  'BERTH-YAML-DUPLICATE-KEY': {
    message: 'duplicate key "{key}"{firstAt}',
    hint: 'keep one of the two entries',
  },
  'BERTH-YAML-TAB': {
    message: 'a tab character is used for indentation',
    hint: 'indent with spaces',
  },
  'BERTH-YAML-ALIASES': {
    message: 'the document expands to more than {limit} nodes through aliases',
    hint: 'write the values out, or use fewer nested aliases',
  },
  'BERTH-YAML-DEPTH': {
    message: 'the document nests deeper than {limit} levels',
    hint: 'a berth file needs only a few levels; check for runaway nesting',
  },
  'BERTH-YAML-DOCUMENTS': {
    message: 'the file holds {count} YAML documents; berth reads one',
    hint: 'remove the extra `---` separators',
  },
  'BERTH-YAML-TAG': {
    message: 'the YAML tag "{tag}" is not supported',
    hint: 'write the value as a plain string, number, boolean, list or map',
  },

  // JSON Schema validation
  'BERTH-SCHEMA-UNKNOWN-FIELD': {
    message: '"{field}" is not a {parent} field{suggestion}',
    hint: '{fieldHint}',
  },
  'BERTH-SCHEMA-TYPE': {
    message: '{subject} must be {expected}, not {actual}',
    hint: 'see the field in docs/berth-yaml.md',
  },
  'BERTH-SCHEMA-REQUIRED': {
    message: '{parent} is missing the required field "{field}"',
    hint: 'add "{field}"',
  },
  'BERTH-SCHEMA-ENUM': {
    message: '{subject} must be one of {allowed}, not {actual}{suggestion}',
    hint: 'use one of the listed values',
  },
  'BERTH-SCHEMA-FORMAT': {
    message: '{subject} {problem}',
    hint: '{formatHint}',
  },
  'BERTH-SCHEMA-RANGE': {
    message: '{subject} {problem}',
    hint: 'see the field in docs/berth-yaml.md',
  },

  // Meaning of the file, after it is well-formed
  'BERTH-SPEC-NAME': {
    message: '{kind} name "{name}" {problem}',
    hint: '{nameHint}',
  },
  'BERTH-SPEC-NAME-COLLISION': {
    message: '{kind} names "{first}" and "{second}" both become "{identifier}" in generated code',
    hint: 'rename one of them',
  },
  'BERTH-SPEC-REFERENCE': {
    message: '{kind} "{name}" is not declared',
    hint: 'declare it under `{section}:`{suggestion}',
  },
  'BERTH-SPEC-CYCLE': {
    message: 'containers depend on each other in a cycle: {cycle}',
    hint: 'remove one `depends_on` entry to break the cycle',
  },
  'BERTH-SPEC-VALUE': {
    message: '{subject}: {problem}',
    hint: '{valueHint}',
  },
  'BERTH-SPEC-CONFLICT': {
    message: '{subject} {problem}',
    hint: '{conflictHint}',
  },

  // Translation to a target
  'BERTH-GEN-UNSUPPORTED': {
    message: '{target} cannot express {field}; {consequence}',
    hint: '{genHint}',
  },
  'BERTH-GEN-DEFAULT': {
    message: '{target} {difference}',
    hint: '{genHint}',
  },
  'BERTH-GEN-APPROXIMATE': {
    message: '{target} expresses {field} only approximately: {consequence}',
    hint: '{genHint}',
  },

  // Writing output
  'BERTH-WRITE-EDITED': {
    message: '"{path}" was changed by hand or was not written by berth; not overwritten',
    hint: 'move your change into berth.yaml (or x-chef / x-puppet), or rerun with --force',
  },
  'BERTH-WRITE-NOT-DIRECTORY': {
    message: 'the output path "{path}" exists and is not a directory',
    hint: 'choose another --out, or remove the file',
  },
  'BERTH-WRITE-FAILED': {
    message: 'cannot write "{path}": {reason}',
    hint: '{writeHint}',
  },
  'BERTH-CHECK-STALE': {
    message: '"{path}" {problem}',
    hint: 'run `berth generate` and commit the result',
  },

  // Linting existing code
  'BERTH-LINT-CONFIG': {
    message: '{problem}',
    hint: 'see docs/lint.md#configuration',
  },
  'BERTH-LINT-INPUT': {
    message: '{problem}',
    hint: '{lintHint}',
  },

  // Importing
  'BERTH-IMPORT-INPUT': {
    message: '{problem}',
    hint: '{importHint}',
  },

  // GitHub
  'BERTH-GITHUB-ENV': {
    message: '{problem}',
    hint: 'run inside GitHub Actions, or set {variable}',
  },
  'BERTH-GITHUB-API': {
    message: 'GitHub answered {status} to {request}: {reason}',
    hint: '{githubHint}',
  },
  'BERTH-GITHUB-INCOMPLETE': {
    message:
      'the pull request changes {total} files; GitHub lists {listed} and berth could not find ' +
      'the other {missing}, so they were not checked: {reason}',
    hint: 'split the pull request, or run `berth lint` on a checkout of its head commit',
  },

  // A defect in berth itself, never the user's input
  'BERTH-INTERNAL': {
    message: 'internal error: {reason}',
    hint: 'please report this with the input that caused it',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type Code = keyof typeof catalogue;
