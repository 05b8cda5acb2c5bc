/**
 * Values puppetlabs-docker writes into shell commands without escaping them, prepared so that
 * the shell reads back exactly the value of the berth file.
 */

/**
 * docker::run writes `health_check_cmd` as `--health-cmd='<value>'`: inside single quotes only
 * the quote itself is special, so each one closes the quotes, adds an escaped quote and reopens.
 */
export function insideSingleQuotes(text: string): string {
  return text.replace(/'/g, `'\\''`);
}

/**
 * docker::registry writes the user name as `-u '<username>'` into a command that it then passes
 * through `sprintf` (as a Deferred value), so a `%` must also be doubled.
 */
export function registryUsername(username: string): string {
  return insideSingleQuotes(username).replace(/%/g, '%%');
}
