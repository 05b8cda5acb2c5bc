/**
 * Every lint rule, one line each. Adding a rule: its file in this folder, one line here,
 * its page in docs/rules/ and its table test in test/lint/rules/ (see CONTRIBUTING.md).
 */
export { rule as dangerousCapability } from './dangerous-capability.js';
export { rule as dockerSocketMount } from './docker-socket-mount.js';
export { rule as hostNamespace } from './host-namespace.js';
export { rule as internalError } from './internal-error.js';
export { rule as invalidSuppression } from './invalid-suppression.js';
export { rule as literalSecret } from './literal-secret.js';
export { rule as privilegedContainer } from './privileged-container.js';
export { rule as sensitiveHostPath } from './sensitive-host-path.js';
export { rule as syntaxError } from './syntax-error.js';
export { rule as unknownAttribute } from './unknown-attribute.js';
