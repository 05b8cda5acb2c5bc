import type { Target } from '../types.js';
import { puppetFields } from './fields.js';
import { renderModule } from './render.js';

/** A Puppet module that runs the containers with puppetlabs-docker 10.x. */
export const puppetTarget: Target = {
  name: 'puppet',
  description: 'a Puppet module for puppetlabs-docker 10.x',
  fields: puppetFields,
  render: renderModule,
};
