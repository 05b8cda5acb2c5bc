import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ParseResult, Value } from '../../../parsers/types.js';
import { goldenRoot } from '../../support/golden.js';
import { requireTool } from '../../support/toolchain.js';
import { parseRecipe } from './helpers.js';

/**
 * Realistic recipes using the docker cookbook, from 2015's LWRP syntax to 11.x. Each has an
 * `.expected.json` beside it, written and checked by reading the recipe: the resources, their
 * titles and lines, and each property call as `name@line` (plus ` conditional`).
 */
const directory = join(import.meta.dirname, '../../fixtures/lint/chef');
const recipes = readdirSync(directory)
  .filter((name) => name.endsWith('.rb'))
  .sort();

interface Expected {
  ruby: 'valid' | 'invalid';
  resources: { type: string; title: unknown; line: number; attributes: string[] }[];
  problems: string[];
}

function expectedFor(recipe: string): Expected {
  const path = join(directory, recipe.replace(/\.rb$/, '.expected.json'));
  return JSON.parse(readFileSync(path, 'utf8')) as Expected;
}

function titleOf(value: Value): unknown {
  if (value.kind === 'string') return value.value;
  if (value.kind === 'unknown') return { unknown: value.reason, text: value.text };
  if (value.kind === 'array') return value.items.map(titleOf);
  return { [value.kind]: 'value' in value ? value.value : null };
}

function summary(result: ParseResult): Omit<Expected, 'ruby'> {
  return {
    resources: result.resources.map((resource) => ({
      type: resource.type,
      title: titleOf(resource.title),
      line: resource.span.start.line,
      attributes: resource.attributes.map(
        (attribute) =>
          `${attribute.name}@${attribute.nameSpan.start.line}` +
          (attribute.conditional ? ' conditional' : ''),
      ),
    })),
    problems: result.problems.map(
      (problem) => `${problem.span.start.line}:${problem.span.start.column} ${problem.message}`,
    ),
  };
}

const run = promisify(execFile);

/** Resources found by `ripper-resources.rb`, which reads the recipes with Ruby's own parser. */
async function ripperResources(paths: string[]): Promise<Record<string, unknown[]>> {
  const script = join(import.meta.dirname, 'ripper-resources.rb');
  const { stdout } = await run('ruby', [script, ...paths], { maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(stdout) as Record<string, unknown[]>;
}

/** `ruby -wc`: exit status, and whatever it printed besides "Syntax OK". */
async function rubyCheck(path: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run('ruby', ['-wc', path]);
    return { ok: true, output: `${stdout.replace('Syntax OK\n', '')}${stderr}` };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

describe('Ruby parser: corpus of Chef recipes', () => {
  it('holds at least 60 recipes, each with its expectation', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(60);
    for (const recipe of recipes) expect(() => expectedFor(recipe)).not.toThrow();
  });

  it.each(recipes)('%s', async (recipe) => {
    const text = readFileSync(join(directory, recipe), 'utf8');
    const expected = expectedFor(recipe);
    const result = await parseRecipe(text, recipe);

    expect(summary(result)).toEqual({ resources: expected.resources, problems: expected.problems });
    expect(result.problems.length > 0).toBe(expected.ruby === 'invalid');
  });

  it.runIf(requireTool('ruby', 'Chef recipe corpus'))(
    'agrees with `ruby -wc` on which recipes are valid, and they have no warnings',
    async () => {
      const checks = await Promise.all(
        recipes.map(async (recipe) => ({ recipe, ...(await rubyCheck(join(directory, recipe))) })),
      );
      for (const { recipe, ok, output } of checks) {
        const expected = expectedFor(recipe).ruby;
        expect({ recipe, valid: ok }).toEqual({ recipe, valid: expected === 'valid' });
        if (ok) expect({ recipe, warnings: output }).toEqual({ recipe, warnings: '' });
      }
    },
  );

  it.runIf(requireTool('ruby', 'Chef recipe corpus'))(
    "finds the same resources as Ruby's own parser (Ripper) in every valid recipe",
    async () => {
      const valid = recipes.filter((recipe) => expectedFor(recipe).ruby === 'valid');
      await expectSameAsRipper(valid.map((recipe) => join(directory, recipe)));
    },
  );

  it.runIf(requireTool('ruby', 'Chef recipe corpus'))(
    "agrees with Ripper on a generated cookbook's recipe and InSpec checks",
    async () => {
      const cookbook = join(goldenRoot, 'code-it', 'expected', 'chef', 'codeit');
      await expectSameAsRipper([
        join(cookbook, 'recipes', 'default.rb'),
        join(cookbook, 'test', 'integration', 'default', 'default_test.rb'),
      ]);
    },
  );
});

/** berth and Ripper find the same resources in each file; file names must differ. */
async function expectSameAsRipper(paths: string[]): Promise<void> {
  const byRuby = await ripperResources(paths);
  for (const path of paths) {
    const recipe = basename(path);
    const text = readFileSync(path, 'utf8');
    const result = await parseRecipe(text, recipe);
    // declare_resource(:type, ...) names its type with a symbol, which the Ruby side skips.
    const named = result.resources.filter((r) => text[r.typeSpan.start.offset] !== ':');
    const byBerth = named.map((r) => [
      r.type,
      r.typeSpan.start.line,
      r.title.kind === 'string' ? r.title.value : null,
    ]);
    expect({ recipe, resources: byBerth }).toEqual({ recipe, resources: byRuby[recipe] });
  }
}
