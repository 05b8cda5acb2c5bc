export { DriftContext, type DriftOptions } from './context.js';
export { isGenerated, specNamed } from './header.js';
export { driftSources, type DriftRequest } from './pull-request.js';
export type { SpecSource } from './spec.js';
