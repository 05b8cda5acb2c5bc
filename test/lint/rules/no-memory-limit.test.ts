import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('no-memory-limit', () => {
  ruleTable('no-memory-limit', [
    {
      name: 'a container without memory',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\nend\n`,
      hits: [[1, 1]],
      message: 'no memory',
    },
    {
      name: 'memory 0',
      dialect: 'chef',
      code: `docker_container 'web' do\n  memory 0\nend\n`,
      hits: [[2, 3]],
      message: "memory limit '0' means no limit",
    },
    {
      name: 'action :nothing run by a notification or a subscription in the recipe',
      dialect: 'chef',
      code:
        `docker_image 'nginx' do\n  tag '1.25'\n  notifies :redeploy, 'docker_container[web]'\nend\n` +
        `docker_container 'web' do\n  action :nothing\nend\n` +
        `docker_container 'api' do\n  action :nothing\n  subscribes :run, 'template[/etc/api]'\nend\n`,
      hits: [
        [5, 1],
        [8, 1],
      ],
    },
    {
      name: 'action :nothing never run here, a String action, and edit_resource',
      dialect: 'chef',
      code:
        `docker_container 'idle' do\n  action :nothing\nend\n` +
        `template '/x' do\n  notifies :stop, 'docker_container[idle]'\nend\n` +
        `docker_container 'old' do\n  action 'delete'\nend\n` +
        `edit_resource(:docker_container, 'web') do\n  env ['A=1']\nend\n`,
      hits: [],
    },
    {
      name: 'a limit, a computed one, and a removal',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  memory '512m'\nend\n` +
        `docker_container 'b' do\n  memory node['memory']\nend\n` +
        `docker_container 'c' do\n  action :stop\nend\n`,
      hits: [],
    },
    {
      name: "no memory_limit, and memory_limit '0b', the module's default",
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  image => 'nginx:1',\n}\n` +
        `docker::run { 'b':\n  memory_limit => '0b',\n}\n`,
      hits: [
        [1, 1],
        [5, 3],
      ],
    },
    {
      name: 'memory_limit, --memory and -m, defaults in the file',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  memory_limit => '1g',\n}\n` +
        `docker::run { 'b':\n  extra_parameters => ['--memory=1g'],\n}\n` +
        `docker::run { 'c':\n  extra_parameters => ['-m', '512m'],\n}\n` +
        `Docker::Run { memory_limit => '256m' }\n` +
        `docker::run { 'd':\n  image => 'x:1',\n}\n`,
      hits: [],
    },
    {
      name: 'a computed --memory value, and flags computed at run time',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  extra_parameters => ["--memory=\${mem}"],\n}\n` +
        `docker::run { 'b':\n  extra_parameters => $flags,\n}\n` +
        `docker::run { 'c':\n  extra_parameters => ['--cpus=1', "\${more}"],\n}\n`,
      hits: [],
    },
    {
      name: 'a literal hash given to * => sets what it holds, and only that',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  * => { 'memory_limit' => '1g' },\n}\n` +
        `docker::run { 'b':\n  * => { 'image' => 'nginx:1.25' },\n}\n`,
      hits: [[4, 1]],
    },
    {
      name: 'a memory_limit whose value does not parse is not missing',
      dialect: 'puppet',
      code: `docker::run { 'a':\n  image        => 'nginx:1.25',\n  memory_limit => 10m,\n}\n`,
      hits: [],
    },
    {
      name: 'defaults whose extra_parameters set no limit',
      dialect: 'puppet',
      code:
        `Docker::Run { extra_parameters => ['--cpuset-cpus=0'] }\n` +
        `docker::run { 'a':\n  image => 'nginx:1.25',\n}\n` +
        `docker::run { 'b':\n  extra_parameters => ["--cpuset-cpus \${cpus}"],\n}\n`,
      hits: [
        [2, 1],
        [5, 1],
      ],
    },
    {
      name: 'defaults whose extra_parameters are computed, or hold -m',
      dialect: 'puppet',
      code:
        `Docker::Run { extra_parameters => $site_flags }\n` +
        `docker::run { 'a':\n  image => 'nginx:1.25',\n}\n` +
        `Docker::Run <| tag == 'web' |> { extra_parameters +> ['-m', '1g'] }\n`,
      hits: [],
    },
    {
      name: 'Hiera entries',
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    image: nginx:1\n  db:\n    memory_limit: 1g\n`,
      hits: [[2, 3]],
    },
  ]);
});
