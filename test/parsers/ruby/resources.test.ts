import { describe, expect, it } from 'vitest';
import { at, parseRecipe, plain, type Plain } from './helpers.js';

interface Expected {
  type: string;
  title: Plain;
  typeAt: string;
  at: string;
  attributes: string[];
}

const cases: { name: string; recipe: string; expected: Expected[] }[] = [
  {
    name: 'a do...end block at top level',
    recipe: "docker_container 'web' do\n  repo 'nginx'\nend\n",
    expected: [
      {
        type: 'docker_container',
        title: 'web',
        typeAt: '1:1-1:17',
        at: '1:1-3:4',
        attributes: ['repo'],
      },
    ],
  },
  {
    name: 'a brace block after parentheses',
    recipe: "docker_image('nginx') { tag '1.25' }\n",
    expected: [
      {
        type: 'docker_image',
        title: 'nginx',
        typeAt: '1:1-1:13',
        at: '1:1-1:37',
        attributes: ['tag'],
      },
    ],
  },
  {
    name: 'a docker resource without a block',
    recipe: "docker_image 'nginx'\n",
    expected: [
      { type: 'docker_image', title: 'nginx', typeAt: '1:1-1:13', at: '1:1-1:21', attributes: [] },
    ],
  },
  {
    name: 'another call without a block is not a resource',
    recipe: "package 'curl'\ninclude_recipe 'docker::default'\n",
    expected: [],
  },
  {
    name: "not a call given as an argument, such as InSpec's describe docker_container('web')",
    recipe: [
      "describe docker_container('web') do",
      '  it { should be_running }',
      "  its('repo') { should eq 'nginx' }",
      'end',
      "puts(docker_image('y'))",
      "foo(docker_volume('v') do",
      "  docker_network 'n'",
      'end)',
      "built = docker_image 'z'",
    ].join('\n'),
    expected: [
      { type: 'docker_network', title: 'n', typeAt: '7:3-7:17', at: '7:3-7:21', attributes: [] },
      { type: 'docker_image', title: 'z', typeAt: '9:9-9:21', at: '9:9-9:25', attributes: [] },
    ],
  },
  {
    name: 'inside if, unless and case',
    recipe: [
      "if node['docker']['enabled']",
      "  docker_image 'a'",
      'end',
      "unless platform?('windows')",
      "  template '/etc/x' do",
      "    source 'x.erb'",
      '  end',
      'end',
      "case node['platform']",
      "when 'ubuntu' then docker_image 'b'",
      'else',
      "  docker_image 'c'",
      'end',
    ].join('\n'),
    expected: [
      { type: 'docker_image', title: 'a', typeAt: '2:3-2:15', at: '2:3-2:19', attributes: [] },
      {
        type: 'template',
        title: '/etc/x',
        typeAt: '5:3-5:11',
        at: '5:3-7:6',
        attributes: ['source'],
      },
      {
        type: 'docker_image',
        title: 'b',
        typeAt: '10:20-10:32',
        at: '10:20-10:36',
        attributes: [],
      },
      { type: 'docker_image', title: 'c', typeAt: '12:3-12:15', at: '12:3-12:19', attributes: [] },
    ],
  },
  {
    name: 'inside a loop, with a computed title',
    recipe: [
      '%w(a b).each do |n|',
      '  docker_container n do',
      '    action [:create, :start]',
      '  end',
      'end',
    ].join('\n'),
    expected: [
      {
        type: 'docker_container',
        title: { unknown: 'variable', text: 'n' },
        typeAt: '2:3-2:19',
        at: '2:3-4:6',
        attributes: ['action'],
      },
    ],
  },
  {
    name: 'inside begin, in a node attribute loop, with an interpolated title',
    recipe: [
      'begin',
      "  node['apps'].each do |name, app|",
      '    docker_container "app-#{name}" do',
      "      repo app['image']",
      '    end',
      '  end',
      'rescue StandardError',
      "  log 'failed'",
      'end',
    ].join('\n'),
    expected: [
      {
        type: 'docker_container',
        title: { unknown: 'interpolation', text: '"app-#{name}"' },
        typeAt: '3:5-3:21',
        at: '3:5-5:8',
        attributes: ['repo'],
      },
    ],
  },
  {
    name: 'not inside the block of another resource such as ruby_block',
    recipe: [
      "ruby_block 'restart' do",
      '  block do',
      "    docker_container 'web' do",
      '      action :restart',
      '    end',
      '  end',
      'end',
    ].join('\n'),
    expected: [
      {
        type: 'ruby_block',
        title: 'restart',
        typeAt: '1:1-1:11',
        at: '1:1-7:4',
        attributes: ['block'],
      },
    ],
  },
  {
    name: 'inside a custom resource action, whose name is a symbol',
    recipe: 'action :create do\n  docker_image new_resource.image\nend\n',
    expected: [
      {
        type: 'docker_image',
        title: { unknown: 'call', text: 'new_resource.image' },
        typeAt: '2:3-2:15',
        at: '2:3-2:34',
        attributes: [],
      },
    ],
  },
  {
    name: 'declare_resource names the type with a symbol',
    recipe: "declare_resource(:docker_container, 'web') do\n  repo 'x'\nend\n",
    expected: [
      {
        type: 'docker_container',
        title: 'web',
        typeAt: '1:18-1:35',
        at: '1:1-3:4',
        attributes: ['repo'],
      },
    ],
  },
  {
    name: 'under a modifier if, and as the receiver of run_action',
    recipe: "docker_image 'x' if node['pull']\ndocker_image('y').run_action(:pull)\n",
    expected: [
      { type: 'docker_image', title: 'x', typeAt: '1:1-1:13', at: '1:1-1:17', attributes: [] },
      { type: 'docker_image', title: 'y', typeAt: '2:1-2:13', at: '2:1-2:18', attributes: [] },
    ],
  },
  {
    name: 'in a method definition, but not in a class body',
    recipe: [
      'def app_container(name)',
      '  docker_container name do',
      "    repo 'x'",
      '  end',
      'end',
      'class Helper',
      '  def self.pull',
      "    docker_image 'inside'",
      '  end',
      'end',
    ].join('\n'),
    expected: [
      {
        type: 'docker_container',
        title: { unknown: 'variable', text: 'name' },
        typeAt: '2:3-2:19',
        at: '2:3-4:6',
        attributes: ['repo'],
      },
    ],
  },
  {
    name: 'helpers with blocks are not resources, but what they contain is searched',
    recipe: [
      "converge_by 'pull' do",
      '  puts 1',
      'end',
      "search(:node, 'role:web').each do |n|",
      "  docker_image n['image']",
      'end',
      'with_run_context :root do',
      "  docker_network 'backend'",
      'end',
    ].join('\n'),
    expected: [
      {
        type: 'docker_image',
        title: { unknown: 'reference', text: "n['image']" },
        typeAt: '5:3-5:15',
        at: '5:3-5:26',
        attributes: [],
      },
      {
        type: 'docker_network',
        title: 'backend',
        typeAt: '8:3-8:17',
        at: '8:3-8:27',
        attributes: [],
      },
    ],
  },
  {
    name: 'an array title',
    recipe: 'package %w(curl git) do\n  action :install\nend\n',
    expected: [
      {
        type: 'package',
        title: ['curl', 'git'],
        typeAt: '1:1-1:8',
        at: '1:1-3:4',
        attributes: ['action'],
      },
    ],
  },
];

describe('Ruby parser: where resources are found', () => {
  it.each(cases)('$name', async ({ recipe, expected }) => {
    const result = await parseRecipe(recipe);

    expect(result.problems).toEqual([]);
    const found = result.resources.map((resource) => ({
      type: resource.type,
      title: plain(resource.title),
      typeAt: at(resource.typeSpan),
      at: at(resource.span),
      attributes: resource.attributes.map((attribute) => attribute.name),
    }));
    expect(found).toEqual(expected);
    for (const resource of result.resources) expect(resource.dialect).toBe('chef');
  });
});
