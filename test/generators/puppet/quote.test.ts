import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  lintChecksTripped,
  PuppetCode,
  PuppetHash,
  puppetComment,
  puppetNumber,
  puppetString,
  renderPuppet,
  type PuppetValue,
} from '../../../generators/quote/puppet.js';
import { requireTool } from '../../support/toolchain.js';
import { evaluatePuppet } from './puppet-ruby.js';

/** Strings chosen to break naive quoting: quotes, escapes, interpolation, controls. */
const nasty = [
  '',
  'plain',
  "it's",
  'ends with a backslash\\',
  '\\',
  "\\'",
  "'\\",
  '$HOME',
  '${facts}',
  '$',
  '"double"',
  'line\nbreak',
  'tab\there',
  'carriage\rreturn',
  'only\r',
  '\u001b[31mred',
  'del\u007f',
  'next\u0085line',
  'sep\u2028arator',
  'rtl\u202eoverride',
  'bom\ufeff',
  'emoji 😀 and ünïcödé',
  'puppet://server/files/x',
  'puppet:///modules/x',
  '%{hiera}',
  '#{ruby}',
  '`backticks`',
  '\\n is not a newline',
  'it\'\'s "quoted" $HOME `backticks` \\n #{not} ${interp}',
  'x'.repeat(300),
  'word '.repeat(60),
  '$'.repeat(90),
  '\u0001'.repeat(40),
  `a'b\\c"d$e{f}g\nh`.repeat(10),
];

/** A seeded sample of random strings, weighted towards the characters that matter. */
function randomStrings(count: number): string[] {
  const special = fc.constantFrom(
    "'",
    '\\',
    '"',
    '$',
    '{',
    '}',
    '%',
    '\n',
    '\r',
    '\t',
    ' ',
    'a',
    'Z',
    '0',
    '/',
    ':',
    '\u0085',
    '\u007f',
    '\u202e',
    '\u2028',
    '😀',
    'é',
    '\u0007',
  );
  const unit = fc.oneof(special, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
  const arbitrary = fc.string({ unit, maxLength: 120 }).filter((s) => !s.includes('\u0000'));
  return fc.sample(arbitrary, { numRuns: count, seed: 20250914 });
}

describe('puppetString', () => {
  it.each([
    ['plain', "'plain'"],
    ["it's", '"it\'s"'],
    ["'\\'", '"\'\\\\\'"'],
    ["'$", "'\\'$'"],
    ['a\\', "'a\\\\'"],
    ['$HOME', "'$HOME'"],
    ['${x}', '"\\${x}"'],
    ['a\nb', '"a\\nb"'],
    ['a b\rc', '"a\\sb\\rc"'],
    ['\u001b', '"\\u{1B}"'],
    ['😀', "'😀'"],
  ])('writes %j as %s', (value, literal) => {
    expect(puppetString(value)).toBe(literal);
  });

  it('reports the lint checks an exact literal cannot avoid', () => {
    expect(lintChecksTripped(puppetString('a\rb'))).toEqual(['double_quoted_strings']);
    expect(lintChecksTripped(puppetString('a b\rc'))).toEqual([]);
    expect(lintChecksTripped(puppetString('puppet://h/files/x'))).toEqual([
      'puppet_url_without_modules',
    ]);
    expect(lintChecksTripped(puppetString('puppet://h/modules/x'))).toEqual([]);
    expect(lintChecksTripped(puppetString("it's"))).toEqual([]);
  });
});

describe('puppetNumber', () => {
  it.each([
    [3, '3'],
    [-1, '-1'],
    [1.5, '1.5'],
    [1e21, '1.0e21'],
    [2.5e-7, '2.5e-7'],
  ])('writes %d as %s', (value, literal) => {
    expect(puppetNumber(value)).toBe(literal);
  });

  it('refuses what Puppet cannot read', () => {
    expect(() => puppetNumber(Infinity)).toThrow(RangeError);
  });
});

describe('renderPuppet', () => {
  it('lays out arrays and hashes with aligned arrows', () => {
    const value = new PuppetHash([
      ['a', ['x', 'y', 'z'.repeat(70)]],
      ['longer', new PuppetCode('$var')],
    ]);
    expect(renderPuppet(value, { indent: '  ' })).toBe(
      [
        '{',
        "    'a'      => [",
        "      'x',",
        "      'y',",
        `      '${'z'.repeat(70)}',`,
        '    ],',
        "    'longer' => $var,",
        '  }',
      ].join('\n'),
    );
  });

  it('keeps short arrays on one line and splits long strings into joined pieces', () => {
    expect(renderPuppet(['80:80', '443:443'], { indent: '' })).toBe("['80:80', '443:443']");
    const long = renderPuppet('word '.repeat(30), { indent: '    ' });
    expect(long.startsWith('join([\n')).toBe(true);
    expect(Math.max(...long.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
  });
});

describe('puppetComment', () => {
  it('gives every line its own marker and shows control characters', () => {
    expect(puppetComment('one\ntwo\r\nthree\rfour\u2028five\u001b')).toEqual([
      '# one',
      '# two',
      '# three',
      '# four\\u{2028}five\\u{1B}',
    ]);
  });

  it('wraps long text', () => {
    const lines = puppetComment('word '.repeat(50), 40);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
  });
});

const values = [...nasty, ...randomStrings(300)];

describe.runIf(requireTool('ruby', 'Puppet literal round trip'))('against Puppet itself', () => {
  it('reads every literal back as exactly the string it was made from', () => {
    const literals = values.map((value) => renderPuppet(value, { indent: '' }));
    const evaluated = evaluatePuppet(`[\n${literals.join(',\n')}\n]`);
    expect(evaluated).toEqual(values);
  });

  it('reads nested arrays, hashes, numbers, booleans and undef back', () => {
    const nested: PuppetValue = [
      new PuppetHash(values.slice(0, 20).map((v, i) => [`${v}#${i}`, [v, i, i % 2 === 0, null]])),
      [1.5, -3, 1e21, 'x'.repeat(200)],
    ];
    const expected = [
      Object.fromEntries(
        values.slice(0, 20).map((v, i) => [`${v}#${i}`, [v, i, i % 2 === 0, null]]),
      ),
      [1.5, -3, 1e21, 'x'.repeat(200)],
    ];
    expect(evaluatePuppet(renderPuppet(nested, { indent: '' }))).toEqual(expected);
  });
});

describe.runIf(requireTool('puppet-lint', 'Puppet literal lint'))('against puppet-lint', () => {
  it('accepts every literal except for the checks lintChecksTripped names', () => {
    const statements = values.map(
      (value, i) => `  $v${i} = ${renderPuppet(value, { indent: '  ' })}`,
    );
    const header = [
      '# @summary Holds literals.',
      '#',
      '# @param unused Not used.',
      'class literals (',
      '  String $unused,',
      ') {',
      '  notice($unused)',
    ];
    const lines = [...header, ...statements.join('\n').split('\n'), '}', ''];

    const expected = new Map<number, string[]>();
    lines.forEach((line, index) => {
      const literal = line
        .trim()
        .replace(/^\$v\d+ = /, '')
        .replace(/,$/, '');
      const trips = /^['"]/.test(literal) ? lintChecksTripped(literal) : [];
      if (trips.length > 0) expected.set(index + 1, [...trips].sort());
    });

    const found = new Map<number, string[]>();
    for (const { line, check } of lintProblems(lines.join('\n'))) {
      found.set(line, [...(found.get(line) ?? []), check].sort());
    }
    expect(expected.size).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });
});

interface LintProblem {
  line: number;
  check: string;
}

function lintProblems(manifest: string): LintProblem[] {
  const dir = mkdtempSync(join(tmpdir(), 'berth-lint-'));
  const file = join(dir, 'literals', 'manifests');
  try {
    execFileSync('mkdir', ['-p', file]);
    writeFileSync(join(file, 'init.pp'), manifest);
    let out: string;
    try {
      out = execFileSync('puppet-lint', ['--json', join(file, 'init.pp')], { encoding: 'utf8' });
    } catch (error) {
      out = (error as { stdout: string }).stdout;
    }
    const reports = JSON.parse(out) as
      { line: number; check: string }[][] | { line: number; check: string }[];
    const flat = (
      Array.isArray(reports[0]) ? (reports as LintProblem[][]).flat() : reports
    ) as LintProblem[];
    return flat.map(({ line, check }) => ({ line, check }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
