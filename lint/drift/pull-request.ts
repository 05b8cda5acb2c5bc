import { posix } from 'node:path';

import { isGenerated } from './header.js';
import { renderedFor, renderSpec, treeFolder, type Rendered, type SpecSource } from './spec.js';

/** What the pull-request reporter asks for: the same shape as its `DriftRequest`. */
export interface DriftRequest {
  /** Changed paths that call for the check: the berth file and generated files. */
  changed: string[];
  specPath: string;
  /** A file's text at the head commit; undefined when it does not exist there. */
  read: (path: string) => Promise<string | undefined>;
}

/** Files the pull-request check lints for drift: recipes, manifests and Hiera data. */
const LINTED = /\.(?:rb|pp)$|(?:^|\/)(?:data|hieradata)\/.*\.ya?ml$/;

/**
 * The berth file and the generated files to compare at the head commit: every changed
 * generated file and, when the berth file changed, every file it generates that exists in a
 * tree the pull request touches or in the default output folder (`generated/` beside the
 * berth file). Files without berth's header are left out.
 */
export async function driftSources(
  request: DriftRequest,
): Promise<{ spec: SpecSource; files: { path: string; text: string }[] }> {
  const spec: SpecSource = { path: request.specPath, text: await request.read(request.specPath) };
  const paths = new Set(request.changed.filter((path) => path !== request.specPath));
  if (request.changed.includes(request.specPath)) {
    for (const path of siblings(spec, [...paths])) paths.add(path);
  }
  const files: { path: string; text: string }[] = [];
  for (const path of [...paths].filter((candidate) => LINTED.test(candidate)).sort()) {
    const text = await request.read(path);
    if (text !== undefined && isGenerated(text)) files.push({ path, text });
  }
  return { spec, files };
}

/** Where the berth file's generated files would be, from the trees already seen. */
function siblings(spec: SpecSource, changed: string[]): string[] {
  const result = renderSpec(spec);
  // An invalid berth file generates nothing to look for: it is reported on the changed
  // generated files only, and not at all when none changed.
  if (!result.ok) return [];
  const folders = new Map<string, string>();
  const base = posix.dirname(spec.path);
  for (const rendered of result.rendered) {
    folders.set(posix.join(base, 'generated', rendered.root), rendered.root);
  }
  for (const path of changed) {
    const rendered = renderedFor(path, result.rendered);
    if (rendered) folders.set(treeFolder(path, rendered), rendered.root);
  }
  return [...folders].flatMap(([folder, root]) =>
    result.rendered
      .filter((rendered: Rendered) => rendered.root === root)
      .map((rendered) => posix.join(folder, rendered.file.path)),
  );
}
