import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePuppet } from '../../../parsers/puppet/index.js';
import type { ParseResult, Value } from '../../../parsers/types.js';
import { pick, seeded } from './support/random.js';

/*
 * Whatever the input, the parser returns a result: no exception, no stack overflow, no
 * internal error, and every position inside the text.
 */

const after = "\nfile { 'after': }\n";
const deep = 10_000;
const times = (text: string, count = deep) => text.repeat(count);

/** Inputs nested 10,000 deep, each followed by a resource that must still be found. */
const nested: [string, string][] = [
  ['arrays', `$x = ${times('[')}1${times(']')}`],
  ['hashes', `$x = ${times('{a => ')}1${times('}')}`],
  ['parentheses', `$x = ${times('(')}1${times(')')}`],
  ['interpolations', `$x = ${times('"${')}1${times('}"')}`],
  ['negations', `$x = ${times('!')}true`],
  ['unary minus', `$x = ${times('-')}1`],
  ['splats', `$x = ${times('*')}$y`],
  ['assignments', `${times('$a = ')}1`],
  ['conditionals', `${times('if $x { ')}${times('} ')}`],
  ['classes', `${times('class a { ')}${times('} ')}`],
  ['lambdas', `${times('$x.each |$y| { ')}${times('} ')}`],
  ['selectors', `$x = $a${times(' ? { 1 => $a')}${times(' }')}`],
  ['attribute values', `file { 'x': a => ${times('[')}${times(']')} }`],
  ['resources in arrays', `${times("file { 'x': a => [ ")}${times(']}')}`],
  ['collectors', `${times('File <| ')}${times('|>')}`],
];

/** Long flat sequences that must not recurse once per element. */
const long: [string, string][] = [
  ['virtual markers', `${times('@')}file { 'x': }`],
  ['accesses', `$x = $y${times('[1]')}`],
  ['method calls', `$x = $y${times('.foo')}`],
  ['calls', `$x = foo${times('(1)')}`],
  ['relationships', `${times("File['a'] -> ")}File['b']`],
  ['additions', `$x = 1${times(' + 1')}`],
  ['elsif branches', `if $a { }${times(' elsif $b { }')}`],
  ['statement call arguments', `include ${times('a, ')}b`],
  ['case options', `case $x { ${times("'a': { } ")}}`],
];

/**
 * Megabytes of what a scanner could rescan from the start at every step. Linear work takes a
 * fraction of a second on each; quadratic work would take hours, far beyond the suite's
 * timeout, so these cases fail if the parser ever turns quadratic on them.
 */
const huge: [string, string][] = [
  ['a string of 6 million plain $', `$x = "${times('$', 6_000_000)}"`],
  ['a string of 3 million escaped quotes', `$x = "${times('\\"', 3_000_000)}"`],
  ['a string of a million interpolations', `$x = "${times('${a}', 1_000_000)}"`],
  ['a heredoc of 6 million plain $', `$x = @("E")\n${times('$', 6_000_000)}\nE\n`],
  ['a million syntax errors on one line', times('a => ', 1_000_000)],
  ["200,000 lines of \\' \\' (each opens a string)", times("\\'\\'\\'\\'\n", 200_000)],
  ['200,000 lines of \\" \\" (each opens a string)', times('\\"\\"\\"\\"\n', 200_000)],
  ['a million escaped slashes where a regex may start', `$x = ${times('/\\/', 1_000_000)}`],
  [
    '300,000 heredocs without end tags',
    Array.from({ length: 300_000 }, (_, i) => `$x${i} = @(T${i})`).join('\n'),
  ],
];

/** Texts that once made the parser loop for ever. */
const once: [string, string][] = [
  ['a keyword as the last characters of the text', '$x = attr'],
  ['a stray parenthesis among case options', 'case $x { a: { if ($y and $::} b == 1) { } } }'],
];

/** Unbalanced or unterminated input. */
const broken: [string, string][] = [
  ['unclosed brackets', times('[')],
  ['unclosed braces', times('{')],
  ['stray closers', times('}') + times(')') + times(']')],
  ['unclosed interpolations', `$x = ${times('"${')}`],
  ['nested heredocs', `$x = @("A")\n${times('${@("A")\n', 100)}A\n`],
  ['semicolons', times(';')],
  ['an unclosed string', `$x = "${times('a')}`],
  ['an unclosed comment', `/*${times('x')}`],
  ['an unclosed heredoc', `$x = @(END)\n${times('text\n')}`],
];

describe('the Puppet parser on hostile input', () => {
  it.each(nested)('reports %s nested 10,000 deep and finds what follows', (_, text) => {
    const result = parsePuppet('deep.pp', text + after);
    expectSound(result, text + after);
    expect(result.problems.map((problem) => problem.message)).toContain(
      'nesting deeper than 150 levels; the rest is skipped',
    );
    expect(titles(result)).toContain('after');
  });

  it.each(long)('parses 10,000 %s in a row', (_, text) => {
    const result = parsePuppet('long.pp', text + after);
    expectSound(result, text + after);
    expect(result.problems).toEqual([]);
    expect(titles(result)).toContain('after');
  });

  it.each(broken)('reports %s', (_, text) => {
    const result = parsePuppet('broken.pp', text);
    expectSound(result, text);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeLessThanOrEqual(101);
  });

  it.each(huge)('reads %s in linear time', (_, text) => {
    const result = parsePuppet('huge.pp', text);
    expect(result.problems.every((problem) => !/internal error/.test(problem.message))).toBe(true);
  });

  it.each(once)('terminates on %s', (_, text) => {
    expectSound(parsePuppet('once.pp', text), text);
  });

  it('never fails on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expectSound(parsePuppet('random.pp', text), text);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('never fails on text made of Puppet fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        expectSound(parsePuppet('fragments.pp', text), text);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('never fails on random bytes read as UTF-8', () => {
    const random = seeded(3);
    for (let run = 0; run < 300; run++) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 3000) }, () => pick(random, byteSet)),
      );
      const text = bytes.toString('utf8');
      expectSound(parsePuppet('bytes.pp', text), text);
    }
  });
});

const fragments = [
  ' ',
  '\n',
  '\t',
  '\r\n',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  "'",
  '$',
  '${',
  '@',
  '@@',
  '@(',
  '@(END)',
  '@("END"/L)',
  '\nEND\n',
  '|',
  '|>',
  '<|',
  '<<|',
  '|>>',
  '=>',
  '+>',
  '->',
  '~>',
  '<-',
  '=',
  '==',
  '!',
  '!=',
  '=~',
  '/',
  '/x/',
  '*',
  '-',
  '+',
  '?',
  ':',
  '::',
  ';',
  ',',
  '.',
  '#',
  '# c\n',
  '/*',
  '*/',
  '\\',
  'file',
  'File',
  'class',
  'define',
  'node',
  'if',
  'elsif',
  'else',
  'unless',
  'case',
  'default',
  'undef',
  'true',
  'in',
  'and',
  'type',
  'function',
  'foo::bar',
  'x-y',
  '_z',
  '$x',
  '$::y',
  '1',
  '0x1F',
  '0777',
  '1.5e3',
  '08',
  "'a'",
  '"b"',
  '"${c}"',
  "file { 'a': b => 1 }",
  'File { b => 2 }',
  "File['a'] { c => 3 }",
  'User <| |> { d => 4 }',
  '|$v| {',
  'foo(',
  '.each',
  'include',
  '\u00a0',
  '\ufeff',
  '\u0000',
  'é',
  '😀',
];

const byteSet = [
  ...Array.from({ length: 256 }, (_, i) => i),
  ...Array.from('{}[]()"\'$@|<>=-+~!/*#:;,.\n ', (c) => c.charCodeAt(0)),
];

function titles(result: ParseResult): unknown[] {
  return result.resources.map((resource) =>
    resource.title.kind === 'string' ? resource.title.value : resource.title.kind,
  );
}

/** The result is well-formed: positions inside the text, no internal error. */
function expectSound(result: ParseResult, text: string): void {
  for (const problem of result.problems) {
    expect(problem.message).not.toMatch(/internal error/);
    expectInside(problem.span, text);
  }
  for (const comment of result.comments) expectInside(comment.span, text);
  for (const resource of result.resources) {
    expectInside(resource.span, text);
    expectInside(resource.typeSpan, text);
    expectValueInside(resource.title, text);
    for (const attribute of resource.attributes) {
      expectInside(attribute.span, text);
      expectInside(attribute.nameSpan, text);
      expectValueInside(attribute.value, text);
    }
  }
}

function expectValueInside(value: Value, text: string): void {
  expectInside(value.span, text);
  if (value.kind === 'array') value.items.forEach((item) => expectValueInside(item, text));
  if (value.kind === 'hash') {
    for (const entry of value.entries) {
      expectValueInside(entry.key, text);
      expectValueInside(entry.value, text);
    }
  }
}

function expectInside(
  span: { start: { offset: number; line: number; column: number }; end: { offset: number } },
  text: string,
): void {
  expect(span.start.offset).toBeGreaterThanOrEqual(0);
  expect(span.start.offset).toBeLessThanOrEqual(span.end.offset);
  expect(span.end.offset).toBeLessThanOrEqual(text.length);
  expect(span.start.line).toBeGreaterThanOrEqual(1);
  expect(span.start.column).toBeGreaterThanOrEqual(1);
}
