/** The rewrites of compiled template code in template-code.mjs, for the tests. */
export function shareLocations(code: string): string;
export const ifHolds: string;
export function inlineIfs(key: string, spec: string): string;
