import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('deprecated-chef-property', () => {
  ruleTable('deprecated-chef-property', [
    {
      name: '0.x container attributes, with their replacement and release',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  link ['db:db']\n  net 'host'\n  working_directory '/srv'\n` +
        `  publish_exposed_ports true\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
        [5, 3],
      ],
      message: 'was removed from docker_container in the docker cookbook 1.0.0; use',
    },
    {
      name: 'removed with no replacement',
      dialect: 'chef',
      code: `docker_container 'web' do\n  init_type 'systemd'\n  lxc_conf ['x']\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
      ],
      message: 'with no replacement',
    },
    {
      name: '0.x docker_image attributes',
      dialect: 'chef',
      code:
        `docker_image 'app' do\n  cmd_timeout 300\n  repository 'team/app'\n` +
        `  registry 'registry.example.com'\n  tag '1.0'\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
      ],
      message: 'was removed from docker_image in the docker cookbook 1.0.0; use',
    },
    {
      name: 'a removed action written as a String',
      dialect: 'chef',
      code: `docker_image 'i' do\n  tag '1'\n  action %w(pull tag)\nend\n`,
      hits: [[3, 18]],
      message: 'action :tag was removed',
    },
    {
      name: 'image_name on docker_container (2.1.1), still an alias on docker_image',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  image_name 'nginx'\nend\n` +
        `docker_image 'web' do\n  image_name 'nginx'\nend\n`,
      hits: [[2, 3]],
      message: '2.1.1',
    },
    {
      name: "docker_image's :tag and :insert actions",
      dialect: 'chef',
      code:
        `docker_image 'app' do\n  action :tag\nend\n` +
        `docker_image 'app' do\n  action [:pull, :insert]\nend\n`,
      hits: [
        [2, 10],
        [5, 18],
      ],
    },
    {
      name: 'current names and aliases',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  links ['db:db']\n  network_mode 'host'\n  volume '/a:/b'\n` +
        `  restart_policy 'always'\n  action :run\nend\n`,
      hits: [],
    },
    {
      name: 'Puppet parameters are deprecated-puppet-parameter business',
      dialect: 'puppet',
      code: `class { 'docker':\n  package_name => 'docker-ce',\n}\n`,
      hits: [],
    },
  ]);
});
