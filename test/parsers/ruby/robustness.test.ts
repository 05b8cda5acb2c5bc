import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRubyParser, type RubyParser } from '../../../parsers/ruby/index.js';
import { MAX_VALUE_DEPTH } from '../../../parsers/ruby/values.js';
import type { Value } from '../../../parsers/types.js';
import { at, expectConsistentSpans } from './helpers.js';

let parser: RubyParser;
beforeAll(async () => {
  parser = await loadRubyParser();
});

interface Broken {
  name: string;
  recipe: string;
  problems: [string, string][];
  resources: string[];
}

/** Resources are summarised as `type title@line: attributes`. */
const broken: Broken[] = [
  {
    name: 'an unterminated single-quoted string',
    recipe: "docker_image 'nginx\n",
    problems: [['syntax error: unexpected "\'"', '1:14-1:15']],
    resources: ['docker_image ?@1: '],
  },
  {
    name: 'a missing end at the end of the file',
    recipe: "docker_image 'a'\ndocker_container 'b' do\n  repo 'x'\n  tag 'y'\n",
    problems: [['syntax error: "do" on line 2 has no matching "end"', '2:22-4:10']],
    resources: ['docker_image a@1: ', 'docker_container b@2: repo tag'],
  },
  {
    name: 'a stray parenthesis inside a block',
    recipe: "docker_image 'a' do\n  tag 'y' )\nend\ndocker_image 'b'\n",
    problems: [['syntax error: unexpected ")"', '2:11-2:12']],
    resources: ['docker_image a@1: tag', 'docker_image b@4: '],
  },
  {
    name: 'an unterminated heredoc that swallows the end',
    recipe: "file '/x' do\n  content <<~EOS\n    abc\nend\n",
    problems: [['syntax error: missing "end"', '5:1-5:1']],
    resources: ['file /x@1: content'],
  },
  {
    name: 'a missing closing bracket',
    recipe: "docker_container 'a' do\n  port ['80:80'\nend\ndocker_image 'b'\n",
    problems: [
      ['syntax error: unexpected "\'"', '2:9-2:16'],
      ['syntax error: unexpected "end"', '3:1-3:4'],
    ],
    resources: ['docker_container a@1: docker_image', 'docker_image b@4: '],
  },
  {
    name: 'a stray end, which tree-sitter alone would accept',
    recipe: "docker_image 'a'\nend\n",
    problems: [['syntax error: unexpected "end"', '2:1-2:4']],
    resources: ['docker_image a@1: '],
  },
  {
    name: 'a NUL byte',
    recipe: "docker_image 'a'\u0000\ndocker_image 'b'\n",
    problems: [['syntax error: unexpected "\'"', '1:14-1:18']],
    resources: ['docker_image b@2: '],
  },
];

function summary(type: string, title: Value, line: number, attributes: string[]): string {
  const name = title.kind === 'string' ? title.value : '?';
  return `${type} ${name}@${line}: ${attributes.join(' ')}`;
}

describe('Ruby parser: broken input', () => {
  it.each(broken)('$name', ({ recipe, problems, resources }) => {
    const result = parser.parse('broken.rb', recipe);

    expect(result.problems.map((problem) => [problem.message, at(problem.span)])).toEqual(problems);
    const found = result.resources.map((resource) =>
      summary(
        resource.type,
        resource.title,
        resource.span.start.line,
        resource.attributes.map((attribute) => attribute.name),
      ),
    );
    expect(found).toEqual(resources);
    expectConsistentSpans(recipe, result);
  });

  it('reads a value nested 20,000 brackets deep without overflowing the stack', () => {
    const depth = 20_000;
    const recipe = `docker_container 'x' do\n  port ${'['.repeat(depth)}1${']'.repeat(depth)}\nend\n`;
    const result = parser.parse('deep.rb', recipe);

    expect(result.problems).toEqual([]);
    let value = result.resources[0]?.attributes[0]?.value;
    let levels = 0;
    while (value?.kind === 'array') {
      value = value.items[0];
      levels++;
    }
    expect(levels).toBe(MAX_VALUE_DEPTH + 1);
    expect(value).toMatchObject({ kind: 'unknown', reason: 'expression' });
  });

  it('walks 20,000 nested conditionals in a resource body', () => {
    const depth = 20_000;
    const body = `${'if x\n'.repeat(depth)}port '1'\n${'end\n'.repeat(depth)}`;
    const result = parser.parse('deep.rb', `docker_container 'x' do\n${body}end\n`);

    expect(result.problems).toEqual([]);
    expect(result.resources[0]?.attributes).toMatchObject([{ name: 'port', conditional: true }]);
  });

  it('reports 20,000 unclosed brackets and still reads the resource before them', () => {
    const result = parser.parse('deep.rb', `docker_image 'a'\nx = ${'('.repeat(20_000)}\n`);

    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.resources.map((resource) => resource.type)).toEqual(['docker_image']);
  });
});

const RUBYISH = [
  'docker_container',
  'docker_image',
  "'web'",
  '"a#{b}"',
  'do',
  'end',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  ',',
  '\n',
  ' ',
  'if x',
  'unless',
  'case',
  'when',
  '<<~EOS\n',
  'EOS\n',
  ':sym',
  '|n|',
  '%w(',
  'node',
  "['k']",
  'repo',
  'port',
  '=>',
  'k:',
  '# c\n',
  '\\',
  "'",
  '"',
  '0x1F',
  'é',
  '🚢',
  '=begin\n',
  '=end\n',
  '.each',
  'lazy',
  '__END__\n',
  '\r\n',
  '\t',
];

describe('Ruby parser: arbitrary input never throws', () => {
  const check = (text: string): void => {
    const result = parser.parse('fuzz.rb', text);
    expect(result.file).toBe('fuzz.rb');
    expectConsistentSpans(text, result);
  };

  it('on Ruby-like token soup', () => {
    const soup = fc.array(fc.constantFrom(...RUBYISH), { maxLength: 80 }).map((t) => t.join(''));
    fc.assert(
      fc.property(soup, (text) => check(text)),
      { numRuns: 400 },
    );
  });

  it('on random Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => check(text)));
  });

  it('on random bytes read as Latin-1 and as lossy UTF-8', () => {
    const bytes = fc.uint8Array({ maxLength: 300 });
    fc.assert(fc.property(bytes, (data) => check(Buffer.from(data).toString('latin1'))));
    fc.assert(fc.property(bytes, (data) => check(Buffer.from(data).toString('utf8'))));
  });
});
