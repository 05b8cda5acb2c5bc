import { targets } from './index.js';
import { renderSupportMatrix } from './matrix.js';

const start = '<!-- support-matrix:start (npm run docs) -->';
const end = '<!-- support-matrix:end -->';

/** README.md with the short support matrix placed between its markers. */
export function withReadmeMatrix(readme: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('README.md has no support-matrix markers');
  return `${readme.slice(0, from + start.length)}\n${renderSupportMatrix(targets, false)}\n${readme.slice(to)}`;
}

/** docs/support-matrix.md: every field and sub-field, and how each target carries it. */
export function supportMatrixDoc(): string {
  return [
    '# Support matrix',
    '',
    '<!-- Generated from the mapping tables of generators/*/fields.ts by `npm run docs`. -->',
    '',
    'How each field of the berth file reaches each target. **yes**: carried exactly. **partial**:',
    'carried with a difference berth warns about (the note says which). **no**: the target cannot',
    'say it; berth warns and leaves it out. A sub-field not listed for a target is carried as',
    'its parent field is. The warnings themselves are in each golden case under',
    '`test/golden/*/expected/warnings.txt`.',
    '',
    renderSupportMatrix(targets, true),
    '',
  ].join('\n');
}
