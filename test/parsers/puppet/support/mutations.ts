import { pick, seeded } from './random.js';

/**
 * Damaged copies of real manifests, the way files get damaged in an editor: cut short, or
 * with one bracket, quote or separator removed or added. The same seed gives the same copies.
 */
export interface Mutation {
  name: string;
  text: string;
}

const structural = '{}[]()"\'$:;,=>|@/#';

export function mutations(name: string, text: string, seed: number): Mutation[] {
  const random = seeded(seed);
  const cut = Math.floor(random() * text.length);
  const found: Mutation[] = [{ name: `${name} cut at ${cut}`, text: text.slice(0, cut) }];

  const positions = structuralPositions(text);
  if (positions.length > 0) {
    const at = pick(random, positions);
    found.push({
      name: `${name} without offset ${at}`,
      text: text.slice(0, at) + text.slice(at + 1),
    });
  }
  const at = Math.floor(random() * text.length);
  const char = pick(random, [...structural]);
  found.push({
    name: `${name} with ${char} at ${at}`,
    text: text.slice(0, at) + char + text.slice(at),
  });
  return found;
}

function structuralPositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (structural.includes(text[i] as string)) positions.push(i);
  return positions;
}
