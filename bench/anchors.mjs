// Measures `berth lint` against the linters its users already run, whole commands through the
// command line, each pair in the same run:
//
// - puppet-lint and berth over the same `*.pp` files of Debian's Puppet modules;
// - rubocop and berth over 1,000 Chef recipes (bench/recipes.mjs, written into bench/work/);
// - berth alone over 1, 2, 4 and 8 copies of each corpus, to show its time grows linearly.
//
// The bar: berth at least 50 times faster than each of the two, and linear growth.
//
// Usage: npm run build && node bench/anchors.mjs [--runs N] [--anchor-runs M] [--record]
//
// berth runs N times (default 5) and each anchor M times (default 1: each takes 10-30 s); the
// runs of a pair are interleaved so that both see the same load, and times are medians. berth
// runs twice per corpus: as by default, which parses only files that mention docker (none of
// the Debian modules does, so that row is walking and reading), and with --parse-all, which
// parses every file as the anchors do. Every tool runs with its default checks or cops and no
// configuration file; rubocop also without its result cache, which keeps it in one process.
// GNU time (`apt-get install time`) gives the CPU time, a median too, and the peak memory
// (maximum resident set size), the largest over the runs. --record appends the tables to
// bench/RESULTS.md.

import { spawnSync } from 'node:child_process';
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { machine, median, recordResults, root } from './machine.mjs';
import { writeRecipes } from './recipes.mjs';

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) || fallback : fallback;
};
const runs = option('--runs', 5);
const anchorRuns = option('--anchor-runs', 1);
const SCALES = [1, 2, 4, 8];
const RECIPES = 1000;
const BAR = 50;

const DEBIAN = '/usr/share/puppet/modules';
const work = join(root, 'bench', 'work', 'anchors');
const timeFile = join(work, 'time.txt');
const berth = join(root, 'bin', 'berth.js');

if (!existsSync(join(root, 'dist', 'bundle'))) fail('dist/ is missing: run `npm run build`.');
if (!existsSync(DEBIAN)) fail(`${DEBIAN} is missing: see test/parsers/puppet/corpus-packages.txt.`);
if (!existsSync('/usr/bin/time')) fail('GNU time is missing: `apt-get install time`.');

function fail(message) {
  console.error(message);
  process.exit(2);
}

/**
 * One timed run: wall time from spawn to exit, CPU time (user and system, which another load
 * on the machine disturbs less than wall time), peak memory, and the report it printed.
 */
function timed([command, ...args]) {
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', timeFile, command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;

  // All three exit 1 when they find something, which they do in these corpora.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${command} exited with ${result.status}:\n${result.stderr.slice(0, 2000)}`);
  }
  // GNU time writes "Command exited with non-zero status 1" first, then the format.
  const [kb, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ');
  const cpu = (Number(user) + Number(system)) * 1000;
  return { ms, cpu, mb: Number(kb) / 1024, stdout: result.stdout };
}

/**
 * Runs each command its number of times, spreading the few runs of a slow command evenly
 * among the many of a fast one, so that a change of load on the shared machine falls on both.
 */
function interleaved(commands) {
  const rounds = Math.max(...commands.map((command) => command.runs));
  for (const command of commands) command.samples = [];
  for (let round = 0; round < rounds; round++) {
    for (const command of commands) {
      const due = Math.floor(((command.samples.length + 0.5) * rounds) / command.runs);
      if (command.samples.length < command.runs && round === due) {
        command.samples.push(timed(command.argv));
      }
    }
  }
  return commands.map(({ samples, ...command }) => ({
    ...command,
    ms: median(samples.map((sample) => sample.ms)),
    cpu: median(samples.map((sample) => sample.cpu)),
    mb: Math.max(...samples.map((sample) => sample.mb)),
    output: command.count(samples[0].stdout),
  }));
}

/** The Debian corpus as puppet-lint reads it: the `*.pp` files, symbolic links followed. */
function debianManifests() {
  const result = spawnSync('find', ['-L', DEBIAN, '-name', '*.pp', '-type', 'f'], {
    encoding: 'utf8',
  });
  return result.stdout.trim().split('\n').sort();
}

/** Copies 0 to 7 of a corpus, `<dir>/copy-<i>/`, so that a scale is a list of folders. */
function writeCopies(dir, writeFirst) {
  rmSync(dir, { recursive: true, force: true });
  writeFirst(join(dir, 'copy-0'));
  for (let i = 1; i < Math.max(...SCALES); i++) {
    cpSync(join(dir, 'copy-0'), join(dir, `copy-${i}`), { recursive: true });
  }
  return (scale) => Array.from({ length: scale }, (_, i) => join(dir, `copy-${i}`));
}

// berth's report ends with a summary line: `802 files, no docker resources, 0 findings`.
const berthCount = (stdout) => {
  const summary = stdout.trim().split('\n').pop();
  return `${summary.match(/^\d+ files?/)?.[0]}, ${summary.match(/(\d+|no) findings?/)?.[0]}`;
};
const fileCount = (output) => Number(output.match(/^\d+/)[0]);
// puppet-lint prints one line per problem, and nothing else.
const puppetLintCount = (stdout) => `${stdout.split('\n').filter(Boolean).length} problems`;
const rubocopCount = (stdout) => {
  const [, files, offenses] = stdout.match(/(\d+) files? inspected, (\w+) offenses?/) ?? [];
  return `${files} files, ${offenses} offenses`;
};

function berthCommands(paths) {
  const lint = [process.execPath, berth, 'lint', '--no-config'];
  return [
    { name: '`berth lint`', argv: [...lint, ...paths], runs, count: berthCount },
    {
      name: '`berth lint --parse-all`',
      argv: [...lint, '--parse-all', ...paths],
      runs,
      count: berthCount,
    },
  ];
}

/**
 * Times an anchor and berth over the same paths, and any `floors` (commands that do only part
 * of berth's work, so berth cannot be faster than they are); rows of the comparison table.
 */
function pair(corpus, anchor, paths, floors = []) {
  // Untimed runs first: the corpus into the file cache, the anchor's Ruby files too.
  if (spawnSync(anchor.argv[0], ['--version']).error) {
    fail(`${anchor.argv[0]} is missing: \`apt-get install ${anchor.argv[0]}\`.`);
  }
  for (const command of [...berthCommands(paths), ...floors]) timed(command.argv);

  const [slow, ...fast] = interleaved([anchor, ...berthCommands(paths), ...floors]);
  const verdict = (c, ratio) => {
    if (floors.some((floor) => floor.name === c.name)) return 'floor';
    return ratio >= BAR ? 'yes' : 'no';
  };
  const cells = (c) => {
    const memory = `${c.mb.toFixed(0)} MB`;
    return [c.name, c.runs, seconds(c.ms), seconds(c.cpu), memory, c.output].join(' | ');
  };
  return [
    `| ${corpus} | ${cells(slow)} | | |`,
    ...fast.map((c) => {
      const ratio = slow.ms / c.ms;
      return `| | ${cells(c)} | ${ratio.toFixed(1)}x | ${verdict(c, ratio)} |`;
    }),
  ];
}

/**
 * berth alone at each scale of a corpus: time, time per file and peak memory, then what each
 * added file costs from 1x to 2x and from 4x to 8x: equal costs are linear growth.
 */
function growth(corpus, scaled, parseAll) {
  const flags = parseAll ? ['--parse-all'] : [];
  const lint = [process.execPath, berth, 'lint', '--no-config', ...flags];
  const commands = SCALES.map((scale) => ({
    argv: [...lint, ...scaled(scale)],
    runs,
    count: berthCount,
  }));
  for (const command of commands) timed(command.argv);

  const measured = interleaved(commands).map((m) => ({ ...m, files: fileCount(m.output) }));
  const perFile = (m) => (m.ms * 1000) / m.files;
  const cells = measured.map(
    (m) =>
      `${seconds(m.ms)} (CPU ${seconds(m.cpu)}), ${perFile(m).toFixed(0)} µs/file, ` +
      `${m.mb.toFixed(0)} MB`,
  );
  const at = (scale) => measured[SCALES.indexOf(scale)];
  const added = (key, from, to) =>
    ((at(to)[key] - at(from)[key]) * 1000) / (at(to).files - at(from).files);
  const steps = (key) => `${added(key, 1, 2).toFixed(0)} / ${added(key, 4, 8).toFixed(0)} µs`;
  const name = `${corpus}${parseAll ? ', `--parse-all`' : ''} (${at(1).files} files at 1x)`;
  return `| ${name} | ${cells.join(' | ')} | ${steps('ms')} (CPU ${steps('cpu')}) |`;
}

function times(count) {
  return count === 1 ? 'once' : `${count} times`;
}

function seconds(ms) {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}

const load = loadavg()[0].toFixed(1);
mkdirSync(work, { recursive: true });
const manifests = debianManifests();
const debianCopies = writeCopies(join(work, 'debian'), (dir) => {
  for (const file of manifests) {
    const copy = join(dir, relative(DEBIAN, file));
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(file, copy);
  }
});
const recipeCopies = writeCopies(join(work, 'recipes'), (dir) => writeRecipes(dir, RECIPES));
const [recipes] = recipeCopies(1);

const puppetLint = {
  name: '`puppet-lint --no-config`',
  argv: ['puppet-lint', '--no-config', ...manifests],
  runs: anchorRuns,
  count: puppetLintCount,
};
const rubocop = {
  name: '`rubocop --cache false --force-default-config`',
  argv: ['rubocop', '--cache', 'false', '--force-default-config', recipes],
  runs: anchorRuns,
  count: rubocopCount,
};
// tree-sitter's parse of the recipes in a fresh process, without reading the trees, then with
// the least reading a lint needs (finding each docker resource's head): the least any linter
// on this grammar takes. With tree-sitter's native binding too, when bench/work/native has it
// (see bench/parse-only.mjs).
const floorVariants = [[], ['--heads']];
if (existsSync(join(root, 'bench', 'work', 'native', 'node_modules', 'tree-sitter'))) {
  floorVariants.push(['--native'], ['--native', '--heads']);
}
const floors = floorVariants.map((flags) => ({
  name: `\`node bench/parse-only.mjs${flags.map((flag) => ` ${flag}`).join('')}\``,
  argv: [process.execPath, join(root, 'bench', 'parse-only.mjs'), recipes, ...flags],
  runs,
  count: (stdout) => stdout.trim().split(',')[0],
}));
const comparison = [
  ...pair(`Debian modules, ${manifests.length} \`*.pp\` files`, puppetLint, manifests),
  ...pair(`${RECIPES} Chef recipes`, rubocop, [recipes], floors),
];
const scaling = [
  growth('Debian `*.pp` copies', debianCopies, false),
  growth('Debian `*.pp` copies', debianCopies, true),
  growth('recipe copies', recipeCopies, false),
];

const report = [
  `Load average ${load} at the start. Times are medians; berth's commands are ` +
    `\`node bin/berth.js lint --no-config\`, given the same paths as the anchor (the ` +
    `${manifests.length} files; the recipes' folder). Each anchor ran ${times(anchorRuns)}, ` +
    `each berth command ${times(runs)}. Ratio: the anchor's time over berth's; bar: ${BAR}x. ` +
    'CPU time is user plus system: berth uses more than one thread, the anchors one. ' +
    'The `bench/parse-only.mjs` rows are floors, not berth: a fresh process that loads the ' +
    'Ruby grammar and only parses each recipe with tree-sitter (`--heads`: and finds each ' +
    "docker resource's head; `--native`: with tree-sitter's native binding instead of the " +
    'wasm build berth uses).',
  '',
  '| corpus | command | runs | time | CPU time | peak memory | checked | ratio | bar met |',
  '|---|---|---|---|---|---|---|---|---|',
  ...comparison,
  '',
  `Growth: berth alone over 1, 2, 4 and 8 copies of each corpus in bench/work/ (given as ` +
    `folders), median of ${runs} runs. The last column is what each file added costs from ` +
    '1x to 2x and from 4x to 8x: about equal when time grows linearly, larger at 4x to 8x ' +
    'if it grows faster. The time per file falls as more files share the start-up.',
  '',
  `| corpus | ${SCALES.map((scale) => `${scale}x`).join(' | ')} | each added file |`,
  `|---|${SCALES.map(() => '---|').join('')}---|`,
  ...scaling,
].join('\n');

process.stdout.write(`${machine()}\n\n${report}\n`);
if (process.argv.includes('--record')) {
  recordResults('Lint against puppet-lint and rubocop', report);
}
