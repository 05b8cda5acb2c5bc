/**
 * The parameters of puppetlabs-docker 10.x's `docker::run`, with the shape of value each
 * accepts. `x-puppet` keys are checked against this list, so that a misspelt or mistyped key
 * is reported here rather than as a compile failure on every node.
 */
export type ValueKind = 'string' | 'boolean' | 'integer' | 'array' | 'hash' | 'undef';

export const runParameters: Record<string, readonly ValueKind[]> = {
  image: ['string', 'undef'],
  ensure: ['string'],
  verify_digest: ['string', 'undef'],
  command: ['string', 'undef'],
  memory_limit: ['string'],
  cpuset: ['string', 'array', 'undef'],
  ports: ['string', 'array', 'undef'],
  labels: ['string', 'array', 'undef'],
  expose: ['string', 'array', 'undef'],
  volumes: ['string', 'array', 'undef'],
  links: ['string', 'array', 'undef'],
  use_name: ['boolean'],
  running: ['boolean'],
  volumes_from: ['string', 'array'],
  net: ['string', 'array', 'undef'],
  username: ['string', 'boolean'],
  hostname: ['string', 'boolean'],
  env: ['string', 'array'],
  env_file: ['string', 'array'],
  dns: ['string', 'array'],
  dns_search: ['string', 'array'],
  lxc_conf: ['string', 'array'],
  service_prefix: ['string'],
  service_provider: ['string', 'undef'],
  restart_service: ['boolean'],
  restart_service_on_docker_refresh: ['boolean'],
  manage_service: ['boolean'],
  docker_service: ['string', 'boolean'],
  disable_network: ['boolean'],
  privileged: ['boolean'],
  detach: ['boolean', 'undef'],
  extra_parameters: ['string', 'array', 'undef'],
  systemd_restart: ['string'],
  extra_systemd_parameters: ['string', 'hash'],
  pull_on_start: ['boolean'],
  after: ['string', 'array'],
  after_service: ['string', 'array'],
  depends: ['string', 'array'],
  depend_services: ['string', 'array'],
  tty: ['boolean'],
  socket_connect: ['string', 'array'],
  hostentries: ['string', 'array'],
  restart: ['string', 'undef'],
  before_start: ['string', 'boolean'],
  before_stop: ['string', 'boolean'],
  after_start: ['string', 'boolean'],
  after_stop: ['string', 'boolean'],
  after_create: ['string', 'undef'],
  remove_container_on_start: ['boolean'],
  remove_container_on_stop: ['boolean'],
  remove_volume_on_start: ['boolean'],
  remove_volume_on_stop: ['boolean'],
  stop_wait_time: ['integer'],
  syslog_identifier: ['string', 'undef'],
  syslog_facility: ['string', 'undef'],
  read_only: ['boolean'],
  health_check_cmd: ['string', 'undef'],
  restart_on_unhealthy: ['boolean'],
  health_check_interval: ['integer', 'undef'],
  custom_unless: ['string', 'array'],
  remain_after_exit: ['string', 'undef'],
  prepare_service_only: ['boolean'],
};

/** The kind of a YAML value as the module's types see it, or undefined when none fits. */
export function kindOf(value: unknown): ValueKind | undefined {
  if (value === null) return 'undef';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'integer' : undefined;
  if (Array.isArray(value)) return value.every(isArrayItem) ? 'array' : undefined;
  if (typeof value === 'object') return Object.values(value).every(isData) ? 'hash' : undefined;
  return undefined;
}

/** Anything Puppet can hold as data: no infinite numbers, at any depth. */
function isData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isData);
  return typeof value === 'object' && Object.values(value).every(isData);
}

/** The module passes list items to the shell one by one: strings and numbers only. */
function isArrayItem(item: unknown): boolean {
  return typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item));
}

/** Describes the kinds a parameter accepts, for messages: "a string or an array". */
export function describeKinds(kinds: readonly ValueKind[]): string {
  const words: Record<ValueKind, string> = {
    string: 'a string',
    boolean: 'a boolean',
    integer: 'an integer',
    array: 'a list of strings or numbers',
    hash: 'a map',
    undef: 'null',
  };
  const parts = kinds.map((kind) => words[kind]);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
}
