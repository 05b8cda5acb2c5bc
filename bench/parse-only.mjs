// The floor under `berth lint` on recipes: a fresh process that loads the Ruby grammar as berth
// does and hands each recipe to tree-sitter, nothing more. No tree is read, no rule runs, no
// report is written, so no linter built on this grammar can take less time over the same files.
//
// Usage: npm run build && node bench/parse-only.mjs <folder>
//
// bench/anchors.mjs runs it beside rubocop and `berth lint`, over the same recipes.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { Parser } from 'web-tree-sitter';

import { loadRubyLanguage } from '../dist/parsers/ruby/grammar.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node bench/parse-only.mjs <folder of *.rb files>');
  process.exit(2);
}

const language = await loadRubyLanguage();
const parser = new Parser().setLanguage(language);
const names = readdirSync(folder).filter((name) => name.endsWith('.rb'));
let nodes = 0;
for (const name of names) {
  const tree = parser.parse(readFileSync(join(folder, name), 'utf8'));
  // The count proves each file was parsed; it costs one call per file.
  nodes += tree.rootNode.descendantCount;
  tree.delete();
}
console.log(`${names.length} files parsed, ${nodes} nodes`);
