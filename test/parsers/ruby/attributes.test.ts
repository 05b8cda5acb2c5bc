import { describe, expect, it } from 'vitest';
import { at, parseRecipe, plain, type Plain } from './helpers.js';

interface Expected {
  name: string;
  args: Plain[];
  nameAt: string;
  at: string;
  conditional?: true;
}

/** Each body goes inside `docker_container 'web' do` on line 1, so it starts on line 2. */
const cases: { name: string; body: string; expected: Expected[] }[] = [
  {
    name: 'a string property',
    body: "  repo 'nginx'",
    expected: [{ name: 'repo', args: ['nginx'], nameAt: '2:3-2:7', at: '2:3-2:15' }],
  },
  {
    name: 'a node attribute',
    body: "  tag node['a']['tag']",
    expected: [
      {
        name: 'tag',
        args: [{ unknown: 'reference', text: "node['a']['tag']" }],
        nameAt: '2:3-2:6',
        at: '2:3-2:23',
      },
    ],
  },
  {
    name: 'an array of strings',
    body: "  port ['80:80', '443:443']",
    expected: [{ name: 'port', args: [['80:80', '443:443']], nameAt: '2:3-2:7', at: '2:3-2:28' }],
  },
  {
    name: 'an array of symbols',
    body: '  action [:create, :start]',
    expected: [
      {
        name: 'action',
        args: [[{ symbol: 'create' }, { symbol: 'start' }]],
        nameAt: '2:3-2:9',
        at: '2:3-2:27',
      },
    ],
  },
  {
    name: 'a notification with all its arguments',
    body: "  notifies :redeploy, 'docker_container[web]', :immediately",
    expected: [
      {
        name: 'notifies',
        args: [{ symbol: 'redeploy' }, 'docker_container[web]', { symbol: 'immediately' }],
        nameAt: '2:3-2:11',
        at: '2:3-2:60',
      },
    ],
  },
  {
    name: 'a guard with a block',
    body: "  only_if { ::File.exist?('/x') }",
    expected: [
      {
        name: 'only_if',
        args: [{ unknown: 'expression', text: "{ ::File.exist?('/x') }" }],
        nameAt: '2:3-2:10',
        at: '2:3-2:34',
      },
    ],
  },
  {
    name: 'a guard with a command and trailing options',
    body: "  not_if 'test -f /x', timeout: 30",
    expected: [
      {
        name: 'not_if',
        args: ['test -f /x', { hash: [[{ symbol: 'timeout' }, 30]] }],
        nameAt: '2:3-2:9',
        at: '2:3-2:35',
      },
    ],
  },
  {
    name: 'a boolean and a lazy value',
    body: "  sensitive true\n  tag lazy { node['x'] }",
    expected: [
      { name: 'sensitive', args: [true], nameAt: '2:3-2:12', at: '2:3-2:17' },
      {
        name: 'tag',
        args: [{ unknown: 'call', text: "lazy { node['x'] }" }],
        nameAt: '3:3-3:6',
        at: '3:3-3:25',
      },
    ],
  },
  {
    name: 'assignments and bare names are not properties',
    body: "  self.repo = 'x'\n  image = 'y'\n  detach\n  repo image",
    expected: [
      {
        name: 'repo',
        args: [{ unknown: 'variable', text: 'image' }],
        nameAt: '5:3-5:7',
        at: '5:3-5:13',
      },
    ],
  },
  {
    name: 'inside if, with the condition left out',
    body: "  if platform?('ubuntu')\n    port '80:80'\n  end",
    expected: [
      { name: 'port', args: ['80:80'], nameAt: '3:5-3:9', at: '3:5-3:17', conditional: true },
    ],
  },
  {
    name: 'under a modifier',
    body: "  port '80:80' if node['public']",
    expected: [
      { name: 'port', args: ['80:80'], nameAt: '2:3-2:7', at: '2:3-2:15', conditional: true },
    ],
  },
  {
    name: 'in each branch of a case',
    body: "  case y\n  when 'a' then env 'A=1'\n  else env 'A=2'\n  end",
    expected: [
      { name: 'env', args: ['A=1'], nameAt: '3:17-3:20', at: '3:17-3:26', conditional: true },
      { name: 'env', args: ['A=2'], nameAt: '4:8-4:11', at: '4:8-4:17', conditional: true },
    ],
  },
  {
    name: 'in a loop over a literal',
    body: '  %w(A B).each { |k| env "#{k}=1" }',
    expected: [
      {
        name: 'env',
        args: [{ unknown: 'interpolation', text: '"#{k}=1"' }],
        nameAt: '2:22-2:25',
        at: '2:22-2:34',
        conditional: true,
      },
    ],
  },
  {
    name: 'unless, whose condition is itself a call',
    body: "  unless foo 'bar'\n    tag 'x'\n  end",
    expected: [{ name: 'tag', args: ['x'], nameAt: '3:5-3:8', at: '3:5-3:12', conditional: true }],
  },
  {
    name: 'begin runs, rescue may',
    body: "  begin\n    repo 'a'\n  rescue StandardError\n    repo 'b'\n  end",
    expected: [
      { name: 'repo', args: ['a'], nameAt: '3:5-3:9', at: '3:5-3:13' },
      { name: 'repo', args: ['b'], nameAt: '5:5-5:9', at: '5:5-5:13', conditional: true },
    ],
  },
  {
    name: 'in a ternary and after a short-circuit operator',
    body: "  x ? repo('a') : repo('b')\n  debug && env('DEBUG=1')",
    expected: [
      { name: 'repo', args: ['a'], nameAt: '2:7-2:11', at: '2:7-2:16', conditional: true },
      { name: 'repo', args: ['b'], nameAt: '2:19-2:23', at: '2:19-2:28', conditional: true },
      { name: 'env', args: ['DEBUG=1'], nameAt: '3:12-3:15', at: '3:12-3:26', conditional: true },
    ],
  },
  {
    name: 'keyword and rocket pairs in one hash argument',
    body: "  variables(port: 80, 'name' => 'x')",
    expected: [
      {
        name: 'variables',
        args: [
          {
            hash: [
              [{ symbol: 'port' }, 80],
              ['name', 'x'],
            ],
          },
        ],
        nameAt: '2:3-2:12',
        at: '2:3-2:37',
      },
    ],
  },
  {
    name: 'a block property keeps its arguments and adds the block',
    body: "  block('x') do\n    run\n  end",
    expected: [
      {
        name: 'block',
        args: ['x', { unknown: 'expression', text: 'do\n    run\n  end' }],
        nameAt: '2:3-2:8',
        at: '2:3-4:6',
      },
    ],
  },
];

describe('Ruby parser: property calls in a resource body', () => {
  it.each(cases)('$name', async ({ body, expected }) => {
    const result = await parseRecipe(`docker_container 'web' do\n${body}\nend\n`);

    expect(result.problems).toEqual([]);
    expect(result.resources).toHaveLength(1);
    const attributes = result.resources[0]?.attributes.map((attribute) => ({
      name: attribute.name,
      args: attribute.arguments.map(plain),
      nameAt: at(attribute.nameSpan),
      at: at(attribute.span),
      ...(attribute.conditional ? { conditional: attribute.conditional } : {}),
    }));
    expect(attributes).toEqual(expected);
  });

  it('gives the first argument as the value', async () => {
    const result = await parseRecipe("docker_image 'x' do\n  notifies :pull, 'y'\nend\n");

    const [notifies] = result.resources[0]?.attributes ?? [];
    expect(notifies?.value).toEqual(notifies?.arguments[0]);
    expect(plain(notifies!.value)).toEqual({ symbol: 'pull' });
  });
});
