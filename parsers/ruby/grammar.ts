import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION, Parser } from 'web-tree-sitter';

/**
 * The Ruby grammar ships as a prebuilt wasm file inside the `tree-sitter-ruby` package. Only
 * that file is used: the package's native binding is never loaded, so its install script is
 * not needed. The path is resolved through Node's module resolution rather than spelled out,
 * so hoisted, nested and workspace installs all work.
 */
function grammarPath(): string {
  return createRequire(import.meta.url).resolve('tree-sitter-ruby/tree-sitter-ruby.wasm');
}

let loading: Promise<Language> | undefined;

/**
 * Initialises the tree-sitter runtime and loads the Ruby grammar, once per process: the CLI
 * starts often, and every caller after the first shares the same promise. A failed load is
 * not cached, so a later call can try again.
 */
export function loadRubyLanguage(): Promise<Language> {
  loading ??= initialise().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function initialise(): Promise<Language> {
  keepBaselineCode();
  await Parser.init();
  const language = await Language.load(await readFile(grammarPath()));
  assertCompatible(language);
  return language;
}

/**
 * V8 first compiles WebAssembly with its fast baseline compiler, then recompiles the hot
 * functions with its optimizing one on background threads, and a process does not exit before
 * those finish. For the 2 MB Ruby grammar that work outlasts most `berth lint` runs: keeping the
 * baseline code took one recipe from 0.24 to 0.15 s, 1,000 recipes from 0.69 to 0.61 s and 22 MB
 * less memory. Past several thousand recipes the optimized code would pay off; at 8,000 both ways
 * took the same time. The flag is read when a module is compiled, so it is set before the
 * runtime loads; nothing else in berth uses WebAssembly.
 */
function keepBaselineCode(): void {
  setFlagsFromString('--liftoff-only');
}

/** A grammar built by a newer or much older tree-sitter CLI cannot be read by this runtime. */
function assertCompatible(language: Language): void {
  const abi = language.abiVersion;
  if (abi < MIN_COMPATIBLE_VERSION || abi > LANGUAGE_VERSION) {
    throw new Error(
      `tree-sitter-ruby.wasm has ABI version ${abi}; web-tree-sitter reads ` +
        `${MIN_COMPATIBLE_VERSION} to ${LANGUAGE_VERSION}. Install matching versions.`,
    );
  }
}
