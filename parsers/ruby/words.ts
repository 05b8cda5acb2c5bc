/** A set of names written as one space-separated string, which keeps long lists readable. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}
