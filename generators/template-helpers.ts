import { chefHelpers } from './chef/helpers.js';
import { helpers as puppetHelpers } from './puppet/helpers.js';
import type { Helpers } from './templates.js';

/**
 * The helpers of each target's templates, by the target's folder under templates/. Templates
 * are compiled knowing these names, at build time and at run time alike (template-options.ts).
 */
export const templateHelpers: Record<string, Helpers> = {
  chef: chefHelpers,
  puppet: puppetHelpers,
  docker: {},
};
