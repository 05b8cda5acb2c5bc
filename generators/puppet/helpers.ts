/**
 * The Handlebars helpers of the Puppet templates. Every value a template places goes through
 * one of them; templates never write quotes themselves.
 */
import type { HelperOptions } from 'handlebars';

import type { Helpers } from '../templates.js';
import { renderPuppet, type LintCheck, type PuppetValue } from '../quote/puppet.js';
import { hieraString } from './hiera.js';

/** `{{puppet value '  '}}`: a Puppet literal; continuation lines start with the indent. */
function puppet(value: PuppetValue, ...rest: unknown[]): string {
  const options = rest.at(-1) as HelperOptions;
  const indent = typeof rest[0] === 'string' ? rest[0] : '';
  const trips = (options.data?.root as { trips?: Set<LintCheck> } | undefined)?.trips;
  return renderPuppet(value, { indent, ...(trips ? { trips } : {}) });
}

export const helpers: Helpers = {
  puppet,
  /** `{{yaml value}}`: a YAML string scalar for Hiera data. */
  yaml: (value: string) => hieraString(value),
  /** `{{json value}}`: a JSON value for metadata.json. */
  json: (value: unknown) => JSON.stringify(value, null, 2),
};
