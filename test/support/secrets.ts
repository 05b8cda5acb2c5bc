import type { Model } from '../../model/types.js';

/** A recognisable value per secret, so tests can look for it where it must not be. */
export function secretValue(name: string): string {
  return `s3cret-${name}-Zq9!'"\\$x`;
}

/** Chef data bags and node attributes that serve every secret of the model. */
export function chefSecretSources(model: Model): {
  dataBags: Record<string, Record<string, Record<string, unknown>>>;
  attributes: Record<string, unknown>;
} {
  const dataBags: Record<string, Record<string, Record<string, unknown>>> = {};
  const attributes: Record<string, unknown> = {};
  for (const secret of model.secrets) {
    if (secret.chef.kind === 'data_bag') {
      const bag = (dataBags[secret.chef.bag] ??= {});
      const item = (bag[secret.chef.item] ??= { id: secret.chef.item });
      item[secret.chef.key] = secretValue(secret.name);
    } else {
      let node = attributes;
      const path = secret.chef.attribute;
      for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[path[path.length - 1]!] = secretValue(secret.name);
    }
  }
  return { dataBags, attributes };
}

/** Environment-level Hiera data that serves every secret of the model. */
export function puppetSecretData(model: Model): Record<string, unknown> {
  return Object.fromEntries(model.secrets.map((s) => [s.puppet.hiera, secretValue(s.name)]));
}
