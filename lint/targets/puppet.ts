import { legacy, merge, names, properties } from './table.js';
import type { Property, TargetType } from './types.js';

/**
 * puppetlabs-docker 10.x (10.4.1): the defined types, the native types and the classes, with
 * each parameter's declared type. Parameter lists have not shrunk since garethr-docker 4.1
 * (2015) except on class `docker`, whose removed names are kept as legacy.
 */

const run = properties(`
  image                              Optional[Pattern]
  ensure                             Enum[present,absent]
  verify_digest                      Optional[String]
  command                            Optional[String]
  memory_limit                       Pattern
  cpuset                             Variant[String,Array,Undef]
  ports                              Variant[String,Array,Undef]
  labels                             Variant[String,Array,Undef]
  expose                             Variant[String,Array,Undef]
  volumes                            Variant[String,Array,Undef]
  links                              Variant[String,Array,Undef]
  use_name                           Boolean
  running                            Boolean
  volumes_from                       Variant[String,Array]
  net                                Variant[String,Array,Undef]
  username                           Variant[String,Boolean]
  hostname                           Variant[String,Boolean]
  env                                Variant[String,Array]
  env_file                           Variant[String,Array]
  dns                                Variant[String,Array]
  dns_search                         Variant[String,Array]
  lxc_conf                           Variant[String,Array]
  service_prefix                     String
  service_provider                   Optional[String]
  restart_service                    Boolean
  restart_service_on_docker_refresh  Boolean
  manage_service                     Boolean
  docker_service                     Variant[String,Boolean]
  disable_network                    Boolean
  privileged                         Boolean
  detach                             Optional[Boolean]
  extra_parameters                   Optional[Variant[String,Array]]
  systemd_restart                    String
  extra_systemd_parameters           Variant[String,Hash]
  pull_on_start                      Boolean
  after                              Variant[String,Array]
  after_service                      Variant[String,Array]
  depends                            Variant[String,Array]
  depend_services                    Variant[String,Array]
  tty                                Boolean
  socket_connect                     Variant[String,Array]
  hostentries                        Variant[String,Array]
  restart                            Optional[String]
  before_start                       Variant[String,Boolean]
  before_stop                        Variant[String,Boolean]
  after_start                        Variant[String,Boolean]
  after_stop                         Variant[String,Boolean]
  after_create                       Optional[String]
  remove_container_on_start          Boolean
  remove_container_on_stop           Boolean
  remove_volume_on_start             Boolean
  remove_volume_on_stop              Boolean
  stop_wait_time                     Integer
  syslog_identifier                  Optional[String]
  syslog_facility                    Optional[String]
  read_only                          Boolean
  health_check_cmd                   Optional[String]
  restart_on_unhealthy               Boolean
  health_check_interval              Optional[Integer]
  custom_unless                      Variant[String,Array]
  remain_after_exit                  Optional[String]
  prepare_service_only               Boolean
`);

const image = properties(`
  ensure        Enum[present,absent,latest]
  image         Optional[Pattern]
  image_tag     Optional[String]
  image_digest  Optional[String]
  force         Boolean
  docker_file   Optional[String]
  docker_dir    Optional[String]
  docker_tar    Optional[String]
`);

const registry = properties(`
  server           Optional[String]
  ensure           Enum[present,absent]
  username         Optional[String]
  password         Optional[String]
  pass_hash        Optional[String]
  email            Optional[String]
  local_user       String
  local_user_home  Optional[String]
  version          Optional[String]
  receipt          Boolean
`);

const exec = properties(`
  detach         Boolean
  interactive    Boolean
  env            Array
  tty            Boolean
  container      Optional[String]
  command        Optional[String]
  unless         Optional[String]
  sanitise_name  Boolean
  refreshonly    Boolean
  onlyif         Optional[String]
`);

const plugin = properties(`
  ensure                 Enum[present,absent]
  plugin_name            String
  enabled                Boolean
  timeout                Optional[String]
  plugin_alias           Optional[String]
  disable_on_install     Boolean
  disable_content_trust  Boolean
  grant_all_permissions  Boolean
  force_remove           Boolean
  settings               Array
`);

const network = properties(`
  ensure            Enum[present,absent]
  driver            String
  subnet            Variant[String,Array]
  gateway           Variant[String,Array]
  ip_range          Variant[String,Array]
  ipam_driver       String
  aux_address       Variant[String,Array]
  options           Variant[String,Array]
  additional_flags  Variant[String,Array]
  id                internal
`);

const volume = properties(`
  ensure      Enum[present,absent]
  driver      String
  options     Variant[String,Array]
  mountpoint  internal
`);

const compose = properties(`
  ensure         Enum[present,absent]
  compose_files  Array
  scale          Hash
  options        Array
  up_args        String
  tmpdir         String
`);

const stack = properties(`
  ensure         Enum[present,absent]
  bundle_file    String
  compose_files  Array
  up_args        String
`);

const stackDefine = properties(`
  ensure              Enum[present,absent]
  stack_name          Optional[String]
  bundle_file         Optional[String]
  compose_files       Optional[Array]
  prune               Boolean
  with_registry_auth  Boolean
  resolve_image       Optional[Enum[always,changed,never]]
`);

const services = properties(`
  ensure           Enum[present,absent]
  create           Boolean
  update           Boolean
  scale            Boolean
  detach           Boolean
  tty              Boolean
  env              Array
  label            Array
  extra_params     Array
  image            Optional[Variant[String,Array]]
  service_name     Optional[Variant[String,Array]]
  publish          Optional[Variant[String,Array]]
  replicas         Optional[Variant[String,Array]]
  user             Optional[Variant[String,Array]]
  workdir          Optional[Variant[String,Array]]
  host_socket      Optional[Variant[String,Array]]
  registry_mirror  Optional[Variant[String,Array]]
  mounts           Optional[Variant[String,Array]]
  networks         Optional[Array]
  command          Optional[Variant[String,Array]]
`);

const swarm = properties(`
  ensure                         Enum[present,absent]
  init                           Boolean
  join                           Boolean
  advertise_addr                 Optional[String]
  autolock                       Boolean
  cert_expiry                    Optional[String]
  default_addr_pool              Optional[Array]
  default_addr_pool_mask_length  Optional[String]
  dispatcher_heartbeat           Optional[String]
  external_ca                    Optional[String]
  force_new_cluster              Boolean
  listen_addr                    Optional[String]
  max_snapshots                  Optional[String]
  snapshot_interval              Optional[String]
  token                          Optional[String]
  manager_ip                     Optional[String]
`);

const secrets = properties(`
  ensure       Enum[present,absent]
  label        Variant[String,Array]
  secret_name  Optional[String]
  secret_path  Optional[String]
`);

/** Class `docker`: 140 parameters. Their types are in the module; only the names are here. */
const engine = names(`
  version ensure prerequired_packages dependent_packages docker_ce_start_command
  docker_ce_package_name docker_ce_cli_package_name docker_ce_source_location docker_ce_key_source
  docker_ce_release docker_package_location docker_package_key_source docker_package_key_name
  docker_package_key_path docker_package_key_check_source docker_package_release
  docker_engine_start_command docker_engine_package_name docker_ce_channel docker_ee
  docker_ee_package_name docker_ee_source_location docker_ee_key_source docker_ee_repos
  docker_ee_release tcp_bind tls_enable tls_verify tls_cacert tls_cert tls_key ip_forward ip_masq
  ipv6 ipv6_cidr default_gateway_ipv6 bip mtu iptables icc socket_bind fixed_cidr bridge
  default_gateway log_level log_driver log_opt selinux_enabled use_upstream_package_source
  pin_upstream_package_source apt_source_pin_level package_release service_state service_enable
  manage_service root_dir tmp_dir_config tmp_dir dns dns_search socket_group labels
  extra_parameters shell_values proxy no_proxy storage_driver dm_basesize dm_fs dm_mkfsarg
  dm_mountopt dm_blocksize dm_loopdatasize dm_loopmetadatasize dm_datadev dm_metadatadev
  dm_thinpooldev dm_use_deferred_removal dm_use_deferred_deletion dm_blkdiscard
  dm_override_udev_sync_check overlay2_override_kernel_check execdriver manage_package
  package_source service_name docker_users create_user docker_group daemon_environment_files
  repo_opt os_lc storage_devs storage_vg storage_root_size storage_data_size
  storage_min_data_size storage_chunk_size storage_growpart storage_auto_extend_pool
  storage_pool_autoextend_threshold storage_pool_autoextend_percent storage_config
  storage_config_template storage_setup_file service_provider service_config
  service_config_template service_overrides_template socket_overrides_template socket_override
  service_after_override service_hasstatus service_hasrestart registry_mirror
  acknowledge_unsupported_os docker_msft_provider_version nuget_package_provider_version
  have_systemd_v230
`);

const engineLegacy = merge(
  legacy(
    '1.0.5',
    `
    daemon_subcommand -> -
    docker_command -> -
    docker_cs -> docker_ee
    manage_epel -> -
    manage_kernel -> -
    nowarn_kernel -> -
    package_cs_key_source -> docker_ee_key_source
    package_cs_source_location -> docker_ee_source_location
    package_key -> docker_package_key_source
    package_key_source -> docker_package_key_source
    package_name -> docker_ce_package_name
    package_repos -> docker_ee_repos
    package_source_location -> docker_package_location
  `,
  ),
  legacy(
    '10.4.0',
    `
    docker_ce_key_id -> docker_package_key_name
    docker_ee_key_id -> docker_package_key_name
    docker_package_key_id -> docker_package_key_name
  `,
  ),
);

/** Puppet's metaparameters, which every resource and class takes. */
const metaparameters = names(`
  alias audit before consume export loglevel noop notify require schedule stage subscribe tag
`);

const none = new Map<never, never>();

function puppetType(
  type: string,
  kind: TargetType['kind'],
  own: ReadonlyMap<string, Property>,
  extra: { isClass?: boolean; titleProperty?: string; legacy?: TargetType['legacy'] } = {},
): TargetType {
  // Defined types and native types also take `name`, which defaults to the title.
  const shared = extra.isClass ? metaparameters : merge(metaparameters, names('name'));
  return {
    dialect: 'puppet',
    type,
    isClass: extra.isClass ?? false,
    kind,
    ...(extra.titleProperty ? { titleProperty: extra.titleProperty } : {}),
    properties: merge(shared, own),
    aliases: none,
    methods: new Set(),
    legacy: extra.legacy ?? none,
  };
}

function helperClass(name: string, parameter: string): TargetType {
  return puppetType(name, 'other', properties(`${parameter} Hash`), { isClass: true });
}

export const puppetTargets: readonly TargetType[] = [
  puppetType('docker::run', 'container', run),
  puppetType('docker::image', 'image', image, { titleProperty: 'image' }),
  puppetType('docker::registry', 'registry', registry, { titleProperty: 'server' }),
  puppetType('docker::exec', 'other', exec),
  puppetType('docker::plugin', 'other', plugin, { titleProperty: 'plugin_name' }),
  puppetType('docker_network', 'network', network, { titleProperty: 'name' }),
  puppetType('docker_volume', 'volume', volume, { titleProperty: 'name' }),
  puppetType('docker_compose', 'other', compose, { titleProperty: 'name' }),
  puppetType('docker_stack', 'other', stack, { titleProperty: 'name' }),
  puppetType('docker::stack', 'other', stackDefine),
  puppetType('docker::services', 'other', services),
  puppetType('docker::swarm', 'other', swarm),
  puppetType('docker::secrets', 'other', secrets),
  puppetType('docker', 'engine', engine, { isClass: true, legacy: engineLegacy }),
  puppetType('docker::compose', 'other', names('ensure version'), {
    isClass: true,
    legacy: legacy(
      '10.0.0',
      `
      install_path -> -
      symlink_name -> -
      proxy -> -
      base_url -> -
      raw_url -> -
      curl_ensure -> -
    `,
    ),
  }),
  helperClass('docker::run_instance', 'instance'),
  helperClass('docker::images', 'images'),
  helperClass('docker::networks', 'networks'),
  helperClass('docker::volumes', 'volumes'),
  helperClass('docker::registry_auth', 'registries'),
  helperClass('docker::plugins', 'plugins'),
  helperClass('docker::swarms', 'swarms'),
];

/**
 * Hash parameters of the helper classes, and Hiera keys class `docker` looks up itself: each
 * holds `title => parameters` and declares resources of the given type with
 * `create_resources`.
 */
export const resourceHashes: ReadonlyMap<string, string> = new Map([
  ['docker::runs', 'docker::run'],
  ['docker::images', 'docker::image'],
  ['docker::registries', 'docker::registry'],
  ['docker::run_instance::instance', 'docker::run'],
  ['docker::images::images', 'docker::image'],
  ['docker::networks::networks', 'docker_network'],
  ['docker::volumes::volumes', 'docker_volume'],
  ['docker::registry_auth::registries', 'docker::registry'],
  ['docker::plugins::plugins', 'docker::plugin'],
]);
