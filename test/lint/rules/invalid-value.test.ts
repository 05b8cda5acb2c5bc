import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('invalid-value', () => {
  ruleTable('invalid-value', [
    {
      name: 'an Integer port, item by item',
      dialect: 'chef',
      code: `docker_container 'web' do\n  port [80, '443:443']\nend\n`,
      hits: [[2, 9]],
      message: 'port takes Strings',
    },
    {
      name: 'env as a Hash, dns and dns_search as Strings',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  env('A' => '1')\n  dns '8.8.8.8'\n` +
        `  dnssearch 'example.com'\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
      ],
    },
    {
      name: 'a String for a Boolean, a Symbol for a String',
      dialect: 'chef',
      code: `docker_container 'web' do\n  privileged 'true'\n  network_mode :host\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
      ],
    },
    {
      name: 'restart_policy and log_driver outside their lists',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  restart_policy 'on-failure:5'\n` +
        `  log_driver 'json'\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
      ],
    },
    {
      name: "sizes the cookbook misreads: '1.5g' and '64mb'",
      dialect: 'chef',
      code: `docker_container 'web' do\n  memory '1.5g'\n  shm_size '64mb'\nend\n`,
      hits: [
        [2, 3],
        [3, 3],
      ],
      message: 'is read by the docker cookbook as',
    },
    {
      name: "a size read with its sign: '-2m' is -2 bytes",
      dialect: 'chef',
      code: `docker_container 'web' do\n  memory_swap '-2m'\nend\n`,
      hits: [[2, 3]],
      message: "memory_swap '-2m' is read by the docker cookbook as -2 bytes",
    },
    {
      name: "memory_swap '-1', unlimited swap, as a String and an Integer",
      dialect: 'chef',
      code: `docker_container 'web' do\n  memory_swap '-1'\n  kernel_memory -1\nend\n`,
      hits: [],
    },
    {
      name: 'values outside the lists of docker_service, the installation script, a swarm token',
      dialect: 'chef',
      code:
        `docker_service 'default' do\n  install_method 'binary'\n  service_manager 'upstart'\n` +
        `  log_level 'warning'\nend\n` +
        `docker_installation_script 'default' do\n  repo 'main'\nend\n` +
        `docker_swarm_token 'admin'\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
        [7, 3],
        [9, 20],
      ],
      message: 'is refused by the docker cookbook: use one of',
    },
    {
      name: 'values in those lists, computed ones, and a swarm token titled by its type',
      dialect: 'chef',
      code:
        `docker_service 'default' do\n  install_method 'package'\n  service_manager 'systemd'\n` +
        `  log_level node['level']\nend\n` +
        `docker_swarm_token 'worker'\n` +
        `docker_swarm_token 'mine' do\n  token_type 'manager'\nend\n`,
      hits: [],
    },
    {
      name: 'actions the resource does not have, with a likely one',
      dialect: 'chef',
      code:
        `docker_image 'app' do\n  tag '1.0'\n  action :commit\nend\n` +
        `docker_service 'default' do\n  action [:create, :enable]\nend\n` +
        `docker_container 'web' do\n  action :redploy\nend\n`,
      hits: [
        [3, 10],
        [6, 20],
        [9, 10],
      ],
    },
    {
      name: 'actions written as Strings, which Chef turns into Symbols',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  action ['redploy']\nend\n` +
        `docker_image 'i' do\n  tag '1'\n  action %w(pull tag)\nend\n`,
      hits: [[2, 11]],
      message: 'did you mean :redeploy',
    },
    {
      name: "nothing, every resource's own actions, a computed one and a removed one",
      dialect: 'chef',
      code:
        `docker_image 'app' do\n  tag '1.0'\n  action :nothing\nend\n` +
        `docker_network 'net' do\n  action [:create, :connect]\nend\n` +
        `docker_container 'web' do\n  action node['action']\nend\n` +
        `docker_image 'old' do\n  tag '1.0'\n  action :tag\nend\n`,
      hits: [],
    },
    {
      name: 'a repo or an image title that names a tag or a digest',
      dialect: 'chef',
      code:
        `docker_image 'dockerfile/ghost:latest' do\n  action :pull\nend\n` +
        `docker_container 'web' do\n  repo 'nginx:1.25'\n  tag '1.25'\nend\n` +
        `docker_image 'alpine' do\n  repo 'alpine@sha256:abc'\nend\n`,
      hits: [
        [1, 14],
        [5, 3],
        [9, 3],
      ],
      message: 'which the docker cookbook does not split',
    },
    {
      name: 'a registry port, the container image method, and a later image after repo',
      dialect: 'chef',
      code:
        `docker_image 'localhost:5000/app' do\n  tag '1.0'\nend\n` +
        `docker_container 'web' do\n  image 'nginx:1.25'\nend\n` +
        `docker_container 'api' do\n  repo 'api:1'\n  image 'api:1.2'\nend\n`,
      hits: [],
    },
    {
      name: 'autoremove with a policy, attach with the default detach, hostname on host',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  restart_policy 'always'\n  autoremove true\n` +
        `  attach_stdout true\n  network_mode 'host'\n  hostname 'web'\nend\n`,
      hits: [
        [3, 3],
        [4, 3],
        [6, 3],
      ],
    },
    {
      name: 'valid values, and computed ones',
      dialect: 'chef',
      code:
        `docker_container 'web' do\n  port ['80:80']\n  env ['A=1']\n  dns ['8.8.8.8']\n` +
        `  memory '512m'\n  memory_swap 1_073_741_824\n  restart_policy 'on-failure'\n` +
        `  log_driver 'journald'\n  cpus 1.5\n  detach false\n  attach_stdout true\n` +
        `  privileged node['privileged']\n  restart_policy node['policy']\nend\n`,
      hits: [],
    },
    {
      name: 'ensure running, restart, memory_limit, systemd_restart and Integer parameters',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n  ensure                => running,\n` +
        `  restart               => 'sometimes',\n  memory_limit          => '1G',\n` +
        `  systemd_restart       => 'on-crash',\n  stop_wait_time        => '10',\n` +
        `  health_check_interval => '30s',\n}\n`,
      hits: [
        [2, 3],
        [3, 3],
        [4, 3],
        [5, 3],
        [6, 3],
        [7, 3],
      ],
    },
    {
      name: 'docker::services takes replicas as a String, docker::swarm init as a Boolean',
      dialect: 'puppet',
      code:
        `docker::services { 's':\n  replicas => 3,\n}\n` +
        `docker::swarm { 'c':\n  init => 'yes',\n}\n`,
      hits: [
        [2, 3],
        [5, 3],
      ],
    },
    {
      name: 'read-only properties of the native types',
      dialect: 'puppet',
      code:
        `docker_volume { 'data':\n  mountpoint => '/srv/data',\n}\n` +
        `docker_network { 'net':\n  id => $id,\n}\n`,
      hits: [
        [2, 3],
        [5, 3],
      ],
      message: 'is read-only, set by Docker: the agent fails to apply it',
    },
    {
      name: 'a native type, which validates on the agent rather than when compiling',
      dialect: 'puppet',
      code: `docker_compose { 'app':\n  compose_files => '/a.yml',\n}\n`,
      hits: [[2, 3]],
      message: 'compose_files takes Array, not a String: the agent fails to apply it',
    },
    {
      name: "restart accepted by the module's pattern but not by Docker",
      dialect: 'puppet',
      code: `docker::run { 'web':\n  restart => 'nope',\n}\n`,
      hits: [[2, 3]],
      message: 'Docker refuses it',
    },
    {
      name: 'docker::image with two sources, volumes removed without their container',
      dialect: 'puppet',
      code:
        `docker::image { 'app':\n  image_digest => 'sha256:abc',\n  docker_dir   => '/src',\n}\n` +
        `docker::run { 'db':\n  remove_volume_on_stop    => true,\n` +
        `  remove_container_on_stop => false,\n}\n`,
      hits: [
        [3, 3],
        [6, 3],
      ],
    },
    {
      name: 'valid values, undef, variables and class docker',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n  ensure         => present,\n  restart        => 'on-failure:3',\n` +
        `  memory_limit   => '512m',\n  stop_wait_time => 10,\n  privileged     => $priv,\n` +
        `  detach         => undef,\n  ports          => '80:80',\n}\n` +
        `class { 'docker': log_driver => 42 }\n`,
      hits: [],
    },
    {
      name: "Hiera: the strings 'true' and y for a Boolean",
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    privileged: 'true'\n    read_only: y\n    detach: off\n`,
      hits: [
        [3, 5],
        [4, 5],
      ],
    },
    {
      name: "Hiera: types, and yes for a Boolean as Hiera's YAML reads it",
      dialect: 'hiera',
      code:
        `docker::runs:\n  web:\n    stop_wait_time: '10'\n    privileged: yes\n` +
        `    read_only: 'sure'\n`,
      hits: [
        [3, 5],
        [5, 5],
      ],
    },
  ]);
});
