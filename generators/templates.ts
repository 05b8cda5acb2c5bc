import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type Handlebars from 'handlebars';

import { templateHelpers } from './template-helpers.js';
import { templateOptions } from './template-options.js';

const require = createRequire(import.meta.url);

/** The folder holding package.json, found from this file whether it runs from source or dist. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the generators folder');
    dir = parent;
  }
  return dir;
}

export type Helpers = Record<string, Handlebars.HelperDelegate>;
type Specs = Record<string, Parameters<typeof Handlebars.template>[0]>;

let precompiled: Specs | null | undefined;

/**
 * The templates `npm run build` precompiled beside this module, or null when running from
 * source (tests), where they are compiled from templates/ instead: same templates, same
 * options, so both give the same bytes.
 */
function precompiledSpecs(): Specs | null {
  if (precompiled === undefined) {
    try {
      precompiled = require('./templates.cjs') as Specs;
    } catch {
      precompiled = null;
    }
  }
  return precompiled;
}

/** How many iterations of `#each` are joined at a time. */
const joinEvery = 32;

/**
 * `#each` over an array that joins the iterations instead of appending them one by one.
 * Handlebars' own `each` grows its result with `+=`, which leaves the output of 10,000
 * containers as a tree of millions of string pieces that all stay alive, and are copied by
 * every garbage collection, until the file is written. Here the iterations are joined a few
 * dozen at a time as the loop goes, so each iteration's pieces die young and what stays alive
 * is flat strings. Other values (objects, empty arrays) go to the built-in helper;
 * `@index`, `@key`, `@first`, `@last` and block parameters behave the same.
 */
export function joiningEach(handlebars: typeof Handlebars): Handlebars.HelperDelegate {
  const builtin = handlebars.helpers.each!;
  return function (this: unknown, items: unknown, options: Handlebars.HelperOptions) {
    if (!Array.isArray(items) || items.length === 0) return builtin.call(this, items, options);

    const data = handlebars.createFrame(options.data ?? {});
    const joined: string[] = [];
    let pending: string[] = [];
    for (let index = 0; index < items.length; index++) {
      data.key = data.index = index;
      data.first = index === 0;
      data.last = index === items.length - 1;
      pending.push(options.fn(items[index], { data, blockParams: [items[index], index] }));
      if (pending.length === joinEvery) {
        joined.push(pending.join(''));
        pending = [];
      }
    }
    joined.push(pending.join(''));
    return joined.join('');
  };
}

/** A Handlebars environment for one target, with its helpers (template-helpers.ts) and partials. */
export class TemplateSet {
  private readonly handlebars: typeof Handlebars;
  private readonly specs: Specs | null = precompiledSpecs();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  private readonly helpers: Helpers;

  constructor(
    private readonly target: string,
    partials: string[] = [],
  ) {
    this.helpers = templateHelpers[target] ?? {};
    // Precompiled templates need only the runtime, a fraction of Handlebars to load.
    const module = this.specs ? 'handlebars/runtime' : 'handlebars';
    this.handlebars = (require(module) as typeof Handlebars).create();
    this.handlebars.registerHelper('each', joiningEach(this.handlebars));
    this.handlebars.registerHelper(this.helpers);
    for (const partial of partials) {
      this.handlebars.registerPartial(partial, this.template(`partials/${partial}`));
    }
  }

  private template(relative: string): Handlebars.TemplateDelegate {
    let template = this.compiled.get(relative);
    if (!template) {
      const spec = this.specs?.[`${this.target}/${relative}`];
      template = spec
        ? this.handlebars.template(spec)
        : this.handlebars.compile(
            this.source(`${relative}.hbs`),
            templateOptions(Object.keys(this.helpers)),
          );
      this.compiled.set(relative, template);
    }
    return template;
  }

  private source(relative: string): string {
    return readFileSync(join(packageRoot(), 'templates', this.target, relative), 'utf8');
  }

  /** Renders `templates/<target>/<relative>.hbs` with a view model. */
  render(relative: string, view: object): string {
    return this.template(relative)(view);
  }
}
