import { flagBoolean, flagValue } from './flags.js';
import {
  deviceHostPath,
  dockerMemory,
  parseEnvironment,
  parseMountFlag,
  parseVolume,
} from './docker-values.js';
import type { ContainerFacts, Fact, Flag } from './types.js';

export function emptyContainer(): ContainerFacts {
  return {
    privileged: [],
    network: [],
    pid: [],
    ipc: [],
    userns: [],
    uts: [],
    capAdd: [],
    capDrop: [],
    securityOpt: [],
    mounts: [],
    devices: [],
    environment: [],
    ports: [],
    user: [],
    readOnlyRootfs: [],
    restart: { supervisor: 'docker', policy: [], maximumRetryCount: [] },
    healthcheck: [],
    memory: [],
    flags: [],
    flagsUnknown: false,
  };
}

/** A fact with its value mapped; a known value `map` cannot read gives nothing. */
export function mapFact<T, U>(
  fact: Fact<T>,
  map: (value: T) => U | undefined,
): Fact<U> | undefined {
  if (!fact.known) return fact;
  const value = map(fact.value);
  return value === undefined ? undefined : { ...fact, value };
}

export function push<T>(list: Fact<T>[], fact: Fact<T> | undefined): void {
  if (fact) list.push(fact);
}

type ValueFacts =
  | 'network'
  | 'pid'
  | 'ipc'
  | 'userns'
  | 'uts'
  | 'capAdd'
  | 'capDrop'
  | 'securityOpt'
  | 'ports'
  | 'user';

/** Flags whose value is the fact as written. */
const VALUE_FLAG_FACTS: Record<string, ValueFacts> = {
  network: 'network',
  pid: 'pid',
  ipc: 'ipc',
  userns: 'userns',
  uts: 'uts',
  'cap-add': 'capAdd',
  'cap-drop': 'capDrop',
  'security-opt': 'securityOpt',
  publish: 'ports',
  user: 'user',
};

/** Adds what one `docker run` flag says to the container's facts. */
export function addFlag(facts: ContainerFacts, flag: Flag): void {
  facts.flags.push(flag);
  const listed = VALUE_FLAG_FACTS[flag.name];
  if (listed) return push(facts[listed], flagValue(flag));

  const value = flagValue(flag);
  switch (flag.name) {
    case 'privileged':
      return push(facts.privileged, flagBoolean(flag));
    case 'read-only':
      return push(facts.readOnlyRootfs, flagBoolean(flag));
    case 'volume':
      return push(facts.mounts, value && mapFact(value, parseVolume));
    case 'mount':
      return push(facts.mounts, value && mapFact(value, parseMountFlag));
    case 'device':
      return push(facts.devices, value && mapFact(value, deviceHostPath));
    case 'env':
      return push(facts.environment, value && mapFact(value, parseEnvironment));
    case 'memory':
      return push(facts.memory, value && mapFact(value, dockerMemory));
    case 'restart':
      return push(facts.restart.policy, value);
    case 'health-cmd':
      return push(
        facts.healthcheck,
        value && mapFact(value, (command) => ({ command, disabled: false })),
      );
    case 'no-healthcheck': {
      const disabled = flagBoolean(flag);
      return push(
        facts.healthcheck,
        disabled && mapFact(disabled, (on) => (on ? { disabled: true } : undefined)),
      );
    }
  }
}
