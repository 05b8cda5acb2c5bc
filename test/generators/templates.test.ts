import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';

import { templateOptions } from '../../generators/template-options.js';
import { joiningEach } from '../../generators/templates.js';

/** One environment with Handlebars' own `each`, one with berth's; the rest is the same. */
const builtin = Handlebars.create();
const joining = Handlebars.create();
joining.registerHelper('each', joiningEach(joining));

const render = (env: typeof Handlebars, source: string, view: object) =>
  env.compile(source, templateOptions([]))(view);

const view = {
  items: ['a', 'b', 'c'],
  empty: [],
  rows: [{ cells: [1, 2] }, { cells: [3] }],
  named: { first: 'x', second: 'y' },
  holes: [undefined, 'z'],
};

const templates = [
  '{{#each items}}{{@index}}={{this}}' +
    '{{#if @first}} first{{/if}}{{#if @last}} last{{/if}};{{/each}}',
  '{{#each items}}{{@key}}{{/each}}',
  '{{#each items as |item position|}}{{position}}:{{item}} {{/each}}',
  '{{#each empty}}never{{else}}nothing{{/each}}',
  '{{#each rows}}[{{#each cells}}{{@../index}}.{{@index}}={{this}} {{/each}}]{{/each}}',
  '{{#each named}}{{@key}}={{this}}{{#if @last}}!{{/if}} {{/each}}',
  '{{#each holes}}<{{this}}>{{/each}}',
];

describe('the joining #each', () => {
  it.each(templates)('renders %s as Handlebars does', (source) => {
    const expected = render(builtin, source, view);
    expect(expected).not.toBe('');
    expect(render(joining, source, view)).toBe(expected);
  });
});
