import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';

import { templateOptions } from '../../generators/template-options.js';
import { ifHolds, inlineIfs } from '../../scripts/template-code.mjs';

/** The code `npm run build` writes for a template, with its `{{#if}}` blocks inlined. */
function inlinedSpec(source: string): string {
  return inlineIfs('test', Handlebars.precompile(source, templateOptions([])) as string);
}

function renderBuilt(source: string, view: object): string {
  const spec = new Function(`${ifHolds}\nreturn ${inlinedSpec(source)};`)();
  return Handlebars.template(spec)(view);
}

const renderHandlebars = (source: string, view: object) =>
  Handlebars.compile(source, templateOptions([]))(view);

const conditions: Record<string, unknown> = {
  true: true,
  false: false,
  zero: 0,
  one: 1,
  'empty text': '',
  text: 'a',
  'empty list': [],
  list: [0],
  map: {},
  null: null,
  'function giving 0': () => 0,
  'function giving text': () => 'x',
};

const sources = [
  '{{#if c}}yes{{/if}}',
  '{{#if c}}yes{{else}}no{{/if}}',
  '[{{#if c}}{{#if c.length}}long{{else}}short{{/if}}{{else}}none{{/if}}]',
  '{{#each items}}{{#if @first}}first {{/if}}{{#if this}}{{this}}{{else}}-{{/if}};{{/each}}',
];

describe('an {{#if}} inlined by the build', () => {
  it.each(sources)('leaves no call of the if helper in %s', (source) => {
    expect(inlinedSpec(source)).not.toContain('"if"');
  });

  it.each(Object.keys(conditions))('renders as Handlebars does for %s', (name) => {
    const view = { c: conditions[name], items: [conditions[name], 'b'] };
    for (const source of sources) {
      expect(renderBuilt(source, view)).toBe(renderHandlebars(source, view));
    }
  });
});
