import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('invalid-suppression', () => {
  ruleTable('invalid-suppression', [
    {
      name: 'no reason',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n` +
        `  privileged true # berth:disable privileged-container\nend\n`,
      hits: [[2, 19]],
      message: 'needs a reason',
    },
    {
      name: 'an unknown rule id, with a suggestion',
      dialect: 'chef',
      code: `# berth:disable privileged-containr -- CI\ndocker_container 'a' do\nend\n`,
      hits: [[1, 1]],
      message: 'did you mean "privileged-container"',
    },
    {
      name: 'no rule at all',
      dialect: 'chef',
      code: `# berth:disable -- because\ndocker_container 'a' do\nend\n`,
      hits: [[1, 1]],
      message: 'names no rule',
    },
    {
      name: 'an end without a start, and a start never closed',
      dialect: 'chef',
      code:
        `# berth:disable-end\ndocker_container 'a' do\nend\n` +
        `# berth:disable-start privileged-container -- lab hosts\n`,
      hits: [
        [1, 1],
        [4, 1],
      ],
    },
    {
      name: 'well-formed directives',
      dialect: 'chef',
      code:
        `# berth:disable-start privileged-container, host-namespace -- lab hosts\n` +
        `docker_container 'a' do\n` +
        `  privileged true # berth:disable privileged-container -- lab\nend\n` +
        `# berth:disable-end\n`,
      hits: [],
    },
    {
      name: "puppet-lint's form without a reason",
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n` +
        `  privileged => true, # lint:ignore:berth-privileged-container\n}\n`,
      hits: [[2, 23]],
    },
    {
      name: "puppet-lint's own checks and blocks are left to puppet-lint",
      dialect: 'puppet',
      code:
        `# lint:ignore:140chars\n$a = 1\n# lint:endignore\n# lint:endignore\n` +
        `docker::run { 'a': }\n`,
      hits: [],
    },
    {
      name: 'Hiera comments',
      dialect: 'hiera',
      code: `docker::runs:\n  # berth:disable privileged-container\n  a:\n    privileged: true\n`,
      hits: [[2, 3]],
    },
  ]);
});
