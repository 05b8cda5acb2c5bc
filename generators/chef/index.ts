import type { Model } from '../../model/types.js';
import { TemplateSet } from '../templates.js';
import type { GeneratedFile, RenderResult, Target } from '../types.js';
import { chefFields } from './fields.js';
import { cookbookView } from './view.js';

/** The files of the cookbook, each rendered from the template of the same path. */
const files = [
  'metadata.rb',
  'attributes/default.rb',
  'recipes/default.rb',
  'README.md',
  'Berksfile',
  'kitchen.yml',
  'test/integration/default/default_test.rb',
];

let templates: TemplateSet | undefined;

/** Compiled once per process: rendering 10,000 containers must not recompile anything. */
function templateSet(): TemplateSet {
  templates ??= new TemplateSet('chef', ['container']);
  return templates;
}

/**
 * A wrapper cookbook for the docker cookbook 11.x that runs the containers of the berth file
 * from one recipe, with an attribute switch, image tag and environment per container.
 */
export const chefTarget: Target = {
  name: 'chef',
  description: 'a Chef cookbook using the docker cookbook 11.x resources',
  fields: chefFields,

  render(model: Model): RenderResult {
    const { view, notes } = cookbookView(model);
    const set = templateSet();
    const rendered: GeneratedFile[] = files.map((path) => ({
      path,
      content: set.render(path, view),
    }));
    return { root: `chef/${view.cookbook}`, files: rendered, notes: notes.list };
  },
};
