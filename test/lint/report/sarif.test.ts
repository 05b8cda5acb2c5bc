import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

import { formatResult, rules } from '../../../lint/index.js';
import { sampleRun } from './fixture.js';

/**
 * The SARIF 2.1.0 schema as its committee published it to the JSON schema store (the final
 * "rtm.5" revision), taken from the npm package @microsoft/jest-sarif rather than copied here.
 * It is a draft-04 schema: `id` is renamed `$id` for ajv 8, which reads the rest as is.
 */
function sarifValidator() {
  const path = createRequire(import.meta.url).resolve(
    '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
  );
  const schema = JSON.parse(readFileSync(path, 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // The schema's language-tag pattern has a stray `]`, which only a non-Unicode RegExp accepts.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  ajv.addFormat(
    'uri-reference',
    (text: string) => URL.canParse(text, 'file:///') && !/\s/.test(text),
  );
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  return ajv.compile(schema);
}

const validate = sarifValidator();

describe('sarif', () => {
  it('is valid against the SARIF 2.1.0 schema', async () => {
    const log = JSON.parse(formatResult(await sampleRun(), 'sarif', { version: '0.1.0' }));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('catches a broken log, so the check above can fail', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('describes every rule with its help, level and security severity', async () => {
    const log = JSON.parse(formatResult(await sampleRun(), 'sarif'));
    const descriptors = log.runs[0].tool.driver.rules;
    expect(descriptors.map((rule: { id: string }) => rule.id)).toEqual(
      rules.map((rule) => rule.id),
    );
    const privileged = descriptors.find(
      (rule: { id: string }) => rule.id === 'privileged-container',
    );
    expect(privileged).toMatchObject({
      helpUri: expect.stringMatching(/docs\/rules\/privileged-container\.md$/),
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security'], 'security-severity': '9.0' },
    });
  });

  it('gives stable fingerprints, suppressions with justifications, and the inventory', async () => {
    const run = JSON.parse(formatResult(await sampleRun(), 'sarif')).runs[0];
    const [privileged, hostNetwork] = run.results;
    expect(privileged).toMatchObject({
      ruleId: 'privileged-container',
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'cookbooks/ci/recipes/runner.rb' },
            region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 18 },
          },
        },
      ],
      partialFingerprints: {
        primaryLocationLineHash: expect.stringMatching(/^privileged-container:[0-9a-f]{20}$/),
      },
    });
    expect(hostNetwork.suppressions).toEqual([
      { kind: 'inSource', justification: 'needs host networking' },
    ]);
    expect(run.properties.inventory).toHaveLength(3);
  });
});
