import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  rubyFloat,
  rubyInteger,
  rubyLiteral,
  rubyNodePath,
  rubyProperty,
  rubyRegexp,
  rubyRegexpText,
  rubyString,
  rubySymbol,
  type RubyValue,
} from '../../../generators/quote/ruby.js';
import { requireTool } from '../../support/toolchain.js';
import { runRuby } from './ruby.js';

const hasRuby = requireTool('ruby', 'Ruby quoting');

/** Strings chosen to break naive quoting. */
const hostile = [
  '',
  'plain',
  "it's",
  'back\\slash',
  "\\'",
  '\\',
  "'",
  '"',
  '#{`id`}',
  '#@ivar #$global #{x}',
  '"#{exit 1}"',
  "'; system('id'); '",
  'line\nbreak',
  'tab\there',
  '\r\n',
  '\u0000nul',
  '\u001b[31mred',
  '\u007f',
  '\u0085next line',
  'café ☃ 日本語 😀',
  '\u202eevil',
  '\u2028',
  '\ufeffbom',
  '${HOME} `ls` $(ls)',
  '%q{x} %Q{y}',
  '__END__',
  '=begin',
  '\\u{41}',
  '\\n',
  '?a',
];

/** Evaluates each literal in Ruby and returns, per literal, its encoding, validity and hex. */
function evaluateStrings(literals: string[]): string[] {
  const lines = literals.map(
    (literal) =>
      `v = ${literal}\nputs [v.encoding.name, v.valid_encoding?, v.unpack1('H*')].join(' ')`,
  );
  const run = runRuby(lines.join('\n') + '\n');
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout.split('\n').slice(0, -1);
}

const expectedFor = (text: string) => `UTF-8 true ${Buffer.from(text, 'utf8').toString('hex')}`;

describe('rubyString', () => {
  it('single-quotes text that needs no escape but backslash and quote', () => {
    expect(rubyString('plain')).toBe("'plain'");
    expect(rubyString("it's")).toBe("'it\\'s'");
    expect(rubyString('a\\b')).toBe("'a\\\\b'");
    expect(rubyString('# "q" café')).toBe('\'# "q" café\'');
  });

  it('double-quotes text with control characters and escapes every #', () => {
    expect(rubyString('a\nb')).toBe('"a\\nb"');
    expect(rubyString('#{x}\t')).toBe('"\\#{x}\\t"');
    expect(rubyString("it's #{x}")).toBe('"it\'s \\#{x}"');
    expect(rubyString('"\\\u001b\u007f')).toBe('"\\"\\\\\\e\\u{7f}"');
    expect(rubyString('\u202e')).toBe('"\\u{202e}"');
  });

  it('refuses an unpaired surrogate', () => {
    expect(() => rubyString('\ud800')).toThrow(/surrogate/);
  });

  it.runIf(hasRuby)('evaluates to exactly the text, for hostile and random strings', () => {
    const random = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), {
      numRuns: 400,
      seed: 1,
    });
    const texts = [...hostile, ...random];
    const results = evaluateStrings(texts.map(rubyString));
    expect(results).toEqual(texts.map(expectedFor));
  });

  it.runIf(hasRuby)('cannot be broken out of by ASCII text of any shape', () => {
    const ascii = fc.sample(
      fc.string({
        unit: fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
        maxLength: 30,
      }),
      { numRuns: 400, seed: 2 },
    );
    const results = evaluateStrings(ascii.map(rubyString));
    expect(results).toEqual(ascii.map(expectedFor));
  });
});

describe('numbers and symbols', () => {
  it('groups the digits of long integers and keeps floats as floats', () => {
    expect(rubyInteger(1024)).toBe('1024');
    expect(rubyInteger(65536)).toBe('65_536');
    expect(rubyInteger(-500)).toBe('-500');
    expect(rubyInteger(15_000_000_000n)).toBe('15_000_000_000');
    expect(rubyFloat(1.5)).toBe('1.5');
    expect(rubyFloat(2)).toBe('2.0');
    expect(rubyFloat(1e21)).toBe('1e+21');
    expect(() => rubyFloat(Number.NaN)).toThrow();
    expect(() => rubyInteger(2 ** 60)).toThrow(/bigint/);
  });

  it('writes a symbol only for a plain identifier', () => {
    expect(rubySymbol('pull_if_missing')).toBe(':pull_if_missing');
    expect(() => rubySymbol('a-b')).toThrow();
    expect(() => rubySymbol('x; system("id")')).toThrow();
  });

  it('reads node attributes through quoted keys', () => {
    expect(rubyNodePath(['codeit', 'containers', "it's"])).toBe(
      "node['codeit']['containers']['it\\'s']",
    );
  });
});

describe('rubyLiteral', () => {
  const nested: RubyValue = {
    Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
    Interval: 15_000_000_000n,
    Ratio: 0.5,
    Enabled: true,
    Nothing: null,
    "it's": { '#{x}': ['a\nb', [], {}] },
  };

  it('writes short collections on one line', () => {
    expect(rubyLiteral(['node', '/srv/app.js'])).toBe("['node', '/srv/app.js']");
    expect(rubyLiteral({ a: 1, b: [true, null] })).toBe("{ 'a' => 1, 'b' => [true, nil] }");
    expect(rubyLiteral([])).toBe('[]');
    expect(rubyLiteral({})).toBe('{}');
  });

  it('breaks long collections into lines with trailing commas', () => {
    const text = rubyLiteral(nested, { indent: 2, column: 10 });
    expect(text).toBe(
      [
        '{',
        "    'Test' => ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],",
        "    'Interval' => 15_000_000_000,",
        "    'Ratio' => 0.5,",
        "    'Enabled' => true,",
        "    'Nothing' => nil,",
        `    'it\\'s' => { "\\#{x}" => ["a\\nb", [], {}] },`,
        '  }',
      ].join('\n'),
    );
  });

  it('puts parentheses where Ruby would misread a property value', () => {
    expect(rubyProperty('oom_score_adj', -500)).toBe('oom_score_adj(-500)');
    expect(rubyProperty('labels', { a: 'b' })).toBe("labels('a' => 'b')");
    expect(rubyProperty('sysctls', {})).toBe('sysctls({})');
    expect(rubyProperty('port', ['80:8000'])).toBe("port ['80:8000']");
    expect(rubyProperty('tag', '1.0')).toBe("tag '1.0'");
    expect(() => rubyProperty('bad name', 1)).toThrow();
    expect(rubyProperty('labels', { a: 'b', c: 'd' }, { indent: 2, width: 20 })).toBe(
      ['labels({', "    'a' => 'b',", "    'c' => 'd',", '  })'].join('\n'),
    );
  });

  it.runIf(hasRuby)('evaluates to the same data, with no warning, at any layout', () => {
    const values: RubyValue[] = [nested, [nested, nested], { deep: [[[['x']]]] }, -1, 0.1];
    const layouts = [{}, { indent: 4, column: 90, width: 40 }];
    const script = [
      "require 'json'",
      ...values.flatMap((value) =>
        layouts.map((options) => `puts JSON.generate(${rubyLiteral(value, options)})`),
      ),
      `def labels(value) = puts(JSON.generate(value))`,
      rubyProperty('labels', nested as Record<string, RubyValue>, { width: 30 }),
      rubyProperty('labels', { a: 'b' }),
    ].join('\n');
    const run = runRuby(`${script}\n`);
    expect(run.stderr).toBe('');

    const json = (value: RubyValue) =>
      JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
    const expected = [
      ...values.flatMap((value) => layouts.map(() => json(value))),
      json(nested),
      json({ a: 'b' }),
    ];
    expect(run.stdout.trimEnd().split('\n')).toEqual(expected);
  });
});

describe('rubyRegexp', () => {
  it('escapes every metacharacter of the text', () => {
    expect(rubyRegexpText('0.0.0.0:80->80/tcp')).toBe('0\\.0\\.0\\.0:80->80/tcp');
    expect(rubyRegexp(`\\A${rubyRegexpText('#{x}')}\\z`)).toBe('%r{\\A\\#\\{x\\}\\z}');
    expect(() => rubyRegexp('#{x}')).toThrow();
  });

  it.runIf(hasRuby)('matches exactly the text it was built from', () => {
    const texts = [...hostile.filter((t) => !t.includes('\u0000')), '[::1]:8080->80/tcp', 'a+b*c'];
    const script = texts
      .map(
        (text) =>
          `puts(${rubyRegexp(`\\A${rubyRegexpText(text)}\\z`)}.match?(${rubyString(text)}))`,
      )
      .join('\n');
    const run = runRuby(`${script}\n`);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual(texts.map(() => 'true'));
  });
});
