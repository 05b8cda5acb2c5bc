import { describe, expect, it } from 'vitest';
import { at, expectConsistentSpans, parseRecipe } from './helpers.js';

const recipe = [
  '# Ünïcode comment ✓',
  "docker_container 'café' do",
  "  env ['GREETING=héllo wörld', 'EMOJI=🚢🐳']",
  "  labels '日本' # 注释",
  'end',
  '',
].join('\n');

describe('Ruby parser: positions in non-ASCII text', () => {
  it('counts columns in UTF-16 code units, as editors and SARIF do', async () => {
    const result = await parseRecipe(recipe);
    const [resource] = result.resources;
    const [env, labels] = resource?.attributes ?? [];
    const items = env?.value.kind === 'array' ? env.value.items : [];

    expect(result.comments.map((comment) => [comment.text, at(comment.span)])).toEqual([
      ['# Ünïcode comment ✓', '1:1-1:20'],
      ['# 注释', '4:15-4:19'],
    ]);
    expect(at(resource!.title.span)).toBe('2:18-2:24');
    expect(items.map((item) => at(item.span))).toEqual(['3:8-3:30', '3:32-3:44']);
    expect(at(env!.span)).toBe('3:3-3:45');
    expect(at(labels!.value.span)).toBe('4:10-4:14');
    expect(at(resource!.span)).toBe('2:1-5:4');
  });

  it('gives offsets that index the JavaScript string', async () => {
    const result = await parseRecipe(recipe);
    const item = result.resources[0]?.attributes[0]?.value;
    if (item?.kind !== 'array') throw new Error('expected an array');
    const emoji = item.items[1]!.span;

    expect(recipe.slice(emoji.start.offset, emoji.end.offset)).toBe("'EMOJI=🚢🐳'");
    expectConsistentSpans(recipe, result);
  });

  it('agrees with the line index on CRLF files', async () => {
    const text = recipe.replace(/\n/g, '\r\n');
    const result = await parseRecipe(text);

    expect(result.problems).toEqual([]);
    expect(result.resources[0]?.attributes.map((attribute) => attribute.name)).toEqual([
      'env',
      'labels',
    ]);
    expectConsistentSpans(text, result);
  });
});
