import { loadFile, loadText } from './load.js';
import { normalize } from './normalize.js';
import type { Model } from './types.js';
import { validateDocument } from './validate.js';

export type { Model } from './types.js';

/** Reads, validates and normalizes a berth file; any problem is a BerthError. */
export function loadModel(file: string): Model {
  const document = loadFile(file);
  validateDocument(document);
  return normalize(document);
}

/** The same from text already in memory (tests, importers, stdin). */
export function modelFromText(file: string, text: string): Model {
  const document = loadText(file, text);
  validateDocument(document);
  return normalize(document);
}
