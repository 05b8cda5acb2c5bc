import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Inputs that must be refused cleanly: each with the code and the position of the one error it
 * must produce. A case writes what it needs into its own folder and returns the arguments of
 * the `berth` command to run there.
 */
export interface HostileCase {
  name: string;
  code: string;
  /**
   * `line:column` the message must point at. A case without one is a problem of the whole file,
   * folder or command line, and its message must then carry no position at all.
   */
  at?: string;
  /** A misspelling: the name the message must offer with "did you mean". */
  suggests?: string;
  /** The message in full (what follows the code), given the case's folder. */
  message?: (dir: string) => string;
  setup(dir: string): string[];
  /** Only where the machine allows it (a read-only mount needs privileges). */
  available?: () => boolean;
  /** Undoes what setup did outside plain files (a mount). */
  cleanup?(dir: string): void;
  /** When the tests run as root: the user id to run the command as instead. */
  runAs?: number;
}

const valid = `name: shop
version: 1.0.0
author: acme
containers:
  web:
    image: nginx:1.27
    ports: ["80:80"]
`;

/** A berth file with `body` as its containers section. */
const withContainers = (body: string) =>
  `name: shop\nversion: 1.0.0\nauthor: acme\ncontainers:\n${body}`;

function input(content: string | Buffer, args: string[] = []) {
  return (dir: string): string[] => {
    writeFileSync(join(dir, 'berth.yaml'), content);
    return ['generate', join(dir, 'berth.yaml'), '--out', join(dir, 'out'), ...args];
  };
}

const isRoot = () => process.getuid?.() === 0;

export const cases: HostileCase[] = [
  // Malformed YAML
  {
    name: 'unclosed flow list',
    code: 'BERTH-YAML-SYNTAX',
    at: '7:1',
    setup: input(withContainers('  web:\n    image: [nginx\n')),
  },
  {
    name: 'bad indentation',
    code: 'BERTH-YAML-SYNTAX',
    at: '7:10',
    setup: input(withContainers('  web:\n   image: nginx\n    ports: []\n')),
  },
  {
    name: 'unterminated quoted string',
    code: 'BERTH-YAML-SYNTAX',
    // js-yaml reports where the stream ends, not where the quote opened (6:12).
    at: '7:1',
    setup: input(withContainers('  web:\n    image: "nginx\n')),
  },
  {
    name: 'duplicate top-level key',
    code: 'BERTH-YAML-DUPLICATE-KEY',
    at: '2:1',
    message: () => 'duplicate key "name" (first at line 1)',
    setup: input('name: a\nname: b\nversion: 1.0.0\n'),
  },
  {
    name: 'duplicate container field',
    code: 'BERTH-YAML-DUPLICATE-KEY',
    at: '7:5',
    message: () => 'duplicate key "image" (first at line 6)',
    setup: input(withContainers('  web:\n    image: a\n    image: b\n')),
  },
  {
    name: 'tab indentation',
    code: 'BERTH-YAML-TAB',
    at: '6:1',
    setup: input(withContainers('  web:\n\timage: nginx\n')),
  },
  {
    name: 'alias bomb (billion laughs)',
    code: 'BERTH-YAML-ALIASES',
    at: '1:1',
    setup: input(billionLaughs()),
  },
  {
    name: '10,000-deep flow nesting',
    code: 'BERTH-YAML-DEPTH',
    // The 64th bracket: the top-level map is the first level.
    at: '1:70',
    setup: input(`name: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`),
  },
  {
    name: '200-deep block nesting',
    code: 'BERTH-YAML-DEPTH',
    // The key k63, indented by 63 spaces.
    at: '64:64',
    setup: input(deepBlock(200)),
  },
  { name: 'empty file', code: 'BERTH-YAML-EMPTY', at: '1:1', setup: input('') },
  {
    name: 'only whitespace and comments',
    code: 'BERTH-YAML-EMPTY',
    at: '1:1',
    setup: input('\n  \n# nothing here\n'),
  },
  { name: 'two documents', code: 'BERTH-YAML-DOCUMENTS', setup: input(`${valid}---\n${valid}`) },
  {
    name: 'python object tag',
    code: 'BERTH-YAML-TAG',
    // js-yaml reports the end of the tagged value, not the tag (1:7).
    at: '1:37',
    setup: input('name: !!python/object:os.system echo\n'),
  },
  {
    name: 'custom tag',
    code: 'BERTH-YAML-TAG',
    at: '6:22',
    setup: input(withContainers('  web:\n    image: !Ref nginx\n')),
  },

  // Bytes that are not text
  {
    name: 'invalid UTF-8',
    code: 'BERTH-IO-ENCODING',
    at: '6:14',
    setup: input(
      Buffer.concat([
        Buffer.from(withContainers('  web:\n    image: ng')),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('inx\n'),
      ]),
    ),
  },
  {
    name: 'overlong UTF-8',
    code: 'BERTH-IO-ENCODING',
    at: '1:7',
    setup: input(
      Buffer.concat([Buffer.from('name: '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]),
    ),
  },
  {
    name: 'UTF-16 file',
    code: 'BERTH-IO-ENCODING',
    at: '1:1',
    setup: input(Buffer.from(`\ufeff${valid}`, 'utf16le')),
  },
  {
    name: 'NUL byte',
    code: 'BERTH-IO-NUL',
    at: '2:10',
    setup: input(Buffer.from('name: a\nversion: \u0000\n')),
  },
  {
    name: 'file over the size limit',
    code: 'BERTH-IO-TOO-LARGE',
    message: () => 'the file is 68157440 bytes; berth reads at most 67108864 bytes',
    setup: input(Buffer.alloc(65 * 1024 * 1024, '#')),
  },
  {
    name: '20 MB summary',
    code: 'BERTH-SCHEMA-RANGE',
    at: '4:10',
    setup: input(
      `name: a\nversion: 1.0.0\nauthor: a\nsummary: ${'x'.repeat(20 * 1024 * 1024)}\ncontainers: {}\n`,
    ),
  },

  // Wrong shapes and misspellings
  {
    name: 'top level is a list',
    code: 'BERTH-SCHEMA-TYPE',
    at: '1:1',
    setup: input('- name: shop\n'),
  },
  {
    name: 'top level is a scalar',
    code: 'BERTH-SCHEMA-TYPE',
    at: '1:1',
    setup: input('just a string\n'),
  },
  {
    name: 'misspelled container field',
    code: 'BERTH-SCHEMA-UNKNOWN-FIELD',
    at: '7:5',
    suggests: 'ports',
    setup: input(withContainers('  web:\n    image: nginx\n    prots: ["80:80"]\n')),
  },
  {
    name: 'misspelled top-level field',
    code: 'BERTH-SCHEMA-UNKNOWN-FIELD',
    at: '4:1',
    suggests: 'containers',
    setup: input('name: shop\nversion: 1.0.0\nauthor: acme\ncontaners: {}\n'),
  },
  {
    name: 'ports as a string',
    code: 'BERTH-SCHEMA-TYPE',
    at: '7:12',
    setup: input(withContainers('  web:\n    image: nginx\n    ports: "80:80"\n')),
  },
  {
    name: 'privileged as a string',
    code: 'BERTH-SCHEMA-TYPE',
    at: '7:17',
    setup: input(withContainers('  web:\n    image: nginx\n    privileged: "yes"\n')),
  },
  {
    name: 'version as a number',
    code: 'BERTH-SCHEMA-TYPE',
    at: '2:10',
    setup: input('name: shop\nversion: 1.0\nauthor: acme\ncontainers: {}\n'),
  },
  {
    name: 'missing name',
    code: 'BERTH-SCHEMA-REQUIRED',
    at: '1:1',
    setup: input('version: 1.0.0\nauthor: acme\ncontainers: {}\n'),
  },
  {
    name: 'container without image',
    code: 'BERTH-SCHEMA-REQUIRED',
    at: '5:3',
    setup: input(withContainers('  web:\n    command: sleep 1\n')),
  },
  {
    name: 'restart policy not allowed',
    code: 'BERTH-SCHEMA-FORMAT',
    at: '7:14',
    setup: input(withContainers('  web:\n    image: nginx\n    restart: sometimes\n')),
  },
  {
    name: 'unknown pull policy',
    code: 'BERTH-SCHEMA-ENUM',
    at: '7:18',
    suggests: 'always',
    setup: input(withContainers('  web:\n    image: nginx\n    pull_policy: alwayz\n')),
  },

  // Names that would escape or break generated code
  {
    name: 'container named like an image',
    code: 'BERTH-SPEC-NAME',
    at: '5:3',
    setup: input(withContainers('  org/app:\n    image: org/app\n')),
  },
  {
    name: 'container name with ../',
    code: 'BERTH-SPEC-NAME',
    at: '5:3',
    setup: input(withContainers('  "../evil":\n    image: nginx\n')),
  },
  {
    name: 'empty container name',
    code: 'BERTH-SPEC-NAME',
    at: '5:3',
    setup: input(withContainers('  "":\n    image: nginx\n')),
  },
  {
    name: 'module name is a reserved word',
    code: 'BERTH-SPEC-NAME',
    at: '1:7',
    setup: input('name: class\nversion: 1.0.0\nauthor: acme\ncontainers: {}\n'),
  },
  {
    name: 'module name shadows the docker module',
    code: 'BERTH-SPEC-NAME',
    at: '1:7',
    setup: input('name: docker\nversion: 1.0.0\nauthor: acme\ncontainers: {}\n'),
  },
  {
    name: 'module name with a path',
    code: 'BERTH-SCHEMA-FORMAT',
    at: '1:7',
    setup: input('name: ../shop\nversion: 1.0.0\nauthor: acme\ncontainers: {}\n'),
  },
  {
    name: 'names that collide in generated code',
    code: 'BERTH-SPEC-NAME-COLLISION',
    at: '7:3',
    setup: input(withContainers('  code.it:\n    image: nginx\n  code_it:\n    image: nginx\n')),
  },

  // Values that cannot be carried, or mean nothing on a node
  {
    name: 'NUL through a YAML escape',
    code: 'BERTH-SPEC-VALUE',
    at: '8:10',
    setup: input(withContainers('  web:\n    image: nginx\n    environment:\n      A: "x\\0y"\n')),
  },
  {
    name: 'unpaired surrogate',
    code: 'BERTH-SPEC-VALUE',
    at: '8:10',
    setup: input(
      withContainers('  web:\n    image: nginx\n    environment:\n      A: "\\uD800"\n'),
    ),
  },
  {
    name: 'uppercase image reference',
    code: 'BERTH-SPEC-VALUE',
    at: '6:12',
    setup: input(withContainers('  web:\n    image: Nginx:1.27\n')),
  },
  {
    name: 'port that is not a number',
    code: 'BERTH-SPEC-VALUE',
    at: '7:13',
    setup: input(withContainers('  web:\n    image: nginx\n    ports: ["80:http"]\n')),
  },
  {
    name: 'port ranges of different lengths',
    code: 'BERTH-SPEC-VALUE',
    at: '7:13',
    setup: input(withContainers('  web:\n    image: nginx\n    ports: ["8000-8002:80-81"]\n')),
  },
  {
    name: 'relative bind source',
    code: 'BERTH-SPEC-VALUE',
    at: '7:15',
    setup: input(withContainers('  web:\n    image: nginx\n    volumes: ["./data:/data"]\n')),
  },
  {
    name: 'environment variable without value',
    code: 'BERTH-SPEC-VALUE',
    at: '8:7',
    setup: input(withContainers('  web:\n    image: nginx\n    environment:\n      HOME:\n')),
  },
  {
    name: 'duration below a millisecond',
    code: 'BERTH-SPEC-VALUE',
    at: '8:17',
    setup: input(
      withContainers('  web:\n    image: nginx\n    healthcheck:\n      interval: 1500us\n'),
    ),
  },

  {
    name: 'mount path holding a colon',
    code: 'BERTH-SPEC-VALUE',
    at: '8:9',
    setup: input(
      withContainers(
        '  web:\n    image: nginx\n    volumes:\n      - {type: bind, source: /a:b, target: /b}\n',
      ),
    ),
  },

  {
    name: 'x-chef property the cookbook lacks',
    code: 'BERTH-SPEC-VALUE',
    at: '8:7',
    suggests: 'kill_after',
    setup: input(
      withContainers('  web:\n    image: nginx:1.27\n    x-chef:\n      kill_afterr: 30\n'),
    ),
  },
  {
    name: 'x-puppet parameter the module lacks',
    code: 'BERTH-SPEC-VALUE',
    at: '8:7',
    setup: input(
      withContainers('  web:\n    image: nginx:1.27\n    x-puppet:\n      stop_wait: 30\n'),
    ),
  },
  {
    name: 'target difference under --strict',
    code: 'BERTH-GEN-DEFAULT',
    at: '6:12',
    setup: input(withContainers('  web:\n    image: nginx\n'), ['--strict']),
  },

  // References
  {
    name: 'undeclared named volume',
    code: 'BERTH-SPEC-REFERENCE',
    at: '7:15',
    setup: input(withContainers('  web:\n    image: nginx\n    volumes: ["data:/data"]\n')),
  },
  {
    name: 'undeclared network',
    code: 'BERTH-SPEC-REFERENCE',
    at: '7:16',
    setup: input(withContainers('  web:\n    image: nginx\n    networks: [backend]\n')),
  },
  {
    name: 'undeclared secret',
    code: 'BERTH-SPEC-REFERENCE',
    at: '8:24',
    setup: input(
      withContainers(
        '  web:\n    image: nginx\n    environment:\n      TOKEN: { secret: token }\n',
      ),
    ),
  },
  {
    name: 'dependency on an unknown container',
    code: 'BERTH-SPEC-REFERENCE',
    at: '7:18',
    setup: input(withContainers('  web:\n    image: nginx\n    depends_on: [api]\n')),
  },
  {
    name: 'dependency cycle',
    code: 'BERTH-SPEC-CYCLE',
    // The entry of b that closes the cycle.
    at: '10:18',
    setup: input(
      withContainers(
        '  a:\n    image: nginx\n    depends_on: [b]\n  b:\n    image: nginx\n    depends_on: [a]\n',
      ),
    ),
  },
  {
    name: 'networks with network_mode',
    code: 'BERTH-SPEC-CONFLICT',
    at: '8:5',
    setup: input(
      `${withContainers('  web:\n    image: nginx\n    network_mode: host\n    networks: [edge]\n')}networks:\n  edge: {}\n`,
    ),
  },

  // Files and folders
  {
    name: 'file that does not exist',
    code: 'BERTH-IO-NOT-FOUND',
    message: (dir) => `no such file "${join(dir, 'missing.yaml')}"`,
    setup: (dir) => ['generate', join(dir, 'missing.yaml'), '--out', join(dir, 'out')],
  },
  {
    name: 'directory instead of a file',
    code: 'BERTH-IO-NOT-A-FILE',
    message: (dir) => `"${dir}" is a directory, not a file`,
    setup: (dir) => ['generate', dir, '--out', join(dir, 'out')],
  },
  {
    name: 'dangling symbolic link',
    code: 'BERTH-IO-NOT-FOUND',
    message: (dir) => `no such file "${join(dir, 'link.yaml')}"`,
    setup: (dir) => {
      symlinkSync(join(dir, 'gone'), join(dir, 'link.yaml'));
      return ['generate', join(dir, 'link.yaml'), '--out', join(dir, 'out')];
    },
  },
  {
    name: 'named pipe instead of a file',
    code: 'BERTH-IO-UNREADABLE',
    message: (dir) => `cannot read "${join(dir, 'pipe.yaml')}": not a regular file`,
    setup: (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
      return ['generate', join(dir, 'pipe.yaml'), '--out', join(dir, 'out')];
    },
  },
  {
    name: 'file without read permission',
    code: 'BERTH-IO-UNREADABLE',
    message: (dir) => `cannot read "${join(dir, 'berth.yaml')}": permission denied`,
    // Root reads any file, so as root the command runs as the unprivileged user nobody.
    runAs: 65534,
    setup: (dir) => {
      chmodSync(dir, 0o755);
      writeFileSync(join(dir, 'berth.yaml'), valid);
      chmodSync(join(dir, 'berth.yaml'), 0);
      return ['generate', join(dir, 'berth.yaml'), '--out', join(dir, 'out')];
    },
  },
  {
    name: 'output path is a file',
    code: 'BERTH-WRITE-NOT-DIRECTORY',
    message: (dir) => `the output path "${join(dir, 'out-file')}" exists and is not a directory`,
    setup: (dir) => {
      writeFileSync(join(dir, 'berth.yaml'), valid);
      writeFileSync(join(dir, 'out-file'), 'x');
      return [
        'generate',
        join(dir, 'berth.yaml'),
        '--out',
        join(dir, 'out-file'),
        '--target',
        'docker',
      ];
    },
  },
  {
    name: 'output tree blocked by a file',
    code: 'BERTH-WRITE-FAILED',
    message: (dir) =>
      `cannot write "${join(dir, 'blocked', 'docker')}": something else is in the way`,
    setup: (dir) => {
      writeFileSync(join(dir, 'berth.yaml'), valid);
      mkdirSync(join(dir, 'blocked'), { recursive: true });
      writeFileSync(join(dir, 'blocked', 'docker'), 'x');
      return [
        'generate',
        join(dir, 'berth.yaml'),
        '--out',
        join(dir, 'blocked'),
        '--target',
        'docker',
      ];
    },
  },
  {
    name: 'read-only output folder',
    code: 'BERTH-WRITE-FAILED',
    message: (dir) =>
      `cannot write "${join(dir, 'readonly', '.berth-staging')}": ` +
      (isRoot() ? 'read-only file system' : 'permission denied'),
    available: canMakeReadOnly,
    setup: (dir) => {
      writeFileSync(join(dir, 'berth.yaml'), valid);
      makeReadOnly(join(dir, 'readonly'));
      return [
        'generate',
        join(dir, 'berth.yaml'),
        '--out',
        join(dir, 'readonly'),
        '--target',
        'docker',
      ];
    },
    cleanup: (dir) => undoReadOnly(join(dir, 'readonly')),
  },

  // The command line
  {
    name: 'unknown command',
    code: 'BERTH-USAGE-COMMAND',
    suggests: 'generate',
    setup: () => ['generat'],
  },
  {
    name: 'unknown option',
    code: 'BERTH-USAGE-OPTION',
    suggests: '--out',
    setup: (dir) => ['generate', join(dir, 'berth.yaml'), '--outt', 'x'],
  },
  {
    name: 'option without its value',
    code: 'BERTH-USAGE-ARGUMENT',
    setup: (dir) => ['generate', join(dir, 'berth.yaml'), '--out'],
  },
  {
    name: 'unknown target',
    code: 'BERTH-USAGE-ARGUMENT',
    setup: input(valid, ['--target', 'ansible']),
  },
];

function billionLaughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++) {
    const refs = Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ');
    lines.push(`a${i}: &a${i} [${refs}]`);
  }
  return `${lines.join('\n')}\nname: shop\nversion: 1.0.0\nauthor: acme\ncontainers: {}\n`;
}

function deepBlock(depth: number): string {
  let text = 'name:\n';
  for (let i = 1; i <= depth; i++) text += `${' '.repeat(i)}k${i}:\n`;
  return `${text}${' '.repeat(depth + 1)}leaf\n`;
}

/**
 * A read-only folder. Root ignores permission bits, so as root the folder is a read-only
 * tmpfs mount; otherwise it is a folder without write permission.
 */
function makeReadOnly(path: string): void {
  mkdirSync(path, { recursive: true });
  if (isRoot()) execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', path]);
  else chmodSync(path, 0o555);
}

function undoReadOnly(path: string): void {
  if (isRoot()) execFileSync('umount', [path]);
  else chmodSync(path, 0o755);
}

/** Whether this machine lets the test make a read-only folder (a tmpfs mount, as root). */
export function canMakeReadOnly(): boolean {
  if (!isRoot()) return true;
  const probe = join(tmpdir(), `berth-mount-probe-${process.pid}`);
  try {
    makeReadOnly(probe);
    undoReadOnly(probe);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}
