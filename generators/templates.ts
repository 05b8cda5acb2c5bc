import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import Handlebars from 'handlebars';

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

/**
 * A Handlebars environment for one target. Escaping is off: HTML escaping means nothing in
 * Ruby or Puppet, and every value is quoted by a named helper of the target instead. `strict`
 * makes a template that names a field the view model lacks fail loudly rather than print "".
 */
export class TemplateSet {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  constructor(
    private readonly target: string,
    helpers: Helpers,
    partials: string[] = [],
  ) {
    this.handlebars.registerHelper(helpers);
    for (const partial of partials) {
      this.handlebars.registerPartial(partial, this.source(`partials/${partial}.hbs`));
    }
  }

  private source(relative: string): string {
    return readFileSync(join(packageRoot(), 'templates', this.target, relative), 'utf8');
  }

  /** Renders `templates/<target>/<relative>.hbs` with a view model. */
  render(relative: string, view: object): string {
    let template = this.compiled.get(relative);
    if (!template) {
      template = this.handlebars.compile(this.source(`${relative}.hbs`), {
        noEscape: true,
        strict: true,
      });
      this.compiled.set(relative, template);
    }
    return template(view);
  }
}
