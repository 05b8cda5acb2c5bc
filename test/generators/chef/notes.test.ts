import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { diagnostic } from '../../../diagnostics/diagnostic.js';
import { chefTarget } from '../../../generators/chef/index.js';
import { loadModel } from '../../../model/index.js';
import { goldenCases, goldenRoot } from '../../support/golden.js';

const notesOf = (name: string) =>
  chefTarget.render(loadModel(join(goldenRoot, name, 'berth.yaml'))).notes;

/** Each golden case made for one of Chef's differences, with the notes it must raise. */
const expected: Record<string, [string, string][]> = {
  'chef-depends-condition': [
    ['BERTH-GEN-APPROXIMATE', 'containers.migrate.depends_on.db'],
    ['BERTH-GEN-APPROXIMATE', 'containers.api.depends_on.migrate'],
  ],
  'chef-digest-repository-path': [['BERTH-GEN-APPROXIMATE', 'containers.exporter.image']],
  'chef-env-file': [['BERTH-GEN-APPROXIMATE', 'containers.app.env_file']],
  'chef-fractional-cpus': [['BERTH-GEN-APPROXIMATE', 'containers.worker.cpus']],
  'chef-healthcheck-without-test': [['BERTH-GEN-APPROXIMATE', 'containers.app.healthcheck']],
  'chef-ipam-driver-without-subnet': [['BERTH-GEN-UNSUPPORTED', 'networks.overlay.ipam.driver']],
  'chef-log-driver': [['BERTH-GEN-UNSUPPORTED', 'containers.app.logging.driver']],
  'chef-network-aliases': [['BERTH-GEN-APPROXIMATE', 'containers.api.networks.backend.aliases']],
  'chef-pids-limit': [['BERTH-GEN-UNSUPPORTED', 'containers.worker.pids_limit']],
  'chef-prerelease-version': [['BERTH-GEN-APPROXIMATE', 'version']],
  'chef-primary-ipv6-address': [
    ['BERTH-GEN-UNSUPPORTED', 'containers.api.networks.backend.ipv6_address'],
  ],
  'chef-secondary-network-aliases': [
    ['BERTH-GEN-UNSUPPORTED', 'containers.api.networks.backend.aliases'],
  ],
  'chef-stop-grace-period': [['BERTH-GEN-APPROXIMATE', 'containers.app.stop_grace_period']],
  'chef-stop-signal': [['BERTH-GEN-UNSUPPORTED', 'containers.web.stop_signal']],
  'chef-untagged-image': [['BERTH-GEN-DEFAULT', 'containers.web.image']],
  'chef-unused-registry-login': [['BERTH-GEN-APPROXIMATE', 'registries.hub.server']],
  'chef-x-chef-unknown-property': [
    ['BERTH-SPEC-VALUE', 'containers.app.x-chef.kil_after'],
    ['BERTH-SPEC-VALUE', 'containers.app.x-chef.repo'],
  ],
  'code-it': [['BERTH-GEN-DEFAULT', 'containers.code.it.image']],
};

describe('the notes of each golden case', () => {
  it('has an expectation for every chef-* case', () => {
    const chefCases = goldenCases().filter((name) => name.startsWith('chef-'));
    expect(chefCases.filter((name) => !(name in expected))).toEqual([]);
  });

  it.each(Object.entries(expected))('%s', (name, notes) => {
    const actual = notesOf(name).map((note) => [note.code, note.path.join('.')]);
    expect(actual).toEqual(notes);
  });

  it('marks warnings as warnings for Chef, and the x-chef mistakes as errors', () => {
    for (const note of Object.keys(expected).flatMap(notesOf)) {
      expect(note.data.target).toBe('chef');
      expect(note.severity).toBe(note.code === 'BERTH-SPEC-VALUE' ? 'error' : 'warning');
    }
  });

  it('fills every placeholder of the message and hint', () => {
    for (const note of Object.keys(expected).flatMap(notesOf)) {
      const { message, hint } = diagnostic(note.code, note.data);
      expect(`${message} ${hint}`).not.toMatch(/\{\w+\}|\bundefined\b|  /);
      expect(hint.length).toBeGreaterThan(10);
    }
  });

  it('suggests the property a misspelt x-chef key was meant to be', () => {
    const [misspelt] = notesOf('chef-x-chef-unknown-property');
    expect(diagnostic(misspelt!.code, misspelt!.data).message).toBe(
      'x-chef.kil_after: kil_after is not a docker_container property (did you mean "kill_after"?)',
    );
  });
});
