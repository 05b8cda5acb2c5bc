/**
 * Names that become identifiers in generated code. The schema already restricts their
 * characters; these lists catch the names that are well-formed but still cannot be used.
 */

/** Puppet's reserved words, which cannot name a module, class or variable segment. */
const puppetReserved = new Set([
  'and',
  'application',
  'attr',
  'case',
  'class',
  'component',
  'consumes',
  'default',
  'define',
  'elsif',
  'else',
  'environment',
  'false',
  'function',
  'if',
  'import',
  'in',
  'inherits',
  'node',
  'or',
  'private',
  'produces',
  'regexp',
  'site',
  'true',
  'type',
  'undef',
  'unit',
  'unless',
  'main',
  'settings',
  'plan',
  'trusted',
  'facts',
  'server_facts',
]);

/**
 * Module and cookbook names that would shadow what the generated code depends on, or that
 * Chef and Puppet reserve for themselves.
 */
const takenModuleNames = new Set(['docker', 'stdlib', 'apt', 'chef', 'puppet', 'berth']);

/** Why a cookbook/module name cannot be used, or undefined when it can. */
export function moduleNameProblem(name: string): string | undefined {
  if (puppetReserved.has(name)) return 'is a reserved word in Puppet';
  if (takenModuleNames.has(name)) return 'is the name of a module the generated code depends on';
  return undefined;
}

/** `code.it` → `code_it`: the form used for Puppet variables and Chef attribute-safe names. */
export function identifierOf(name: string): string {
  return name.replace(/[.-]/g, '_');
}

/** Networks Docker creates itself; declaring one of these to be created is an error. */
export const predefinedNetworks = new Set(['bridge', 'host', 'none', 'default']);
