import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('privileged-container', () => {
  ruleTable('privileged-container', [
    {
      name: 'privileged true',
      dialect: 'chef',
      code: `docker_container 'runner' do\n  repo 'gitlab/gitlab-runner'\n  privileged true\nend\n`,
      hits: [[3, 3]],
      message: 'runs privileged',
    },
    {
      name: 'privileged false',
      dialect: 'chef',
      code: `docker_container 'web' do\n  privileged false\nend\n`,
      hits: [],
    },
    {
      name: 'privileged from a node attribute is not guessed',
      dialect: 'chef',
      code: `docker_container 'web' do\n  privileged node['web']['privileged']\nend\n`,
      hits: [],
    },
    {
      name: 'inside a conditional still counts',
      dialect: 'chef',
      code: `docker_container 'web' do\n  if node['ci']\n    privileged true\n  end\nend\n`,
      hits: [[3, 5]],
    },
    {
      name: 'declare_resource form',
      dialect: 'chef',
      code: `declare_resource(:docker_container, 'web') do\n  privileged true\nend\n`,
      hits: [[2, 3]],
    },
    {
      name: 'other resource types are not containers',
      dialect: 'chef',
      code: `my_container 'web' do\n  privileged true\nend\n`,
      hits: [],
    },
    {
      name: 'privileged => true',
      dialect: 'puppet',
      code:
        `docker::run { 'runner':\n  image      => 'gitlab/gitlab-runner',\n` +
        `  privileged => true,\n}\n`,
      hits: [[3, 3]],
    },
    {
      name: '--privileged in extra_parameters',
      dialect: 'puppet',
      code: `docker::run { 'dind':\n  extra_parameters => ['--rm', '--privileged'],\n}\n`,
      hits: [[2, 33]],
    },
    {
      name: '--privileged=false',
      dialect: 'puppet',
      code: `docker::run { 'x':\n  extra_parameters => '--privileged=false',\n}\n`,
      hits: [],
    },
    {
      name: 'a variable is unknown',
      dialect: 'puppet',
      code: `docker::run { 'x':\n  privileged => $privileged,\n}\n`,
      hits: [],
    },
    {
      name: 'resource defaults',
      dialect: 'puppet',
      code: `Docker::Run {\n  privileged => true,\n}\n`,
      hits: [[2, 3]],
    },
    {
      name: 'an unrelated define with the same parameter',
      dialect: 'puppet',
      code: `site::app { 'x':\n  privileged => true,\n}\n`,
      hits: [],
    },
    {
      name: 'a container only deleted or stopped, or ensured absent, whose settings do nothing',
      dialect: 'chef',
      code:
        `docker_container 'old' do\n  privileged true\n  action [:stop, :delete]\nend\n` +
        `docker_container 'idle' do\n  privileged true\n  action :nothing\nend\n`,
      hits: [[6, 3]],
    },
    {
      name: 'ensure => absent, and a default that reaches every container',
      dialect: 'puppet',
      code:
        `docker::run { 'old':\n  ensure     => absent,\n  privileged => true,\n}\n` +
        `Docker::Run { privileged => true }\n`,
      hits: [[5, 15]],
    },
    {
      name: 'a literal hash given to * =>, read at its keys',
      dialect: 'puppet',
      code:
        `docker::run { 'd':\n  image => 'x:1',\n  * => { 'privileged' => true },\n}\n` +
        `docker::run { 'e':\n  * => $options,\n}\n`,
      hits: [[3, 10]],
    },
    {
      name: 'docker::runs entry',
      dialect: 'hiera',
      code: `docker::runs:\n  dind:\n    image: docker:24-dind\n    privileged: true\n`,
      hits: [[4, 5]],
    },
    {
      name: "yes and On, which Hiera's YAML reads as true, and a merge key",
      dialect: 'hiera',
      code:
        `base: &base\n  privileged: On\ndocker::runs:\n  a:\n    privileged: yes\n` +
        `  b:\n    <<: *base\n    image: nginx:1.25\n  c:\n    <<: *base\n    privileged: no\n`,
      hits: [
        [5, 5],
        [7, 9],
      ],
    },
    {
      name: 'in a file with tags Hiera accepts, and a second document, which Hiera leaves',
      dialect: 'hiera',
      code:
        `key: !!binary aGVsbG8=\nsym: !ruby/sym foo\ndocker::runs:\n  web:\n` +
        `    image: !custom nginx\n    privileged: true\n---\ndocker::runs:\n  b:\n` +
        `    privileged: true\n`,
      hits: [[6, 5]],
    },
    {
      name: 'after a duplicate key, with the last of its values',
      dialect: 'hiera',
      code:
        `docker::runs:\n  web:\n    privileged: true\n    image: nginx:1.25\n` +
        `    privileged: false\n  dind:\n    privileged: false\n    privileged: true\n`,
      hits: [[8, 5]],
    },
    {
      name: 'the string "true" is not the boolean',
      dialect: 'hiera',
      code: `docker::runs:\n  dind:\n    privileged: 'true'\n`,
      hits: [],
    },
  ]);
});
