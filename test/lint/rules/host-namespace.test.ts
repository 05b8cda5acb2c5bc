import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('host-namespace', () => {
  ruleTable('host-namespace', [
    {
      name: 'network_mode host',
      dialect: 'chef',
      code: `docker_container 'consul' do\n  network_mode 'host'\nend\n`,
      hits: [[2, 3]],
      message: "host's network namespace",
    },
    {
      name: 'pid, ipc, userns and uts modes',
      dialect: 'chef',
      code:
        `docker_container 'agent' do\n  pid_mode 'host'\n  ipc_mode 'host'\n` +
        `  userns_mode 'host'\n  uts_mode 'host'\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
        [5, 3],
      ],
    },
    {
      name: 'bridge, a user network and container: modes',
      dialect: 'chef',
      code:
        `docker_container 'app' do\n  network_mode 'backend'\n  ipc_mode 'shareable'\n` +
        `  pid_mode 'container:db'\nend\n`,
      hits: [],
    },
    {
      name: 'a computed mode',
      dialect: 'chef',
      code: `docker_container 'app' do\n  network_mode node['net']\nend\n`,
      hits: [],
    },
    {
      name: "net => 'host'",
      dialect: 'puppet',
      code: `docker::run { 'consul':\n  image => 'consul:1.17',\n  net   => 'host',\n}\n`,
      hits: [[3, 3]],
    },
    {
      name: 'net as an array names each network',
      dialect: 'puppet',
      code: `docker::run { 'proxy':\n  net => ['frontend', 'host'],\n}\n`,
      hits: [[2, 23]],
    },
    {
      name: '--pid=host, --ipc host and --userns=host in extra_parameters',
      dialect: 'puppet',
      code:
        `docker::run { 'agent':\n` +
        `  extra_parameters => ['--pid=host', '--ipc host', '--userns=host'],\n` +
        `}\n`,
      hits: [
        [2, 25],
        [2, 39],
        [2, 53],
      ],
    },
    {
      name: '--net takes its value from the next item',
      dialect: 'puppet',
      code: `docker::run { 'agent':\n  extra_parameters => ['--net', 'host'],\n}\n`,
      hits: [[2, 25]],
    },
    {
      name: '--net with a value computed at run time',
      dialect: 'puppet',
      code: `docker::run { 'agent':\n  extra_parameters => ['--net', $net],\n}\n`,
      hits: [],
    },
    {
      name: 'net host in Hiera',
      dialect: 'hiera',
      code: `docker::run_instance::instance:\n  exporter:\n    net: host\n`,
      hits: [[3, 5]],
    },
    {
      name: 'a folded extra_parameters string in Hiera',
      dialect: 'hiera',
      code: `docker::runs:\n  exporter:\n    extra_parameters: >\n      --rm\n      --pid=host\n`,
      hits: [[5, 7]],
    },
  ]);
});
