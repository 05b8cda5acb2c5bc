import { patchFor, source, writeEvent, type Workspace } from './harness.js';

export const RECIPE = 'cookbooks/web/recipes/default.rb';
export const MANIFEST = 'modules/app/manifests/init.pp';

/** A recipe whose lines 6 and 7 are new; line 20 has an older finding outside the diff. */
export function recipeText(withWarning = true): string {
  return source(
    "docker_image 'web' do",
    "  tag '1.0'",
    'end',
    '',
    "docker_container 'web' do",
    '  error privileged-container web',
    withWarning ? '  warning latest-tag web' : "  repo 'web'",
    'end',
    ...Array.from({ length: 11 }, (_, i) => `# padding ${i + 9}`),
    '  info missing-healthcheck legacy',
    'end',
  );
}

export function manifestText(): string {
  return source(
    'class app {',
    '  error host-network app',
    "  docker::run { 'app': image => 'x' }",
    '}',
  );
}

/** The standard pull request: a modified recipe and a new manifest. */
export async function standardPullRequest(ws: Workspace, recipe = recipeText()): Promise<void> {
  ws.fake.setFile(RECIPE, recipe, patchFor(recipe, [6, 7]));
  ws.fake.setFile(MANIFEST, manifestText(), patchFor(manifestText(), 'all'), 'added');
  ws.fake.setFile('README.md', '# fleet\n', patchFor('# fleet', 'all'));
  await writeEvent(ws);
}
