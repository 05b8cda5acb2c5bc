/**
 * `items.map(each)` without the items for which `each` gives undefined: what `flatMap` does
 * when its callback returns `[]` or `[value]`. V8 runs `flatMap` about ten times slower per
 * call on a short list (500 ns against 50), and a fleet of 100,000 containers makes several
 * such calls for each container.
 */
export function mapDefined<T, R>(
  items: readonly T[],
  each: (item: T, index: number) => R | undefined,
): R[] {
  const results: R[] = [];
  for (let index = 0; index < items.length; index++) {
    const result = each(items[index]!, index);
    if (result !== undefined) results.push(result);
  }
  return results;
}
