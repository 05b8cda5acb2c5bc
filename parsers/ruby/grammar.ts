import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  await Parser.init();
  const language = await Language.load(await readFile(grammarPath()));
  assertCompatible(language);
  return language;
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
