import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('no-healthcheck', () => {
  ruleTable('no-healthcheck', [
    {
      name: 'a container without health_check',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\nend\n`,
      hits: [[1, 1]],
      message: 'unless its image declares one',
    },
    {
      name: 'a NONE test turns it off',
      dialect: 'chef',
      code: `docker_container 'web' do\n  health_check('Test' => ['NONE'])\nend\n`,
      hits: [[2, 3]],
      message: 'turns its healthcheck off',
    },
    {
      name: 'a healthcheck, a computed one, and a one-shot container',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  health_check('Test' => ['CMD', 'true'])\nend\n` +
        `docker_container 'b' do\n  health_check node['check']\nend\n` +
        `docker_container 'c' do\n  autoremove true\nend\n`,
      hits: [],
    },
    {
      name: 'docker::run without health_check_cmd, and --no-healthcheck',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  image => 'nginx:1',\n}\n` +
        `docker::run { 'b':\n  image            => 'nginx:1',\n` +
        `  extra_parameters => ['--no-healthcheck'],\n}\n`,
      hits: [
        [1, 1],
        [6, 25],
      ],
    },
    {
      name: 'health_check_cmd, --health-cmd, an absent container, a splat',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  health_check_cmd => 'true',\n}\n` +
        `docker::run { 'b':\n  extra_parameters => ['--health-cmd=true'],\n}\n` +
        `docker::run { 'c':\n  ensure => absent,\n}\n` +
        `docker::run { 'd':\n  * => $options,\n}\n`,
      hits: [],
    },
    {
      name: 'Hiera entries',
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    image: nginx:1\n  db:\n    health_check_cmd: pg_isready\n`,
      hits: [[2, 3]],
    },
  ]);
});
