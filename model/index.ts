import { loadFile, loadText, type LoadedDocument } from './load.js';
import { normalize } from './normalize.js';
import type { Model } from './types.js';
import { validateDocument } from './validate.js';

export type { Model } from './types.js';
export type { LoadedDocument } from './load.js';

export interface LoadedModel {
  document: LoadedDocument;
  model: Model;
}

/** Reads, validates and normalizes a berth file; any problem is a BerthError. */
export function loadModel(file: string): Model {
  return readModel(file).model;
}

/** The same, keeping the document so that later warnings can be located in it. */
export function readModel(file: string): LoadedModel {
  return fromDocument(loadFile(file));
}

/** From text already in memory (tests, importers, standard input). */
export function modelFromText(file: string, text: string): LoadedModel {
  return fromDocument(loadText(file, text));
}

function fromDocument(document: LoadedDocument): LoadedModel {
  validateDocument(document);
  const model = normalize(document);
  // The model holds what the generators need; the parsed YAML can be freed. A file of
  // 10,000 containers parses into tens of megabytes.
  document.release();
  return { document, model };
}
