import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('sensitive-host-path', () => {
  ruleTable('sensitive-host-path', [
    {
      name: 'root, /proc and /sys',
      dialect: 'chef',
      code:
        `docker_container 'exporter' do\n` +
        `  volumes ['/:/rootfs:ro', '/proc:/host/proc:ro', '/sys/:/host/sys']\n` +
        `end\n`,
      hits: [
        [2, 12],
        [2, 28],
        [2, 51],
      ],
    },
    {
      name: 'read-only or read-write is said',
      dialect: 'chef',
      code: `docker_container 'a' do\n  volumes '/etc:/host/etc'\nend\n`,
      hits: [[2, 3]],
      message: '/etc (read-write)',
    },
    {
      name: 'narrow mounts under /etc and /var are left alone',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  volumes ['/etc/localtime:/etc/localtime:ro', ` +
        `'/etc/nginx/conf.d:/etc/nginx/conf.d', '/var/log/app:/logs', '/dev/log:/dev/log']\nend\n`,
      hits: [],
    },
    {
      name: 'the engine socket is for docker-socket-mount',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n` +
        `  volumes ['/var/run/docker.sock:/var/run/docker.sock']\nend\n`,
      hits: [],
    },
    {
      name: 'paths below /root, /boot, /var/lib/docker, and .. resolved',
      dialect: 'puppet',
      code:
        `docker::run { 'backup':\n  volumes => [\n    '/root/.ssh:/keys:ro',\n` +
        `    '/boot:/boot',\n` +
        `    '/var/lib/docker/volumes:/v',\n    '/srv/../etc:/e',\n  ],\n}\n`,
      hits: [
        [3, 5],
        [4, 5],
        [5, 5],
        [6, 5],
      ],
    },
    {
      name: 'named volumes and anonymous volumes',
      dialect: 'puppet',
      code: `docker::run { 'db':\n  volumes => ['etc:/etc', '/var/lib/postgresql/data'],\n}\n`,
      hits: [],
    },
    {
      name: '-v and --volume= in extra_parameters',
      dialect: 'puppet',
      code:
        `docker::run { 'x':\n` +
        `  extra_parameters => ['-v /dev:/dev', '--volume=/etc/shadow:/shadow:ro'],\n` +
        `}\n`,
      hits: [
        [2, 25],
        [2, 41],
      ],
    },
    {
      name: 'Hiera volumes',
      dialect: 'hiera',
      code: `docker::runs:\n  cadvisor:\n    volumes: ['/sys:/sys:ro', '/var/run:/var/run']\n`,
      hits: [
        [3, 15],
        [3, 31],
      ],
    },
  ]);
});
