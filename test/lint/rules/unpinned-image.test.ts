import { describe } from 'vitest';

import { ruleTable } from '../table.js';

describe('unpinned-image', () => {
  ruleTable('unpinned-image', [
    {
      name: 'a container without tag runs the cookbook default, latest',
      dialect: 'chef',
      code: `docker_container 'web' do\n  repo 'nginx'\nend\n`,
      hits: [[2, 3]],
      message: "has no tag, and the docker cookbook takes 'latest'",
    },
    {
      name: 'the title is the repository when repo is absent',
      dialect: 'chef',
      code: `docker_container 'nginx' do\n  port '80:80'\nend\n`,
      hits: [[1, 18]],
    },
    {
      name: "tag 'latest', and image 'repo:latest'",
      dialect: 'chef',
      code:
        `docker_image 'redis' do\n  tag 'latest'\nend\n` +
        `docker_container 'cache' do\n  image 'redis:latest'\nend\n`,
      hits: [
        [2, 3],
        [5, 3],
      ],
      message: "tagged 'latest'",
    },
    {
      name: 'the repo defaults to container_name, not the title',
      dialect: 'chef',
      code: `docker_container 'redis' do\n  container_name 'myredis'\nend\n`,
      hits: [[2, 3]],
      message: 'image myredis (container_name, as repo is not set) has no tag',
    },
    {
      name: "tag 'latest' after a computed repo",
      dialect: 'chef',
      code:
        `docker_container 'app' do\n  repo "registry.example.com/#{node['app']}"\n` +
        `  tag 'latest'\nend\n` +
        `docker_image node['app']['image'] do\n  tag 'latest'\nend\n`,
      hits: [
        [3, 3],
        [6, 3],
      ],
      message: "is tagged 'latest', which moves with every push",
    },
    {
      name: "a computed repo with a later image, and a repo naming its own tag (invalid-value's)",
      dialect: 'chef',
      code:
        `docker_container 'app' do\n  repo node['repo']\n  tag 'latest'\n  image node['image']\nend\n` +
        `docker_image 'nginx:1.25' do\n  action :pull\nend\n` +
        `docker_container 'web' do\n  repo 'nginx:1.25'\nend\n`,
      hits: [],
    },
    {
      name: 'a tag, a digest, a computed tag, a build and a removal are fine',
      dialect: 'chef',
      code:
        `docker_container 'a' do\n  repo 'nginx'\n  tag '1.25'\nend\n` +
        `docker_container 'b' do\n  repo 'nginx'\n  tag 'sha256:abc'\nend\n` +
        `docker_container 'c' do\n  repo 'nginx'\n  tag node['tag']\nend\n` +
        `docker_image 'app' do\n  source '/src'\n  action :build\nend\n` +
        `docker_container 'old' do\n  action :delete\nend\n`,
      hits: [],
    },
    {
      name: 'docker::run image without a tag, docker::image without image_tag',
      dialect: 'puppet',
      code:
        `docker::run { 'web':\n  image => 'nginx',\n}\n` +
        `docker::image { 'registry:5000/team/app': }\n`,
      hits: [
        [2, 3],
        [4, 17],
      ],
      message: 'has no tag',
    },
    {
      name: "image_tag 'latest' and ensure => latest",
      dialect: 'puppet',
      code:
        `docker::image { 'redis':\n  image_tag => 'latest',\n}\n` +
        `docker::image { 'nginx':\n  image_tag => '1.25',\n  ensure    => latest,\n}\n`,
      hits: [
        [2, 3],
        [6, 3],
      ],
    },
    {
      name: "image_tag 'latest' after an image, found at image_tag",
      dialect: 'puppet',
      code: `docker::image { 'plex':\n  image     => 'plexinc/pms',\n  image_tag => 'latest',\n}\n`,
      hits: [[3, 3]],
    },
    {
      name: 'a tag, a digest, a variable, a build, an absent image are fine',
      dialect: 'puppet',
      code:
        `docker::run { 'a':\n  image => 'nginx:1.25',\n}\n` +
        `docker::run { 'b':\n  image => 'nginx@sha256:abc',\n}\n` +
        `docker::run { 'c':\n  image => $image,\n}\n` +
        `docker::image { 'app':\n  docker_file => '/src/Dockerfile',\n}\n` +
        `docker::image { 'gone':\n  ensure => absent,\n}\n` +
        `docker::image { 'pg':\n  image_digest => 'sha256:abc',\n}\n`,
      hits: [],
    },
    {
      name: 'Hiera entries',
      dialect: 'hiera',
      code: `docker::runs:\n  web:\n    image: nginx\n  db:\n    image: postgres:16\n`,
      hits: [[3, 5]],
    },
  ]);
});
