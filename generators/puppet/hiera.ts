/**
 * The module data: one entry per container in `<module>::containers`, with the values an
 * environment may override. Values are written as YAML scalars that Hiera reads back exactly.
 */
import type { Container, Model } from '../../model/types.js';
import type { Notes } from './notes.js';
import { fieldPath } from '../../model/paths.js';

/** One entry of `<module>::containers`, every value already written as a YAML scalar. */
export interface HieraContainer {
  name: string;
  image: string;
  tag: string;
  digest?: string;
  environment: { name: string; value: string }[];
}

// Characters YAML does not allow unescaped (controls, DEL, C1) or that would hide text from a
// reviewer (line separators, bidirectional and zero-width formatting characters, BOM).
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

// Text a single-quoted scalar carries as it is, with nothing Hiera interpolates: the fast path.
const plainText = /^[^'%\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]*$/;

/**
 * A YAML string scalar that Hiera reads back as exactly `value`. Hiera interpolates `%{...}` in
 * keys and values alike, so `%{` is written as `%{literal('%')}{`. The scalar is single-quoted
 * (only `'` is special there) unless it holds a character YAML needs escaped; then it is
 * double-quoted, in JSON's syntax, which YAML's double quotes accept.
 */
export function hieraString(value: string): string {
  if (plainText.test(value)) return `'${value}'`;
  const text = value.replace(/%\{/g, "%{literal('%')}{");
  unprintable.lastIndex = 0;
  if (!unprintable.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text).replace(unprintable, (c) => unicodeEscape(c));
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export function hieraView(model: Model, notes: Notes): HieraContainer[] {
  const entries: HieraContainer[] = [];
  for (const container of model.containers) {
    checkShellSafe(container, notes);
    const { image } = container;
    const environment: HieraContainer['environment'] = [];
    for (const entry of container.environment) {
      if (typeof entry.value !== 'string') continue;
      environment.push({ name: hieraString(entry.name), value: hieraString(entry.value) });
    }
    const entry: HieraContainer = {
      name: hieraString(container.name),
      image: hieraString(image.repository),
      tag: hieraString(image.tag ?? 'latest'),
      environment,
    };
    if (image.digest) entry.digest = hieraString(image.digest);
    entries.push(entry);
  }
  return entries;
}

/**
 * The module writes the image reference into a shell command unquoted. A registry given as a
 * bracketed IPv6 address holds `[` and `]`, which a shell may expand as a pattern, so such a
 * reference is refused rather than written.
 */
function checkShellSafe(container: Container, notes: Notes): void {
  if (!/[[\]]/.test(container.image.repository)) return;
  notes.unsupported(
    fieldPath(container, 'image'),
    `the image ${container.image.reference}`,
    'puppetlabs-docker writes the image unquoted into a shell command, where [ and ] are ' +
      'pattern characters',
    'give the registry a host name instead of a bracketed IPv6 address',
    true,
  );
}
