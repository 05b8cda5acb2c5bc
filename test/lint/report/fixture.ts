import { lintFiles, type LintReport } from '../../../lint/index.js';
import { QUIET } from '../table.js';

/** A small run with an error, a warning, an inline-suppressed finding, and a clean file. */
export function sampleRun(): Promise<LintReport> {
  return lintFiles(
    [
      {
        path: 'cookbooks/ci/recipes/runner.rb',
        text:
          `docker_container 'runner' do\n` +
          `  repo 'gitlab/gitlab-runner'\n` +
          `  privileged true\n` +
          `  network_mode 'host' # berth:disable host-namespace -- needs host networking\n` +
          `end\n`,
      },
      {
        path: 'modules/site/manifests/web.pp',
        text: `docker::run { 'web':\n  image   => 'nginx:1.25',\n  volumes => ['/etc:/etc'],\n}\n`,
      },
      { path: 'modules/site/manifests/init.pp', text: `class site {\n  include docker\n}\n` },
    ],
    { config: false, rules: QUIET },
  );
}
