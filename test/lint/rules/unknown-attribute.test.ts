import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('unknown-attribute', () => {
  ruleTable('unknown-attribute', [
    {
      name: 'the docker::services, docker::swarm and docker::secrets defines',
      dialect: 'puppet',
      code:
        `docker::services { 's':\n  image => 'nginx:1.25',\n  replica => 3,\n}\n` +
        `docker::swarm { 'c':\n  init => true,\n}\ndocker::secrets { 'x':\n  path => '/a',\n}\n`,
      hits: [
        [3, 3],
        [9, 3],
      ],
    },
    {
      name: 'the docker::stack define',
      dialect: 'puppet',
      code: `docker::stack { 'web':\n  compose_files => ['/a.yml'],\n  bogus         => 1,\n}\n`,
      hits: [[3, 3]],
    },
    {
      name: 'a misspelt property, with a suggestion',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\n  prot '80:80'\nend\n`,
      hits: [[3, 3]],
      message: 'unknown property "prot" for docker_container; did you mean "port"',
    },
    {
      name: 'aliases, methods, common properties and guards are known',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  image 'nginx:1.25'\n  port '80:80'\n  volume '/a:/b'\n` +
        `  cmd 'nginx'\n  tlsverify true\n  action :run\n  notifies :restart, 'service[x]'\n` +
        `  not_if { false }\n  sensitive true\nend\n`,
      hits: [],
    },
    {
      name: 'a 2015 name is left to deprecated-chef-property: one finding per attribute',
      dialect: 'chef',
      code: `docker_container 'web' do\n  net 'host'\n  init_type 'systemd'\nend\n`,
      hits: [],
    },
    {
      name: 'each resource type has its own properties',
      dialect: 'chef',
      code:
        `docker_image 'nginx' do\n  tag '1.25'\n  image_name 'nginx'\n  privileged true\nend\n` +
        `docker_network 'backend' do\n  aux_address ['a=10.0.0.2']\n  subnett '10.0.0.0/24'\nend\n`,
      hits: [
        [4, 3],
        [8, 3],
      ],
    },
    {
      name: 'resources of other cookbooks are not checked',
      dialect: 'chef',
      code: `my_docker_app 'web' do\n  anything 'goes'\nend\n`,
      hits: [],
    },
    {
      name: 'docker::run parameters and metaparameters',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n  image   => 'nginx',\n  prots   => ['80:80'],\n` +
        `  require => Class['docker'],\n  tag     => 'web',\n  *       => $more,\n}\n`,
      hits: [[3, 3]],
      message: 'unknown parameter "prots" for docker::run; did you mean "ports"',
    },
    {
      name: 'class docker: a removed parameter is left to deprecated-puppet-parameter',
      dialect: 'puppet',
      code:
        `class { '::docker':\n  package_name => 'docker-ce',\n` +
        `  tcp_bnd      => 'tcp://127.0.0.1:2375',\n}\n`,
      hits: [[3, 3]],
      message: 'unknown parameter "tcp_bnd" for class docker',
    },
    {
      name: 'docker_network and docker_volume',
      dialect: 'puppet',
      code:
        `docker_network { 'n':\n  ensure => present,\n  subnets => '10.0.0.0/24',\n}\n` +
        `docker_volume { 'v':\n  ensure => present,\n  opts => ['a=b'],\n}\n`,
      hits: [
        [3, 3],
        [7, 3],
      ],
    },
    {
      name: 'Hiera resource hashes and class parameters',
      dialect: 'hiera',
      code:
        `docker::version: '24.0'\ndocker::tcp_bnd: 'tcp://0.0.0.0:2376'\ndocker::runs:\n  web:\n` +
        `    image: nginx\n    imgae: nginx\nlookup_options:\n  docker::runs:\n    merge: deep\n`,
      hits: [
        [2, 1],
        [6, 5],
      ],
    },
  ]);
});
