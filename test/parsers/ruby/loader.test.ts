import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_VERSION, MIN_COMPATIBLE_VERSION } from 'web-tree-sitter';
import { loadRubyLanguage } from '../../../parsers/ruby/grammar.js';
import { loadRubyParser } from '../../../parsers/ruby/index.js';
import { parseRecipe } from './helpers.js';

describe('Ruby parser: loading the grammar', () => {
  it('uses a tree-sitter-ruby grammar whose ABI this web-tree-sitter reads', async () => {
    const language = await loadRubyLanguage();

    expect(language.abiVersion).toBeGreaterThanOrEqual(MIN_COMPATIBLE_VERSION);
    expect(language.abiVersion).toBeLessThanOrEqual(LANGUAGE_VERSION);
  });

  it('finds the wasm file through the package, not a fixed path', () => {
    const path = createRequire(import.meta.url).resolve('tree-sitter-ruby/tree-sitter-ruby.wasm');
    expect(path).toMatch(/tree-sitter-ruby[\\/]tree-sitter-ruby\.wasm$/);
  });

  it('initialises once and shares the parser', async () => {
    const [first, second] = await Promise.all([loadRubyParser(), loadRubyParser()]);
    expect(first).toBe(second);
    expect(await loadRubyParser()).toBe(first);
  });

  it('returns every comment with its marker, including =begin blocks', async () => {
    const recipe = [
      '# berth:disable privileged-container -- needed for docker-in-docker',
      "docker_container 'dind' do # rubocop:disable Chef/Style",
      '  privileged true',
      'end',
      '=begin',
      'old recipe',
      '=end',
    ].join('\n');
    const result = await parseRecipe(recipe);

    expect(result.comments.map((comment) => [comment.text, comment.span.start.line])).toEqual([
      ['# berth:disable privileged-container -- needed for docker-in-docker', 1],
      ['# rubocop:disable Chef/Style', 2],
      ['=begin\nold recipe\n=end', 5],
    ]);
  });

  it('leaves the comments out when asked, and still finds the resources', async () => {
    const recipe = "# a note\ndocker_image 'nginx' # another\n";
    const parser = await loadRubyParser();
    const result = parser.parse('recipes/default.rb', recipe, { comments: false });

    expect(result.comments).toEqual([]);
    expect(result.resources.map((resource) => resource.type)).toEqual(['docker_image']);
    expect(parser.parse('recipes/default.rb', recipe).comments).toHaveLength(2);
  });

  it('names the file it was given', async () => {
    expect((await parseRecipe('', 'cookbooks/app/recipes/web.rb')).file).toBe(
      'cookbooks/app/recipes/web.rb',
    );
  });
});
