import { chefTarget } from './chef/index.js';
import { dockerCliTarget } from './docker-cli/index.js';
import { puppetTarget } from './puppet/index.js';
import type { Target } from './types.js';

/**
 * Every generation target, in the order `berth generate` runs them. Adding a target is a
 * folder under generators/, templates under templates/, and one line here.
 */
export const targets: Target[] = [chefTarget, puppetTarget, dockerCliTarget];

export function findTarget(name: string): Target | undefined {
  return targets.find((target) => target.name === name);
}
