import { aliases, legacy, merge, properties } from './table.js';
import type { Property, TargetType } from './types.js';

/**
 * The docker cookbook 11.x resources (sous-chefs/docker 11.10), property by property, with
 * the aliases its resources declare and the names the 2015 (0.x) releases used.
 */

/** Connection properties every resource but the swarm ones takes (`partial/_base`). */
const connection = properties(`
  api_retries        Integer
  read_timeout       Integer
  write_timeout      Integer
  running_wait_time  Integer
  tls                Boolean nil
  tls_verify         Boolean nil
  tls_ca_cert        String nil
  tls_server_cert    String
  tls_server_key     String
  tls_client_cert    String nil
  tls_client_key     String nil
`);

const connectionAliases = aliases(`
  tlscacert -> tls_ca_cert
  tlscert -> tls_server_cert
  tlskey -> tls_server_key
  tlsverify -> tls_verify
`);

const host = properties('host String nil');

const container = properties(`
  container_name               String
  repo                         String
  tag                          String
  command                      String Array nil
  entrypoint                   String Array nil
  env                          String Array
  env_file                     String Array
  working_dir                  String
  user                         String
  hostname                     String
  domain_name                  String
  labels                       String Array Hash
  tty                          Boolean
  open_stdin                   Boolean
  stdin_once                   Boolean
  attach_stdin                 Boolean
  attach_stdout                Boolean
  attach_stderr                Boolean
  detach                       Boolean
  timeout                      Integer
  mac_address                  String
  network_disabled             Boolean
  exposed_ports                Hash
  port_bindings                Hash
  publish_all_ports            Boolean
  volumes                      String Array Hash
  volumes_from                 String Array
  volume_driver                String
  tmpfs                        Hash Array
  devices                      Array
  network_mode                 String
  network_aliases              String Array
  ip_address                   String
  dns                          Array
  dns_search                   Array
  extra_hosts                  String Array nil
  links                        String Array
  restart_policy               String
  restart_maximum_retry_count  Integer
  memory                       String Integer
  memory_swap                  String Integer
  memory_swappiness            Integer
  memory_reservation           Integer String
  kernel_memory                String Integer
  shm_size                     String Integer
  cpus                         Integer Float
  cpu_shares                   Integer
  cpuset_cpus                  String
  cgroup_parent                String
  cgroup_ns                    String
  ulimits                      Array Hash nil
  sysctls                      Hash
  privileged                   Boolean
  cap_add                      Array String nil
  cap_drop                     Array String nil
  security_opt                 String Array
  userns_mode                  String
  pid_mode                     String
  uts_mode                     String
  ipc_mode                     String
  ro_rootfs                    Boolean
  oom_kill_disable             Boolean
  oom_score_adj                Integer
  init                         Boolean nil
  runtime                      String
  health_check                 Hash
  log_driver                   String
  log_opts                     Hash String Array
  gpus                         String nil
  gpu_driver                   String
  autoremove                   Boolean
  remove_volumes               Boolean
  force                        Boolean
  kill_after                   Integer nil
  signal                       String
  reload_signal                String
  outfile                      String
  volumes_binds                Array internal
  container                    internal
  create_options               Hash internal
`);

const containerAliases = aliases(`
  cmd -> command
  additional_host -> extra_hosts
  rm -> autoremove
  remove_automatically -> autoremove
  host_name -> hostname
  domainname -> domain_name
  dnssearch -> dns_search
  restart_maximum_retries -> restart_maximum_retry_count
  volume -> volumes
  binds -> volumes
  volume_from -> volumes_from
  destination -> outfile
  workdir -> working_dir
`);

/** The 0.x attributes of the shell-out LWRP, gone since the 1.0.0 rewrite (August 2015). */
const containerLegacy = merge(
  legacy(
    '1.0.0',
    `
    link -> links
    net -> network_mode
    expose -> exposed_ports
    publish_exposed_ports -> publish_all_ports
    restart -> restart_policy
    working_directory -> working_dir
    attach -> attach_stdout
    stdin -> open_stdin
    device -> devices
    label -> labels
    cmd_timeout -> read_timeout
    init_type -> -
    init_template -> -
    socket_template -> -
    lxc_conf -> -
    opt -> -
    public_port -> port
    repository -> repo
    cidfile -> -
    id -> -
    created -> -
    status -> -
  `,
  ),
  legacy('2.1.1', 'image_name -> repo'),
  legacy('2.15.4', 'security_opts -> security_opt'),
);

const image = properties(`
  repo          String
  tag           String
  source        String
  destination   String
  force         Boolean
  nocache       Boolean
  noprune       Boolean
  rm            Boolean
  buildargs     String Hash
`);

const imageAliases = aliases(`
  image -> repo
  image_name -> repo
  no_cache -> nocache
  no_prune -> noprune
`);

const imageLegacy = legacy(
  '1.0.0',
  `
  dockerfile -> source
  path -> source
  image_url -> source
  input -> source
  output -> destination
  cmd_timeout -> read_timeout
  repository -> repo
  registry -> repo
  created -> -
  id -> -
  virtual_size -> -
`,
);

const registry = properties(`
  serveraddress  String
  username       String
  password       String
  email          String
`);

const network = properties(`
  network_name         String
  driver               String
  driver_opts          Hash
  subnet               String Array nil
  gateway              String Array nil
  ip_range             String Array nil
  auxiliary_addresses  String Array Hash nil
  ipam_driver          String
  enable_ipv6          Boolean
  internal             Boolean
  container            String
  ip                   String
  ip6                  String
  id                   String
  network              internal
`);

const volume = properties(`
  volume_name  String
  driver       String
  opts         Hash
  volume       internal
`);

const tag = properties(`
  target_repo  String
  target_tag   String
  to_repo      String
  to_tag       String
  force        Boolean
`);

const exec = properties(`
  container      String
  command        Array
  timeout        Numeric
  returns        Integer Array
  container_obj  internal
`);

const plugin = properties(`
  local_alias       String
  remote            String
  remote_tag        String
  grant_privileges  Array true
  options           Hash
`);

const imagePrune = properties(`
  dangling       Boolean
  prune_until    String
  with_label     String
  without_label  String
`);

const volumePrune = properties(`
  all            Boolean
  with_label     String
  without_label  String
`);

/** The daemon's settings (`partial/_service_base`), shared by the service resources. */
const daemon = properties(`
  instance                 String
  env_vars                 Hash
  auto_restart             Boolean
  api_cors_header          String
  bridge                   String
  bip                      String nil
  cluster_store            String
  cluster_advertise        String
  cluster_store_opts       String Array
  daemon                   Boolean
  data_root                String
  debug                    Boolean
  dns                      String Array
  dns_search               Array
  exec_driver              String nil
  exec_opts                String Array
  fixed_cidr               String
  fixed_cidr_v6            String
  group                    String
  host                     String Array
  icc                      Boolean
  insecure_registry        Array String nil
  ip                       String nil
  ip_forward               Boolean
  ipv4_forward             Boolean
  ipv6_forward             Boolean
  ip_masq                  Boolean
  iptables                 Boolean
  ip6tables                Boolean
  ipv6                     Boolean
  default_ip_address_pool  String
  log_level                String
  labels                   String Array
  log_driver               String
  log_opts                 String Array
  mount_flags              String
  mtu                      String
  pidfile                  String
  registry_mirror          String Array
  storage_driver           String Array
  selinux_enabled          Boolean
  storage_opts             Array
  default_ulimit           String Array
  userland_proxy           Boolean
  disable_legacy_registry  Boolean
  userns_remap             String
  live_restore             Boolean
  systemd_opts             String Array
  systemd_socket_opts      String Array
  misc_opts                String
  http_proxy               String
  https_proxy              String
  no_proxy                 String
  tmpdir                   String
  logfile                  String
  service_timeout          Integer
`);

const daemonAliases = aliases(`
  label -> labels
  run_group -> group
  graph -> data_root
`);

/** docker_service passes these on to the installation resource it composes. */
const installation = properties(`
  install_method     String
  service_manager    String
  repo               String
  script_url         String
  checksum           String
  docker_bin         String
  source             String
  package_version    String
  package_name       String
  setup_docker_repo  Boolean
  version            String
  package_options    String
`);

const installationPackage = properties(`
  setup_docker_repo  Boolean
  repo_channel       String
  package_name       String
  package_version    String
  version            String
  package_options    String
  site_url           String
`);

const installationTarball = properties(`
  checksum  String
  source    String
  channel   String
  version   String
`);

const swarmInit = properties(`
  advertise_addr     String
  listen_addr        String
  force_new_cluster  Boolean
  autolock           Boolean
`);

const swarmJoin = properties(`
  token           String
  manager_ip      String
  advertise_addr  String
  listen_addr     String
  data_path_addr  String
`);

const swarmService = properties(`
  service_name          String
  image                 String
  command               String Array
  replicas              Integer
  env                   Array
  labels                Hash
  mounts                Array
  networks              Array
  ports                 Array
  constraints           Array
  secrets               Array
  configs               Array
  restart_policy        Hash
  healthcheck_cmd       String
  healthcheck_interval  String
  healthcheck_timeout   String
  healthcheck_retries   Integer
`);

const swarmToken = properties(`
  token_type  String
  rotate      Boolean
`);

const none = new Map<never, never>();
const noMethods: ReadonlySet<string> = new Set();

interface Spec {
  kind: TargetType['kind'];
  titleProperty?: string;
  own: ReadonlyMap<string, Property>;
  aliases?: ReadonlyMap<string, string>;
  methods?: ReadonlySet<string>;
  legacy?: TargetType['legacy'];
  /** The swarm resources shell out to the CLI and take no connection properties. */
  noConnection?: boolean;
  /** The actions of the resource, space-separated; every Chef resource also has `nothing`. */
  actions: string;
}

function resource(type: string, spec: Spec): TargetType {
  const shared = spec.noConnection ? none : merge(connection, host);
  return {
    dialect: 'chef',
    type,
    isClass: false,
    kind: spec.kind,
    ...(spec.titleProperty ? { titleProperty: spec.titleProperty } : {}),
    properties: merge(shared, spec.own),
    aliases: merge(spec.noConnection ? none : connectionAliases, spec.aliases ?? none),
    methods: spec.methods ?? noMethods,
    legacy: spec.legacy ?? none,
    actions: new Set(['nothing', ...spec.actions.split(' ')]),
  };
}

const service = merge(daemon, installation);

export const chefTargets: readonly TargetType[] = [
  resource('docker_container', {
    actions:
      'run create start stop kill run_if_missing pause unpause restart reload redeploy ' +
      'delete remove commit export',
    kind: 'container',
    titleProperty: 'container_name',
    own: container,
    aliases: containerAliases,
    methods: new Set(['image', 'port']),
    legacy: containerLegacy,
  }),
  resource('docker_image', {
    actions: 'pull build build_if_missing import pull_if_missing push remove save load',
    kind: 'image',
    titleProperty: 'repo',
    own: image,
    aliases: imageAliases,
    legacy: imageLegacy,
  }),
  resource('docker_registry', {
    actions: 'login',
    kind: 'registry',
    titleProperty: 'serveraddress',
    own: registry,
  }),
  resource('docker_network', {
    actions: 'create delete remove connect disconnect',
    kind: 'network',
    titleProperty: 'network_name',
    own: network,
    aliases: aliases('aux_address -> auxiliary_addresses'),
  }),
  resource('docker_volume', {
    actions: 'create remove',
    kind: 'volume',
    titleProperty: 'volume_name',
    own: volume,
  }),
  resource('docker_tag', {
    actions: 'tag',
    kind: 'image',
    titleProperty: 'target_repo',
    own: tag,
  }),
  resource('docker_exec', {
    actions: 'run',
    kind: 'other',
    own: exec,
    aliases: aliases('cmd -> command'),
  }),
  resource('docker_plugin', {
    actions: 'install enable disable update remove',
    kind: 'other',
    titleProperty: 'local_alias',
    own: plugin,
  }),
  resource('docker_image_prune', {
    actions: 'prune',
    kind: 'other',
    own: imagePrune,
  }),
  resource('docker_volume_prune', {
    actions: 'prune',
    kind: 'other',
    own: volumePrune,
  }),
  resource('docker_service', {
    actions: 'create delete start stop restart',
    kind: 'engine',
    titleProperty: 'instance',
    own: service,
    aliases: daemonAliases,
  }),
  ...['docker_service_manager', 'docker_service_manager_systemd'].map((type) =>
    resource(type, {
      actions: 'start stop restart',
      kind: 'engine',
      titleProperty: 'instance',
      own: daemon,
      aliases: daemonAliases,
    }),
  ),
  ...['docker_service_manager_execute', 'docker_service_base'].map((type) =>
    resource(type, {
      actions: 'start stop restart',
      kind: 'engine',
      titleProperty: 'instance',
      own: daemon,
      aliases: daemonAliases,
    }),
  ),
  resource('docker_installation_package', {
    actions: 'create delete',
    kind: 'engine',
    own: installationPackage,
  }),
  ...['docker_installation_script', 'docker_installation'].map((type) =>
    resource(type, { kind: 'engine', own: properties('repo String'), actions: 'create delete' }),
  ),
  resource('docker_installation_tarball', {
    actions: 'create delete',
    kind: 'engine',
    own: installationTarball,
  }),
  resource('docker_swarm_init', {
    actions: 'init leave',
    kind: 'other',
    own: swarmInit,
    noConnection: true,
  }),
  resource('docker_swarm_join', {
    actions: 'join leave',
    kind: 'other',
    own: swarmJoin,
    noConnection: true,
  }),
  resource('docker_swarm_service', {
    actions: 'create update delete',
    kind: 'other',
    titleProperty: 'service_name',
    own: swarmService,
    noConnection: true,
  }),
  resource('docker_swarm_token', {
    actions: 'read rotate',
    kind: 'other',
    titleProperty: 'token_type',
    own: swarmToken,
    noConnection: true,
  }),
];

/**
 * Calls every Chef resource block accepts: the common properties and notifications, and Ruby
 * methods that are code inside a block rather than properties.
 */
export const chefCommonNames: ReadonlySet<string> = new Set(
  `
  action notifies subscribes only_if not_if ignore_failure retries retry_delay sensitive
  provider compile_time guard_interpreter default_guard_interpreter name supports
  puts p pp print raise fail require require_relative sleep warn format sprintf printf lazy
  `
    .split(/\s+/)
    .filter(Boolean),
);
