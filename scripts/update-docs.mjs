// Rewrites the generated parts of the documentation from the code they describe: the support
// matrix in README.md (between its markers) and docs/support-matrix.md. Run after
// `npm run build`; test/docs.test.ts fails when either is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { supportMatrixDoc, withReadmeMatrix } from '../dist/generators/matrix-docs.js';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const readme = join(root, 'README.md');
writeFileSync(readme, withReadmeMatrix(readFileSync(readme, 'utf8')));
writeFileSync(join(root, 'docs', 'support-matrix.md'), supportMatrixDoc());
