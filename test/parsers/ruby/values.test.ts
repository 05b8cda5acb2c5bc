import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../../support/toolchain.js';
import { at, parseRecipe, plain, type Plain } from './helpers.js';

/** Ruby source of a literal, and the value Ruby gives it. */
const known: [string, Plain][] = [
  ["'plain'", 'plain'],
  ["'it\\'s \\\\ \\d \\n'", "it's \\ \\d \\n"],
  ['"tab\\there\\n"', 'tab\there\n'],
  ['"\\u00e9\\u{1F600 41}\\x41\\101\\e\\s\\0"', 'é😀AAA\u001b \u0000'],
  ['"quote \\" and \\# and \\d"', 'quote " and # and d'],
  ['"line\\\ncontinued"', 'linecontinued'],
  ['"\\xC3\\xA9t\\303\\251"', 'été'],
  ['"non-ASCII: ünï 🚢"', 'non-ASCII: ünï 🚢'],
  ['%q(a (nested) \\) \\\\ \\n)', 'a (nested) ) \\ \\n'],
  ['%Q[x\\ty]', 'x\ty'],
  ['%(plain "quoted")', 'plain "quoted"'],
  ['"a" \'b\' "c"', 'abc'],
  [':sym', { symbol: 'sym' }],
  [':"with space\\t"', { symbol: 'with space\t' }],
  ['%s(s)', { symbol: 's' }],
  ['42', 42],
  ['-7', -7],
  ['1_000_000', 1000000],
  ['0x1F', 31],
  ['0b101', 5],
  ['0o17', 15],
  ['0644', 420],
  ['0d99', 99],
  ['1.5', 1.5],
  ['-2.5e-3', -0.0025],
  ['1_000.25', 1000.25],
  ['true', true],
  ['false', false],
  ['nil', null],
  ['%w[a b\\ c d\\e]', ['a', 'b c', 'd\\e']],
  // A backslash and a line break between words is a word: the line break, as Ruby reads it.
  ['%w(/a:/b \\\n  /c:/d)', ['/a:/b', '\n', '/c:/d']],
  ['%i[create start]', [{ symbol: 'create' }, { symbol: 'start' }]],
  ['%W[a\\tb c]', ['a\tb', 'c']],
  ["[1, 'two', :three, [nil]]", [1, 'two', { symbol: 'three' }, [null]]],
  ['[]', []],
  // Braces right after a method name would open a block, so hashes sit in an array here.
  ['[{}]', [{ hash: [] }]],
  [
    "[{ 'k' => 'v', sym: 1, \"str\": 2, 3 => [4] }]",
    [
      {
        hash: [
          ['k', 'v'],
          [{ symbol: 'sym' }, 1],
          [{ symbol: 'str' }, 2],
          [3, [4]],
        ],
      },
    ],
  ],
  ['<<~EOS\n  server {\n    listen 80;\n  }\nEOS', 'server {\n  listen 80;\n}\n'],
  ['<<-EOS\n  a\\tb\n  EOS', '  a\tb\n'],
  ["<<'EOS'\nraw \\t \#{x}\nEOS", 'raw \\t #{x}\n'],
  ["<<~'EOS'\n    raw \\n\n      deeper\nEOS", 'raw \\n\n  deeper\n'],
  ['<<EOS\nplain\nEOS', 'plain\n'],
  ['<<~EOS\n\tx\n        y\n\n          z\nEOS', 'x\ny\n\n  z\n'],
  ['<<~EOS\n  a\n        \n  b\nEOS', 'a\n      \nb\n'],
  ['<<~EOS\n    a\n  \\tb\nEOS', '  a\n\tb\n'],
];

/** Literals that are not values until the recipe runs. */
const unknown: [string, string][] = [
  ['"a#{b}"', 'interpolation'],
  ['"a#@b"', 'interpolation'],
  [':"x#{y}"', 'interpolation'],
  ['%Q[x #{1}]', 'interpolation'],
  ['%W[#{x} y]', 'interpolation'],
  ['<<~EOS\n  a #{x}\nEOS', 'interpolation'],
  ['"\\xff"', 'expression'],
  ['"\\C-a"', 'expression'],
  ["node['a']['b']", 'reference'],
  ['x', 'variable'],
  ['@x', 'variable'],
  ["data_bag_item('a', 'b')", 'call'],
  ["data_bag_item('a', 'b')['password']", 'reference'],
  ['Chef::Config[:file_cache_path]', 'reference'],
  ['DOCKER_TAG', 'reference'],
  ["File.join('a', 'b')", 'call'],
  ['1..3', 'expression'],
  ["'a' + 'b'", 'expression'],
  ['/re/', 'expression'],
  ['[1, *rest]', 'expression'],
  ["ENV['HOME']", 'reference'],
  ['3r', 'expression'],
  ['lazy { 1 }', 'call'],
];

async function valueOf(literal: string) {
  const result = await parseRecipe(`docker_container 'x' do\ncontent ${literal}\nend\n`);
  expect(result.problems).toEqual([]);
  const value = result.resources[0]?.attributes[0]?.value;
  if (!value) throw new Error(`no value read from ${literal}`);
  return value;
}

/** Ruby's own reading of the literals, in the same shape as `plain`. */
function rubyValues(literals: string[]): Plain[] {
  const script = `
    require 'json'
    def plain(v)
      case v
      when String then v
      when Symbol then { 'symbol' => v.to_s }
      when Array then v.map { |x| plain(x) }
      when Hash then { 'hash' => v.map { |k, x| [plain(k), plain(x)] } }
      else v
      end
    end
    puts JSON.generate(JSON.parse($stdin.read).map { |s| plain(eval(s)) })
  `;
  const output = execFileSync('ruby', ['-e', script], { input: JSON.stringify(literals) });
  return JSON.parse(output.toString('utf8')) as Plain[];
}

describe('Ruby parser: literal values', () => {
  it.each(known)('reads %j', async (literal, expected) => {
    expect(plain(await valueOf(literal))).toEqual(expected);
  });

  it.each(unknown)('leaves %j unknown (%s)', async (literal, reason) => {
    const value = await valueOf(literal);
    expect(value).toMatchObject({ kind: 'unknown', reason, text: literal });
  });

  it.runIf(requireTool('ruby', 'literal values'))('agrees with Ruby on every known literal', () => {
    const literals = known.map(([literal]) => literal);
    expect(rubyValues(literals)).toEqual(known.map(([, value]) => value));
  });

  it('reads each literal alike whether or not the file has a syntax error elsewhere', async () => {
    // Without errors, strings are read from their text; with one, through their children.
    const read = async (text: string) => {
      const result = await parseRecipe(text);
      return { problems: result.problems.length, attribute: result.resources[0]?.attributes[0] };
    };
    for (const literal of [...known, ...unknown].map(([source]) => source)) {
      const clean = await read(`docker_container 'x' do\ncontent ${literal}\nend\n`);
      const broken = await read(`docker_container 'x' do\ncontent ${literal}\nend\nfoo(\n`);
      expect(clean.problems, literal).toBe(0);
      expect(broken.problems, literal).toBeGreaterThan(0);
      expect(broken.attribute, literal).toEqual(clean.attribute);
    }
  });

  it('spans a heredoc from its opener to its terminator', async () => {
    const value = await valueOf('<<~EOS\n  a\nEOS');
    expect(at(value.span)).toBe('2:9-4:4');
  });

  it('leaves only the unknown element of an array unknown', async () => {
    expect(plain(await valueOf("['a', { **opts }]"))).toEqual([
      'a',
      { unknown: 'expression', text: '{ **opts }' },
    ]);
  });

  it('keeps a heredoc body that falls inside an array out of its items', async () => {
    expect(plain(await valueOf("['A=1', <<~EOS.chomp,\n  C=3\nEOS\n  'B=2']"))).toEqual([
      'A=1',
      { unknown: 'call', text: '<<~EOS.chomp' },
      'B=2',
    ]);
  });

  it('keeps how a number was written', async () => {
    expect(await valueOf('0644')).toMatchObject({ kind: 'number', value: 420, raw: '0644' });
    expect(await valueOf('-1_0')).toMatchObject({ kind: 'number', value: -10, raw: '-1_0' });
  });

  it('spans each element of arrays and hashes', async () => {
    const value = await valueOf("['a', { k: :v }]");
    expect(value.kind).toBe('array');
    if (value.kind !== 'array') return;
    expect(value.items.map((item) => at(item.span))).toEqual(['2:10-2:13', '2:15-2:24']);
    const hash = value.items[1];
    if (hash?.kind !== 'hash') throw new Error('expected a hash');
    expect(at(hash.entries[0]!.key.span)).toBe('2:17-2:18');
    expect(at(hash.entries[0]!.value.span)).toBe('2:20-2:22');
  });
});
