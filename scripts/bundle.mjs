// Bundles the compiled command into a few files (one per command, loaded on demand), so that
// starting `berth` does not resolve and read dozens of modules: it starts within about twice
// the time of a bare `node -e 0`. The tree-sitter packages stay outside: they find their
// WebAssembly files next to their own modules.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });

await build({
  // The lint worker is started by file name (lint/parallel.ts), so it is an entry of its own,
  // beside main.js.
  entryPoints: {
    main: join(root, 'dist', 'cli', 'main.js'),
    worker: join(root, 'dist', 'lint', 'worker.js'),
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  external: ['web-tree-sitter', 'tree-sitter-ruby'],
  logLevel: 'warning',
});

// Modules the code loads at run time beside itself: the precompiled schema validator and
// templates.
copyFileSync(
  join(root, 'dist', 'model', 'schema-validator.cjs'),
  join(outdir, 'schema-validator.cjs'),
);
copyFileSync(join(root, 'dist', 'generators', 'templates.cjs'), join(outdir, 'templates.cjs'));
