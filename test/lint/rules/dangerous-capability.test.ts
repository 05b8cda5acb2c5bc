import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('dangerous-capability', () => {
  ruleTable('dangerous-capability', [
    {
      name: 'cap_add with SYS_ADMIN and NET_ADMIN',
      dialect: 'chef',
      code: `docker_container 'vpn' do\n  cap_add ['NET_ADMIN', 'SYS_ADMIN']\nend\n`,
      hits: [
        [2, 12],
        [2, 25],
      ],
      message: 'container adds capability',
    },
    {
      name: 'a single string and the CAP_ prefix',
      dialect: 'chef',
      code: `docker_container 'fuse' do\n  cap_add 'cap_sys_admin'\nend\n`,
      hits: [[2, 3]],
      message: 'SYS_ADMIN',
    },
    {
      name: 'harmless capabilities and cap_drop',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  cap_add %w(NET_BIND_SERVICE CHOWN)\n` +
        `  cap_drop ['ALL']\nend\n`,
      hits: [],
    },
    {
      name: 'an item computed at run time',
      dialect: 'chef',
      code: `docker_container 'web' do\n  cap_add [node['cap']]\nend\n`,
      hits: [],
    },
    {
      name: '--cap-add=ALL and --cap-add SYS_PTRACE',
      dialect: 'puppet',
      code:
        `docker::run { 'debug':\n` +
        `  extra_parameters => '--cap-add=ALL --cap-add SYS_PTRACE',\n}\n`,
      hits: [
        [2, 24],
        [2, 38],
      ],
    },
    {
      name: '--cap-drop is not --cap-add',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n` +
        `  extra_parameters => ['--cap-drop=ALL', '--cap-add=NET_BIND_SERVICE'],\n` +
        `}\n`,
      hits: [],
    },
    {
      name: 'interpolated flag',
      dialect: 'puppet',
      code: `docker::run { 'web':\n  extra_parameters => ["--cap-add=\${cap}"],\n}\n`,
      hits: [],
    },
    {
      name: 'in Hiera',
      dialect: 'hiera',
      code: `docker::runs:\n  ntp:\n    extra_parameters:\n      - '--cap-add=SYS_TIME'\n`,
      hits: [[4, 10]],
    },
  ]);
});
