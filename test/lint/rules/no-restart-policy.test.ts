import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('no-restart-policy', () => {
  ruleTable('no-restart-policy', [
    {
      name: 'a container without restart_policy, at its type',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\nend\n`,
      hits: [[1, 1]],
      message: "daemon's default 'no'",
    },
    {
      name: "restart_policy 'no'",
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\n  restart_policy 'no'\nend\n`,
      hits: [[3, 3]],
    },
    {
      name: 'a policy, a computed one, one-shot containers, removals and the 0.x restart',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  restart_policy 'always'\nend\n` +
        `docker_container 'b' do\n  restart_policy node['policy']\nend\n` +
        `docker_container 'c' do\n  autoremove true\nend\n` +
        `docker_container 'd' do\n  detach false\nend\n` +
        `docker_container 'e' do\n  action :delete\nend\n` +
        `docker_container 'f' do\n  restart 'always'\nend\n`,
      hits: [],
    },
    {
      name: "systemd_restart 'no' without restart, and restart 'no'",
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  image           => 'nginx:1',\n  systemd_restart => 'no',\n}\n` +
        `docker::run { 'b':\n  image   => 'nginx:1',\n  restart => 'no',\n}\n`,
      hits: [
        [3, 3],
        [7, 3],
      ],
    },
    {
      name: "the unit's default on-failure, a Docker policy, running false, defaults elsewhere",
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  image => 'nginx:1',\n}\n` +
        `docker::run { 'b':\n  image   => 'nginx:1',\n  restart => 'always',\n}\n` +
        `docker::run { 'c':\n  systemd_restart => 'no',\n  running         => false,\n}\n` +
        `docker::run { 'd':\n  systemd_restart => 'no',\n  restart         => 'always',\n}\n` +
        `Docker::Run { systemd_restart => 'no' }\n`,
      hits: [],
    },
    {
      name: "Hiera restart 'no'",
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    image: nginx:1\n    restart: 'no'\n  db:\n    image: pg:1\n`,
      hits: [[4, 5]],
    },
  ]);
});
