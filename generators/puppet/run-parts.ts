import { PuppetCode, type PuppetValue } from '../quote/puppet.js';
import type { Attribute } from './run-context.js';

/**
 * The pieces of one `docker::run` as the field builders find them: named parameters, docker
 * flags the module has no parameter for (`extra_parameters`), containers to start after, and
 * resources Puppet must manage first.
 */
export class RunParts {
  private readonly attributes = new Map<string, Attribute>();
  readonly flags: string[] = [];
  readonly after: string[] = [];
  readonly requires: PuppetCode[] = [];

  set(name: string, value: PuppetValue, field?: string): void {
    const attribute: Attribute = { name, value };
    if (field) attribute.field = field;
    this.attributes.set(name, attribute);
  }

  get(name: string): Attribute | undefined {
    return this.attributes.get(name);
  }

  /** One docker flag, written `--name=value` so that it stays a single shell word. */
  flag(name: string, value?: string | number): void {
    this.flags.push(value === undefined ? `--${name}` : `--${name}=${value}`);
  }

  require(reference: PuppetCode): void {
    if (!this.requires.includes(reference)) this.requires.push(reference);
  }

  list(): Attribute[] {
    return [...this.attributes.values()];
  }
}
