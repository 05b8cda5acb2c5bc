import { describe, expect, it } from 'vitest';

import { findingsOf, ruleTable } from '../table.js';

describe('deprecated-puppet-parameter', () => {
  ruleTable('deprecated-puppet-parameter', [
    {
      name: 'docker_compose titled by its file, without compose_files, as garethr/docker had it',
      dialect: 'puppet',
      code:
        `docker_compose { '/srv/app/docker-compose.yml':\n  ensure => present,\n}\n` +
        `docker_compose { 'app':\n  compose_files => ['/srv/app/docker-compose.yml'],\n}\n` +
        `docker_compose { 'old':\n  ensure => absent,\n}\n`,
      hits: [[1, 1]],
      message: "garethr/docker took the file's path ('/srv/app/docker-compose.yml')",
    },
    {
      name: 'docker_compose given its files by resource defaults',
      dialect: 'puppet',
      code: `Docker_compose { compose_files => ['/srv/b.yml'] }\ndocker_compose { 'b': }\n`,
      hits: [],
    },
    {
      name: 'class docker parameters removed in 1.0.5 and 10.4.0',
      dialect: 'puppet',
      code:
        `class { 'docker':\n  package_name     => 'docker-ce',\n` +
        `  docker_ce_key_id => 'ABC',\n  tcp_bind         => 'x',\n}\n`,
      hits: [
        [2, 3],
        [3, 3],
      ],
      message: 'was removed from class docker in puppetlabs-docker',
    },
    {
      name: 'docker::run parameters that do nothing',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n  use_name        => true,\n  after_service   => 'x',\n` +
        `  custom_unless   => 'test -f /x',\n  lxc_conf        => ['a=b'],\n` +
        `  disable_network => true,\n}\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
        [5, 3],
        [6, 3],
      ],
    },
    {
      name: 'disable_network false, empty lists and undef are harmless',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n  disable_network => false,\n  lxc_conf        => [],\n` +
        `  use_name        => undef,\n}\n`,
      hits: [],
    },
    {
      name: '--restart in extra_parameters under the systemd unit',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  extra_parameters => ['--restart=always'],\n}\n` +
        `docker::run { 'b':\n  restart          => 'always',\n` +
        `  extra_parameters => ['--restart=always'],\n}\n`,
      hits: [[2, 25]],
      message: 'has no effect under the module',
    },
    {
      name: 'Hiera class parameters and run entries',
      dialect: 'hiera',
      code: `docker::manage_epel: true\ndocker::runs:\n  web:\n    use_name: true\n`,
      hits: [
        [1, 1],
        [4, 5],
      ],
    },
    {
      name: 'Chef properties are deprecated-chef-property business',
      dialect: 'chef',
      code: `docker_container 'web' do\n  net 'host'\nend\n`,
      hits: [],
    },
  ]);

  it('reports removed parameters as errors and unused ones as warnings', async () => {
    const code = `class { 'docker':\n  package_name => 'x',\n}\ndocker::run { 'a':\n  use_name => true,\n}\n`;
    const findings = await findingsOf('deprecated-puppet-parameter', 'puppet', code);
    expect(findings.map((finding) => finding.severity)).toEqual(['error', 'warning']);
  });
});
