import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePuppet } from '../../../parsers/puppet/index.js';
import { requireTool } from '../../support/toolchain.js';
import { corpusFiles, requireCorpus } from './support/corpus.js';
import { mutations } from './support/mutations.js';
import { firstDifference, fromBerth, fromDump, withoutLines } from './support/normal-form.js';
import { dumpCommandOutputs, puppetVerdicts, type PuppetVerdict } from './support/oracle.js';

/*
 * For every manifest of the corpus, the resources berth finds (type, title, attributes with
 * their values, line) must be the ones Puppet's own parser finds.
 *
 * `puppet parser dump --format json a.pp b.pp ...` prints one JSON value per accepted file,
 * back to back with no separator and no file name, prints nothing on stdout for a file it
 * rejects (the error goes to stderr), and gives no line numbers. So the expected forms come
 * from a Ruby helper that makes the dump's own parser call and adds each resource's line, all
 * files in one process (support/oracle.ts); the last test of the first suite proves that,
 * lines aside, the helper prints exactly what the dump command prints.
 */
const suite = 'Puppet parser differential test';
const ready = requireTool('ruby', suite) && requireTool('puppet', suite) && requireCorpus(suite);
const files = ready
  ? corpusFiles().map((file) => ({ ...file, text: readFileSync(file.path, 'utf8') }))
  : [];

describe.runIf(ready)('the Puppet parser agrees with `puppet parser dump`', () => {
  let verdicts: Map<string, PuppetVerdict>;

  beforeAll(() => {
    verdicts = puppetVerdicts(files.map(({ name, text }) => ({ name, text })));
  });

  it('on a corpus of several hundred manifests', () => {
    expect(files.length).toBeGreaterThan(500);
  });

  it.each(files)('$name', ({ name, text }) => {
    const verdict = verdicts.get(name);
    const result = parsePuppet(name, text);
    if (!verdict) throw new Error(`Puppet gave no verdict on ${name}`);
    if ('crash' in verdict) throw new Error(`Puppet crashed on ${name}: ${verdict.crash}`);
    if ('error' in verdict) {
      expect(result.problems.length, `Puppet rejects ${name}: ${verdict.error}`).toBeGreaterThan(0);
      return;
    }
    const difference = firstDifference(fromDump(verdict.ast), fromBerth(result.resources));
    expect(difference, `${name} differs at ${difference}`).toBeUndefined();
    expect(result.problems, `Puppet accepts ${name}`).toEqual([]);
  });

  it('the helper reports exactly what `puppet parser dump --format json` prints', () => {
    const accepted = files.filter(({ name }) => {
      const verdict = verdicts.get(name);
      return verdict !== undefined && 'ast' in verdict;
    });
    const dumped = dumpCommandOutputs(accepted);
    expect(dumped.length).toBe(accepted.length);
    accepted.forEach(({ name }, i) => {
      const verdict = verdicts.get(name) as { ast: unknown };
      expect(withoutLines(verdict.ast), name).toEqual(dumped[i]);
    });
  });
});

/*
 * The same comparison on damaged copies of the corpus. Where Puppet rejects a copy, berth must
 * report at least one problem; where Puppet still accepts it, berth must find the same
 * resources and report nothing.
 */
const damaged = files.flatMap(({ name, text }, i) => mutations(name, text, i + 1));

describe.runIf(ready)('the Puppet parser agrees with Puppet on damaged manifests', () => {
  let verdicts: Map<string, PuppetVerdict>;

  beforeAll(() => {
    verdicts = puppetVerdicts(damaged);
  });

  it.each(damaged)('$name', ({ name, text }) => {
    const verdict = verdicts.get(name);
    const result = parsePuppet(name, text);
    if (!verdict) throw new Error(`Puppet gave no verdict on ${name}`);
    // Puppet itself crashes on some damage (a lexer bug on `::` before a digit, for one).
    if ('crash' in verdict) return;
    if ('error' in verdict) {
      expect(result.problems.length, `Puppet rejects it: ${verdict.error}`).toBeGreaterThan(0);
      return;
    }
    const difference = firstDifference(fromDump(verdict.ast), fromBerth(result.resources));
    expect(difference, `differs at ${difference}`).toBeUndefined();
    expect(result.problems, 'Puppet accepts it').toEqual([]);
  });
});
