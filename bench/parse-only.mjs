// The floor under `berth lint` on recipes: a fresh process that loads the Ruby grammar and hands
// each recipe to tree-sitter, nothing more. No rule runs and no report is written, so no linter
// built on this grammar can take less time over the same files.
//
// Usage: npm run build && node bench/parse-only.mjs <folder> [--heads] [--native]
//
// --heads also finds the head of every docker resource (a call whose method starts with
// `docker_`), the least reading a lint must do; without it, no tree is read at all.
// --native uses tree-sitter's native binding instead of the wasm build berth ships, from
// bench/work/native, where it is installed apart from berth's dependencies:
//
//   npm install --prefix bench/work/native tree-sitter@0.21.1 tree-sitter-ruby@0.23.1
//
// bench/anchors.mjs runs it beside rubocop and `berth lint`, over the same recipes.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { root } from './machine.mjs';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node bench/parse-only.mjs <folder of *.rb files> [--heads] [--native]');
  process.exit(2);
}
const heads = process.argv.includes('--heads');
const native = process.argv.includes('--native');

const NATIVE = join(root, 'bench', 'work', 'native');

const parse = native ? nativeParser() : await wasmParser();
const names = readdirSync(folder).filter((name) => name.endsWith('.rb'));
let counted = 0;
for (const name of names) counted += parse(readFileSync(join(folder, name), 'utf8'));
const what = heads ? 'docker resource heads' : 'nodes';
console.log(`${names.length} files parsed, ${counted} ${what}`);

/** The number of docker calls in a tree, or without --heads its node count (one call). */
function count(root, text) {
  if (!heads) return root.descendantCount;
  let found = 0;
  for (const call of root.descendantsOfType('call')) {
    const method = call.firstNamedChild;
    if (method && text.startsWith('docker_', method.startIndex)) found++;
  }
  return found;
}

async function wasmParser() {
  const { Parser } = await import('web-tree-sitter');
  const { loadRubyLanguage } = await import('../dist/parsers/ruby/grammar.js');
  const language = await loadRubyLanguage();
  const parser = new Parser().setLanguage(language);
  return (text) => {
    const tree = parser.parse(text);
    const found = count(tree.rootNode, text);
    tree.delete();
    return found;
  };
}

function nativeParser() {
  if (!existsSync(join(NATIVE, 'node_modules', 'tree-sitter'))) {
    console.error(
      `${NATIVE} has no tree-sitter: npm install --prefix bench/work/native ` +
        'tree-sitter@0.21.1 tree-sitter-ruby@0.23.1',
    );
    process.exit(2);
  }
  const require = createRequire(join(NATIVE, 'package.json'));
  const Parser = require('tree-sitter');
  const parser = new Parser();
  parser.setLanguage(require('tree-sitter-ruby'));
  return (text) => count(parser.parse(text).rootNode, text);
}
