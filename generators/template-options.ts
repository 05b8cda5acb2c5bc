/**
 * How the templates of a target are compiled, at build time and at run time alike, given the
 * names of the target's helpers (template-helpers.ts).
 *
 * - Escaping is off: HTML escaping means nothing in Ruby or Puppet, and every value is quoted
 *   by a named helper of the target instead.
 * - `strict` makes a template that names a field the view model lacks fail loudly rather than
 *   print "".
 * - `knownHelpersOnly` makes every other `{{name}}` a plain lookup of the view model. Without
 *   it, each of the half a million values a 10,000-container file places first asks whether
 *   `name` is a helper; and a template that calls a helper its target lacks does not compile.
 */
export function templateOptions(helperNames: readonly string[]) {
  return {
    noEscape: true,
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(helperNames.map((name) => [name, true])),
  };
}
