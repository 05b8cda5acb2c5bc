import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Finding } from '../../lint/types.js';
import {
  escapeData,
  escapeProperty,
  formatFindingsAsWorkflowCommands,
  formatWorkflowCommand,
} from '../../report/github-actions.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'privileged-container',
    severity: 'error',
    message: 'container runs privileged',
    file: 'recipes/default.rb',
    line: 4,
    column: 3,
    endLine: 4,
    endColumn: 18,
    docsUrl: 'https://berth.dev/rules/privileged-container',
    fingerprint: 'fp',
    ...overrides,
  };
}

/** The runner's own decoding, written out from the documented escapes. */
function unescapeProperty(text: string): string {
  return text
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%');
}

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in the message', () => {
    expect(escapeData('100% sure\r\nnext: a,b')).toBe('100%25 sure%0D%0Anext: a,b');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('C:\\dir,x%\n')).toBe('C%3A\\dir%2Cx%25%0A');
  });

  it('round-trips any property value and leaves no separator unescaped', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const escaped = escapeProperty(value);
        expect(escaped).not.toMatch(/[,:\r\n]/);
        expect(unescapeProperty(escaped)).toBe(value);
      }),
    );
  });

  it('cannot be broken out of by a crafted file name or message', () => {
    const line = formatWorkflowCommand({
      level: 'warning',
      file: 'a,line=1::x.rb',
      line: 2,
      title: 't::e',
      message: 'm\n::error::injected',
    });
    expect(line).toBe(
      '::warning file=a%2Cline=1%3A%3Ax.rb,line=2,title=t%3A%3Ae::m%0A::error::injected',
    );
    expect(line.split('\n')).toHaveLength(1);
  });
});

describe('findings as workflow commands', () => {
  it('maps severities to levels and gives columns only for one-line ranges', () => {
    const lines = formatFindingsAsWorkflowCommands([
      finding(),
      finding({ severity: 'warning', endLine: 6 }),
      finding({ severity: 'info', line: 9, endLine: 9, column: 1, endColumn: 2 }),
    ]);
    expect(lines).toEqual([
      '::error file=recipes/default.rb,line=4,endLine=4,col=3,endColumn=18,' +
        'title=berth privileged-container::container runs privileged%0A' +
        'https://berth.dev/rules/privileged-container',
      '::warning file=recipes/default.rb,line=4,endLine=6,' +
        'title=berth privileged-container::container runs privileged%0A' +
        'https://berth.dev/rules/privileged-container',
      '::notice file=recipes/default.rb,line=9,endLine=9,col=1,endColumn=2,' +
        'title=berth privileged-container::container runs privileged%0A' +
        'https://berth.dev/rules/privileged-container',
    ]);
  });

  it('prints at most ten per level and counts the rest in a closing notice', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => finding({ line: i + 1 })),
      ...Array.from({ length: 3 }, (_, i) => finding({ severity: 'warning', line: i + 1 })),
      ...Array.from({ length: 10 }, (_, i) => finding({ severity: 'info', line: i + 1 })),
    ];
    const lines = formatFindingsAsWorkflowCommands(many);

    const count = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).length;
    expect(count('::error ')).toBe(10);
    expect(count('::warning ')).toBe(3);
    expect(count('::notice ')).toBe(10);
    expect(lines.at(-1)).toBe(
      '::notice title=berth::3 more findings are not shown as annotations ' +
        '(the runner shows 10 per level); see the job summary',
    );
  });

  it('adds no notice when everything fits', () => {
    const lines = formatFindingsAsWorkflowCommands([finding(), finding({ severity: 'info' })]);
    expect(lines).toHaveLength(2);
  });
});
