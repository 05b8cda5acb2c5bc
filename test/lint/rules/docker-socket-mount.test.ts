import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('docker-socket-mount', () => {
  ruleTable('docker-socket-mount', [
    {
      name: 'volumes',
      dialect: 'chef',
      code:
        `docker_container 'runner' do\n  volumes ['/srv/runner:/etc/gitlab-runner', ` +
        `'/var/run/docker.sock:/var/run/docker.sock']\nend\n`,
      hits: [[2, 46]],
      message: '/var/run/docker.sock',
    },
    {
      name: 'the 2015 volume alias and binds, read-only does not help',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  volume '/run/docker.sock:/var/run/docker.sock:ro'\nend\n` +
        `docker_container 'b' do\n  binds ['//var/run//docker.sock:/docker.sock']\nend\n`,
      hits: [
        [2, 3],
        [5, 10],
      ],
    },
    {
      name: 'a named volume and a socket path only inside the container',
      dialect: 'chef',
      code: `docker_container 'a' do\n  volumes ['docker.sock:/var/run/docker.sock']\nend\n`,
      hits: [],
    },
    {
      name: 'volumes and -v',
      dialect: 'puppet',
      code:
        `docker::run { 'agent':\n` +
        `  volumes          => '/var/run/docker.sock:/var/run/docker.sock',\n` +
        `  extra_parameters => '-v /run/docker.sock:/sock',\n}\n`,
      hits: [
        [2, 3],
        [3, 24],
      ],
    },
    {
      name: '--mount type=bind',
      dialect: 'puppet',
      code:
        `docker::run { 'agent':\n  extra_parameters => ['--mount', ` +
        `'type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock'],\n}\n`,
      hits: [[2, 25]],
    },
    {
      name: '--mount of a volume',
      dialect: 'puppet',
      code:
        `docker::run { 'agent':\n` +
        `  extra_parameters => ['--mount source=sock,target=/var/run/docker.sock'],\n` +
        `}\n`,
      hits: [],
    },
    {
      name: 'a variable volume list',
      dialect: 'puppet',
      code: `docker::run { 'agent':\n  volumes => $volumes,\n}\n`,
      hits: [],
    },
    {
      name: 'Hiera run instance',
      dialect: 'hiera',
      code:
        `docker::run_instance::instance:\n  runner:\n    volumes:\n` +
        `      - /var/run/docker.sock:/var/run/docker.sock\n`,
      hits: [[4, 9]],
    },
  ]);
});
