import type { Legacy, Property } from './types.js';

/**
 * Reads a property table written one property a line: the name, then its types.
 * `internal` as a type marks a property the target sets itself.
 */
export function properties(table: string): Map<string, Property> {
  const result = new Map<string, Property>();
  for (const line of table.split('\n')) {
    const [name, ...types] = line.trim().split(/\s+/);
    if (!name) continue;
    const internal = types.includes('internal');
    const property: Property = { name, types: types.filter((type) => type !== 'internal') };
    if (internal) property.internal = true;
    result.set(name, property);
  }
  return result;
}

/** Reads `alias -> property` lines. */
export function aliases(table: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const [from, to] of pairs(table)) result.set(from, to);
  return result;
}

/** Reads `old -> new` (or `old -> -` for no replacement) lines, all removed in one release. */
export function legacy(removedIn: string, table: string): Map<string, Legacy> {
  const result = new Map<string, Legacy>();
  for (const [name, to] of pairs(table)) {
    result.set(name, to === '-' ? { name, removedIn } : { name, replacement: to, removedIn });
  }
  return result;
}

/** Several maps in one; a later entry wins. */
export function merge<K, V>(...maps: ReadonlyMap<K, V>[]): Map<K, V> {
  const result = new Map<K, V>();
  for (const map of maps) for (const [key, value] of map) result.set(key, value);
  return result;
}

/** Names whose types are not recorded, for long parameter lists such as class `docker`. */
export function names(list: string): Map<string, Property> {
  const result = new Map<string, Property>();
  for (const name of list.split(/\s+/).filter(Boolean)) result.set(name, { name, types: [] });
  return result;
}

function pairs(table: string): [string, string][] {
  return table
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [from = '', to = ''] = line.split('->').map((part) => part.trim());
      return [from, to];
    });
}
