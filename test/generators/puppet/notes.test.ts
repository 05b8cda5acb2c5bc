import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { diagnostic } from '../../../diagnostics/diagnostic.js';
import { puppetTarget } from '../../../generators/puppet/index.js';
import { loadModel } from '../../../model/index.js';
import { goldenCases, goldenRoot } from '../../support/golden.js';

/**
 * The notes each golden case must produce for Puppet, as code, severity and YAML path. Every
 * `puppet-*` case exists for one of them; the shared cases show them in a realistic file.
 */
const expected: Record<string, [string, 'error' | 'warning', string][]> = {
  'code-it': [],
  'every-field': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'engine.version'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'registries.ghcr.password'],
    ['BERTH-GEN-DEFAULT', 'warning', 'registries.mirror'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.pull_policy'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.healthcheck.test'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.restart'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.sidecar.environment.API_KEY'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.host-agent.restart'],
  ],
  shop: [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'registries.acme.password'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.db.environment.POSTGRES_PASSWORD'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.db.restart'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.api.pull_policy'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.api.environment.DATABASE_PASSWORD'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.api.healthcheck.test'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.api.restart'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.api.depends_on.db'],
  ],
  'puppet-depends-condition': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.depends_on.db'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.depends_on.migrate'],
  ],
  'puppet-engine-unmanaged': [['BERTH-GEN-APPROXIMATE', 'warning', 'engine.manage']],
  'puppet-engine-version': [['BERTH-GEN-APPROXIMATE', 'warning', 'engine.version']],
  'puppet-env-secret': [['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.environment.TOKEN']],
  'puppet-healthcheck-disabled': [
    ['BERTH-GEN-UNSUPPORTED', 'warning', 'containers.api.healthcheck'],
  ],
  'puppet-healthcheck-exec': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.api.healthcheck.test'],
  ],
  'puppet-image-always': [['BERTH-GEN-APPROXIMATE', 'warning', 'images.tools.pull_policy']],
  'puppet-image-ipv6-registry': [['BERTH-GEN-UNSUPPORTED', 'error', 'containers.app.image']],
  'puppet-on-failure-retries': [['BERTH-GEN-APPROXIMATE', 'warning', 'containers.worker.restart']],
  'puppet-pull-always': [['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.pull_policy']],
  'puppet-registry-anonymous': [['BERTH-GEN-DEFAULT', 'warning', 'registries.mirror']],
  'puppet-registry-password': [['BERTH-GEN-APPROXIMATE', 'warning', 'registries.private.password']],
  'puppet-restart-mode-depends': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.db'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.depends_on'],
  ],
  'puppet-restart-mode-docker': [['BERTH-GEN-APPROXIMATE', 'warning', 'containers.cache.restart']],
  'puppet-restart-mode-networks': [
    ['BERTH-GEN-DEFAULT', 'warning', 'containers.app.networks'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app'],
  ],
  'puppet-restart-mode-ports': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.web.restart'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.web.ports'],
  ],
  'puppet-restart-mode-pull-always': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.pull_policy'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app'],
  ],
  'puppet-restart-mode-pull-never': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.pull_policy'],
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app'],
  ],
  'puppet-stop-grace-fraction': [
    ['BERTH-GEN-APPROXIMATE', 'warning', 'containers.app.stop_grace_period'],
  ],
  'puppet-unless-stopped': [['BERTH-GEN-APPROXIMATE', 'warning', 'containers.cache.restart']],
  'puppet-x-puppet-override': [
    ['BERTH-GEN-DEFAULT', 'warning', 'containers.app.x-puppet.stop_wait_time'],
  ],
  'puppet-x-puppet-type': [['BERTH-SPEC-VALUE', 'error', 'containers.app.x-puppet.stop_wait_time']],
  'puppet-x-puppet-unknown': [
    ['BERTH-SPEC-VALUE', 'error', 'containers.app.x-puppet.service_prefx'],
  ],
};

const render = (name: string) =>
  puppetTarget.render(loadModel(join(goldenRoot, name, 'berth.yaml')));

describe('Puppet translation notes', () => {
  it('has an expectation for every golden case but the Chef-only ones', () => {
    const cases = goldenCases().filter((name) => !name.startsWith('chef-'));
    expect(Object.keys(expected).sort()).toEqual(cases);
  });

  it.each(Object.entries(expected))('%s', (name, notes) => {
    const result = render(name);
    expect(result.notes.map((n) => [n.code, n.severity, n.path.join('.')])).toEqual(notes);
  });

  it('names the target and fills every placeholder of the message and hint', () => {
    for (const name of goldenCases()) {
      for (const note of render(name).notes) {
        expect(note.data.target).toBe('puppet');
        const text = diagnostic(note.code, note.data);
        expect(text.message).not.toMatch(/\{\w+\}|undefined/);
        expect(text.hint.length).toBeGreaterThan(10);
      }
    }
  });

  it('suggests the parameter an unknown x-puppet key was probably meant to be', () => {
    const [note] = render('puppet-x-puppet-unknown').notes;
    expect(diagnostic(note!.code, note!.data).message).toBe(
      'x-puppet.service_prefx: "service_prefx" is not a docker::run parameter ' +
        '(did you mean "service_prefix"?)',
    );
  });

  it('says which type an x-puppet key takes', () => {
    const [note] = render('puppet-x-puppet-type').notes;
    expect(diagnostic(note!.code, note!.data).message).toBe(
      'x-puppet.stop_wait_time: docker::run stop_wait_time takes an integer',
    );
  });
});
