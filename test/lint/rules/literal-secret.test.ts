import { describe, expect, it } from 'vitest';

import { isSecretName } from '../../../lint/rules/literal-secret.js';
import { findingsOf, ruleTable } from '../table.js';

describe('literal-secret', () => {
  ruleTable('literal-secret', [
    {
      name: 'env entries with secret names',
      dialect: 'chef',
      code:
        `docker_container 'db' do\n  env ['POSTGRES_USER=app', 'POSTGRES_PASSWORD=hunter2', ` +
        `'GITHUB_TOKEN=ghp_x']\nend\n`,
      hits: [
        [2, 29],
        [2, 58],
      ],
      message: 'has a literal secret value',
    },
    {
      name: 'values from data bags, node attributes and interpolation are not literal',
      dialect: 'chef',
      code:
        `docker_container 'db' do\n  env ["POSTGRES_PASSWORD=#{secret['pw']}", ` +
        `'API_KEY=' + node['k'], data_bag_item('a', 'b')['env']]\nend\n`,
      hits: [],
    },
    {
      name: 'names about secrets rather than secrets, and pass-through names',
      dialect: 'chef',
      code:
        `docker_container 'db' do\n` +
        `  env ['POSTGRES_PASSWORD_FILE=/run/secrets/pg', 'TOKEN_TTL=3600', ` +
        `'DB_PASSWORD', 'PASSWORD=']\nend\n`,
      hits: [],
    },
    {
      name: "the images' switches and limits: yes, true, a minimum length",
      dialect: 'chef',
      code:
        `docker_container 'db' do\n  env ['MYSQL_ALLOW_EMPTY_PASSWORD=yes', ` +
        `'MYSQL_RANDOM_ROOT_PASSWORD=true', 'PASSWORD_MIN=8', 'MYSQL_ROOT_PASSWORD=no-way']\nend\n`,
      hits: [[2, 95]],
    },
    {
      name: 'a literal registry password',
      dialect: 'chef',
      code:
        `docker_registry 'https://registry.example.com' do\n  username 'ci'\n` +
        `  password 'hunter2'\nend\n` +
        `docker_registry 'https://ghcr.io' do\n` +
        `  password data_bag_item('creds', 'ghcr')['token']\nend\n`,
      hits: [[3, 3]],
      message: 'registry password',
    },
    {
      name: 'env and -e',
      dialect: 'puppet',
      code:
        `docker::run { 'app':\n` +
        `  env              => ['DB_PASSWORD=hunter2', "API_TOKEN=\${token}"],\n` +
        `  extra_parameters => '-e SECRET_KEY=abc --env=LOG_LEVEL=debug',\n}\n`,
      hits: [
        [2, 24],
        [3, 24],
      ],
    },
    {
      name: 'registry passwords: literal, Sensitive literal, lookup',
      dialect: 'puppet',
      code:
        `docker::registry { 'a': password => 'x1' }\n` +
        `docker::registry { 'b': password => Sensitive('x2') }\n` +
        `docker::registry { 'c': password => Sensitive(lookup('c')) }\n` +
        `docker::registry { 'd': password => lookup('d') }\n`,
      hits: [
        [1, 25],
        [2, 25],
      ],
    },
    {
      name: 'Hiera literals, eyaml and interpolation',
      dialect: 'hiera',
      code:
        `docker::registries:\n  a:\n    password: hunter2\n  b:\n    password: ENC[PKCS7,MIIB]\n` +
        `  c:\n    password: "%{lookup('c')}"\ndocker::runs:\n  app:\n` +
        `    env:\n      - DB_PASSWORD=x\n`,
      hits: [
        [3, 5],
        [11, 9],
      ],
    },
  ]);

  it('never puts the secret in the message or the fingerprint', async () => {
    const code = `docker::run { 'app':\n  env => ['DB_PASSWORD=Tr0ub4dor'],\n}\n`;
    const [finding] = await findingsOf('literal-secret', 'puppet', code);
    expect(JSON.stringify(finding)).not.toContain('Tr0ub4dor');
  });

  it.each([
    ['DB_PASSWORD', true],
    ['dbPassword', true],
    ['AWS_SECRET_ACCESS_KEY', true],
    ['API_KEY', true],
    ['PRIVATE_KEY', true],
    ['KEY', false],
    ['MONKEY', false],
    ['PWD', false],
    ['PASSWORD_FILE', false],
    ['TOKEN_TTL', false],
    ['SECRET_NAME', false],
    ['PASSENGER_MAX', false],
  ])('%s is a secret name: %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });
});
