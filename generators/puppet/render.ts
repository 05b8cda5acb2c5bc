import type { Model } from '../../model/types.js';
import { TemplateSet } from '../templates.js';
import type { GeneratedFile, RenderResult } from '../types.js';
import { moduleView, type ModuleView } from './module-view.js';

/** The files of the module, each rendered from the template of the same path. */
const files = [
  'metadata.json',
  'README.md',
  '.puppet-lint.rc',
  'hiera.yaml',
  'data/common.yaml',
  'manifests/init.pp',
  'functions/image_reference.pp',
  'functions/env.pp',
  'types/container.pp',
];

let templates: TemplateSet | undefined;

function templateSet(): TemplateSet {
  templates ??= new TemplateSet('puppet', ['resource']);
  return templates;
}

/**
 * Renders the module. The manifest is rendered once more when one of its literals trips a
 * puppet-lint check that only an exact but unusual form can avoid, this time wrapped in a
 * `lint:ignore` block for exactly those checks.
 */
export function renderModule(model: Model): RenderResult {
  const { view, notes } = moduleView(model);
  const generated = files.map((path): GeneratedFile => ({ path, content: render(path, view) }));
  return { root: `puppet/${view.moduleName}`, files: generated, notes: notes.list };
}

function render(path: string, view: ModuleView): string {
  const content = templateSet().render(path, view);
  if (path !== 'manifests/init.pp' || view.trips.size === 0) return content;
  view.lintIgnore = [...view.trips]
    .sort()
    .map((check) => `lint:ignore:${check}`)
    .join(' ');
  return templateSet().render(path, view);
}
