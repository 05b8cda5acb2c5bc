// Measures `berth generate` through the command line, as a user runs it:
//
// - a 10,000-container file compiled into both targets (Chef and Puppet): wall time and peak
//   memory (the bar: under 1 s and under 300 MB);
// - a 100,000-container file: at most 12 times the 10,000 time (the bar: linear growth);
// both with containers shaped like the example and with richer ones (bench/fleet.mjs);
// - the example's cold start against a bare `node -e 0` in the same run (the bar: within 3x).
//
// Usage: npm run build && node bench/generate.mjs [--runs N] [--record]
// Peak memory comes from GNU time (`apt-get install time`), the only portable way to read a
// child's maximum resident set size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { machine, median, recordResults, root } from './machine.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const work = join(root, 'bench', 'work');
const berth = join(root, 'bin', 'berth.js');
mkdirSync(work, { recursive: true });

function fleet(count, shape) {
  const file = join(work, `fleet-${shape}-${count}.yaml`);
  if (!existsSync(file)) {
    const script = join(root, 'bench', 'fleet.mjs');
    const result = spawnSync(process.execPath, [script, String(count), shape], {
      maxBuffer: 1 << 30,
    });
    writeFileSync(file, result.stdout);
  }
  return file;
}

/** One timed run of a command; peak memory when GNU time is there. */
function timed(args) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime ? ['-f', '%M', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const result = spawnSync(
    command,
    full.map((a) => (a === '$OUT' ? out : a)),
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`failed: ${args.join(' ')}\n${result.stderr}`);
  const kb = useTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { ms, mb: kb / 1024 };
}

function measure(args) {
  timed(args); // warm the file cache
  const samples = Array.from({ length: runs }, () => timed(args));
  return {
    ms: median(samples.map((s) => s.ms)),
    best: Math.min(...samples.map((s) => s.ms)),
    mb: Math.max(...samples.map((s) => s.mb)),
  };
}

const generate = (file) => [berth, 'generate', file, '--out', '$OUT', '--target', 'chef,puppet'];
const shapes = ['example', 'rich'].map((shape) => ({
  shape,
  ten: measure(generate(fleet(10_000, shape))),
  hundred: measure(generate(fleet(100_000, shape))),
}));

// Cold start: alternate the two commands so both see the same machine state.
const bare = [];
const example = [];
const exampleArgs = generate(join(root, 'examples', 'code-it', 'berth.yaml'));
for (let i = 0; i < runs * 4; i++) {
  bare.push(timed(['-e', '0']).ms);
  example.push(timed(exampleArgs).ms);
}
const coldBare = median(bare);
const coldExample = median(example);

const lines = [
  `| measure | result | bar |`,
  `|---|---|---|`,
  ...shapes.flatMap(({ shape, ten, hundred }) => [
    `| 10,000 ${shape} containers, both targets | ${ten.ms.toFixed(0)} ms (best ${ten.best.toFixed(0)}), peak ${ten.mb.toFixed(0)} MB | < 1000 ms, < 300 MB |`,
    `| 100,000 ${shape} containers, both targets | ${hundred.ms.toFixed(0)} ms (best ${hundred.best.toFixed(0)}), peak ${hundred.mb.toFixed(0)} MB (${(hundred.ms / ten.ms).toFixed(1)}x the 10,000 time) | <= 12x |`,
  ]),
  `| example cold start | ${coldExample.toFixed(0)} ms vs \`node -e 0\` ${coldBare.toFixed(0)} ms (${(coldExample / coldBare).toFixed(2)}x) | <= 3x |`,
];
const report = [`Generation, median of ${runs} runs (cold start: ${runs * 4})`, '', ...lines].join(
  '\n',
);
process.stdout.write(`${machine()}\n\n${report}\n`);
if (process.argv.includes('--record')) recordResults('Generation', report);
