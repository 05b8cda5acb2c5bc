import { existsSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { rules, type LintOptions } from '../../lint/index.js';
import { findingsOf, type Dialect } from './table.js';

const DIALECTS: Record<string, Dialect> = { ruby: 'chef', puppet: 'puppet', yaml: 'hiera' };

/** The fenced code blocks of a `## <heading>` section of a rule's page, with their dialect. */
function examples(page: string, heading: string): [Dialect, string][] {
  const section = page.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? '';
  const blocks = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)];
  return blocks.flatMap(([, language, code]) => {
    const dialect = DIALECTS[language ?? ''];
    return dialect ? [[dialect, code ?? ''] as [Dialect, string]] : [];
  });
}

/**
 * A page's berth file, in a block marked ```yaml berth.yaml: the drift rule compares the
 * examples with what it generates.
 */
function specOf(page: string): LintOptions {
  const block = /^```yaml berth\.yaml\n([\s\S]*?)^```$/m.exec(page);
  return block ? { spec: { path: 'berth.yaml', text: block[1] } } : {};
}

describe('rule pages', () => {
  it.each(rules.map((rule) => [rule.id]))('%s has a page with its sections', (id) => {
    const path = `docs/rules/${id}.md`;
    expect(existsSync(path)).toBe(true);
    const page = readFileSync(path, 'utf8');
    expect(page.startsWith(`# ${id}\n`)).toBe(true);
    expect(page).toContain('## Known limitations');
    expect(page).toContain('## Equivalent checks');
  });

  it.each(rules.map((rule) => [rule.id, rule]))('%s names its anchor ids', (_, rule) => {
    const page = readFileSync(`docs/rules/${rule.id}.md`, 'utf8').replace(/\s+/g, ' ');
    const line = /Anchor ids \(ecosystem\.md B4\): ([^.]*(?:\.\d[^.]*)*)\./.exec(page)?.[1];
    expect(line, 'an "Anchor ids (ecosystem.md B4):" line').toBeDefined();
    const named = [...(line ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    expect(named).toEqual(rule.anchors);
  });

  const withExamples = rules.filter((rule) => rule.id !== 'internal-error');

  it.each(withExamples.map((rule) => [rule.id]))('%s: every Bad example is found', async (id) => {
    const page = readFileSync(`docs/rules/${id}.md`, 'utf8');
    const bad = examples(page, 'Bad');
    expect(bad.length).toBeGreaterThan(0);
    for (const [dialect, code] of bad) {
      const findings = await findingsOf(id, dialect, code, specOf(page));
      expect(findings.length, `${dialect}:\n${code}`).toBeGreaterThan(0);
    }
  });

  it.each(withExamples.map((rule) => [rule.id]))('%s: no Good example is found', async (id) => {
    const page = readFileSync(`docs/rules/${id}.md`, 'utf8');
    for (const [dialect, code] of examples(page, 'Good')) {
      const findings = await findingsOf(id, dialect, code, specOf(page));
      expect(findings, `${dialect}:\n${code}`).toEqual([]);
    }
  });
});
