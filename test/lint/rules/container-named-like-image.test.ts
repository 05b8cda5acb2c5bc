import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('container-named-like-image', () => {
  ruleTable('container-named-like-image', [
    {
      name: 'the 2015 syntax: the title is the image',
      dialect: 'chef',
      code: `docker_container 'shrikrishna/code.it' do\n  detach true\nend\n`,
      hits: [[1, 18]],
      message: "name it 'code.it' and set repo 'shrikrishna/code.it'",
    },
    {
      name: 'a tag in the title; repo already set',
      dialect: 'chef',
      code:
        `docker_container 'nginx:1.25' do\n  port '80:80'\nend\n` +
        `docker_container 'org/app' do\n  repo 'org/app'\nend\n`,
      hits: [
        [1, 18],
        [4, 18],
      ],
    },
    {
      name: 'an explicit container_name wins over the title',
      dialect: 'chef',
      code:
        `docker_container 'org/app' do\n  container_name 'app'\nend\n` +
        `docker_container 'x' do\n  container_name 'team/x'\nend\n`,
      hits: [[5, 3]],
    },
    {
      name: 'valid names, and computed ones',
      dialect: 'chef',
      code:
        `docker_container 'code.it' do\n  repo 'shrikrishna/code.it'\nend\n` +
        `docker_container node['name'] do\n  repo 'a/b'\nend\n`,
      hits: [],
    },
    {
      name: 'Puppet sanitises titles itself',
      dialect: 'puppet',
      code: `docker::run { 'org/app':\n  image => 'org/app:1',\n}\n`,
      hits: [],
    },
  ]);
});
