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
export { rule as containerNamedLikeImage } from './container-named-like-image.js';
export { rule as deprecatedChefProperty } from './deprecated-chef-property.js';
export { rule as drift } from './drift.js';
export { rule as deprecatedPuppetParameter } from './deprecated-puppet-parameter.js';
export { rule as invalidValue } from './invalid-value.js';
export { rule as noHealthcheck } from './no-healthcheck.js';
export { rule as noMemoryLimit } from './no-memory-limit.js';
export { rule as noRestartPolicy } from './no-restart-policy.js';
export { rule as unpinnedImage } from './unpinned-image.js';
