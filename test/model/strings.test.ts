import { describe, expect, it } from 'vitest';

import { BerthError } from '../../diagnostics/diagnostic.js';
import { modelFromText } from '../../model/index.js';

/** The diagnostics a berth file written inline is refused with, or [] when it loads. */
function refusals(environmentValue: string): { code: string; line?: number; message: string }[] {
  const text =
    'name: demo\nversion: 1.0.0\nauthor: acme\ncontainers:\n  web:\n    image: nginx:1.27\n' +
    `    environment:\n      A: ${environmentValue}\n`;
  try {
    modelFromText('berth.yaml', text);
    return [];
  } catch (error) {
    if (!(error instanceof BerthError)) throw error;
    return error.diagnostics;
  }
}

describe('strings no target can carry', () => {
  // Text read from a file never holds these characters raw (the reader refuses NUL bytes and
  // invalid UTF-8), but text handed over in memory can, and escapes can write them anywhere.
  it.each([
    ['a raw unpaired surrogate', '"x\uD800y"', 'an unpaired surrogate'],
    ['an escaped NUL', '"x\\0y"', 'a NUL character'],
    ['an escaped unpaired surrogate', '"x\\uDC00"', 'an unpaired surrogate'],
  ])('refuses %s', (_, value, problem) => {
    const [refusal, ...others] = refusals(value);
    expect(others).toEqual([]);
    expect(refusal).toMatchObject({ code: 'BERTH-SPEC-VALUE', line: 8 });
    expect(refusal!.message).toContain(problem);
  });

  it('refuses a raw NUL where it stands, as the file reader does', () => {
    expect(refusals('"x\u0000y"')).toMatchObject([{ code: 'BERTH-IO-NUL', line: 8, column: 12 }]);
  });

  it.each([
    ['plain text', 'plain'],
    ['an escaped pair of surrogates', '"\\uD83D\\uDE00"'],
    ['other escapes', '"tab\\there\\\\"'],
  ])('accepts %s', (_, value) => {
    expect(refusals(value)).toEqual([]);
  });
});
