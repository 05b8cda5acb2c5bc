import { readFileSync } from 'node:fs';

import { puppetClass } from '../targets/index.js';

/** A module named `docker`: its main class is `class docker`. */
const DOCKER_INIT = /(?:^|\/)docker\/manifests\/init\.pp$/;

/**
 * Whether the linted tree defines a `class docker` of its own that is not puppetlabs-docker's,
 * as a site module of the same name does: then `class { 'docker': }`, `include docker` and the
 * `docker::<parameter>` Hiera keys are that class's, not the module's, and are not checked
 * against it. A class counts as the site's when fewer than half of its parameters are
 * puppetlabs-docker 10.x's (a class without parameters is the site's too).
 */
export function definesSiteDockerClass(
  files: readonly { path: string; absolute: string }[],
): boolean {
  return files.some(({ path, absolute }) => {
    if (!DOCKER_INIT.test(path)) return false;
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch {
      return false;
    }
    const parameters = classParameters(text);
    if (parameters === undefined) return false;
    const known = puppetClass('docker')?.properties;
    const ours = parameters.filter((name) => known?.has(name)).length;
    return ours * 2 < parameters.length || parameters.length === 0;
  });
}

/**
 * The parameter names of `class docker (...)`, read from the text between its parentheses; or
 * undefined when the file defines no `class docker`. Defaults that hold parentheses are
 * skipped by depth, and `$x` inside a default is not a parameter because only a name that
 * starts an entry (after `(` or `,`, past its type) is taken.
 */
function classParameters(text: string): string[] | undefined {
  const head = /^\s*class\s+(?:::)?docker\s*(\(|\{|inherits\b)/m.exec(text);
  if (!head) return undefined;
  if (head[1] !== '(') return [];
  const names: string[] = [];
  let depth = 0;
  let expectName = true;
  for (let i = head.index + head[0].length; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if (c === ',' && depth === 0) expectName = true;
    else if (c === '=' && depth === 0) expectName = false;
    else if (c === '$' && depth === 0 && expectName) {
      const name = /^\$([a-z_][a-z0-9_]*)/.exec(text.slice(i))?.[1];
      if (name) names.push(name);
      expectName = false;
    }
  }
  return names;
}
