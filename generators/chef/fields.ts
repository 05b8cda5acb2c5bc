import type { FieldMapping } from '../types.js';

/**
 * How the Chef cookbook carries each field of the berth file: the Chef column of the support
 * matrix. Container fields are keyed by their name under a container (`ports.host_ip`); fields
 * outside `containers:` by their path from the top of the file, starting with `/`
 * (`/networks.driver`). Names of map entries (a network's name, a container's name) are left
 * out of the keys. A test compares the keys with the schema, so a new field needs a row here.
 */
const yes = (via: string, note?: string): FieldMapping => ({
  support: 'yes',
  via,
  ...(note ? { note } : {}),
});
const partial = (via: string, note: string): FieldMapping => ({ support: 'partial', via, note });
const no = (note: string): FieldMapping => ({ support: 'no', via: '-', note });

const containerFields: Record<string, FieldMapping> = {
  image: partial(
    'docker_image + docker_container repo/tag, from attributes',
    'no tag means tag `latest`, written out (warning); a digest pin on a repository with a `/` ' +
      'is read back wrongly by the cookbook and redeploys on every run (warning)',
  ),
  pull_policy: yes(
    'docker_image action',
    'always: `:pull`, missing: `:pull_if_missing`, never: no docker_image resource',
  ),
  command: yes('docker_container.command', 'an Array'),
  entrypoint: yes('docker_container.entrypoint', 'an Array'),
  environment: yes(
    'docker_container.env, from the `env` attribute Hash',
    'removing a variable does not redeploy the container (the cookbook compares env as a subset)',
  ),
  'environment.secret': yes(
    'docker_container.env, read lazily from a data bag item or node attribute',
    'the resource is marked sensitive',
  ),
  env_file: partial(
    'docker_container.env_file',
    'the cookbook keeps comment and blank lines and never notices a changed file (warning)',
  ),
  ports: partial(
    'docker_container.port',
    'a port without host address binds IPv4 only (the cookbook writes HostIp 0.0.0.0)',
  ),
  'ports.target': yes('docker_container.port'),
  'ports.published': yes('docker_container.port', 'absent: a random host port'),
  'ports.host_ip': yes(
    'docker_container.port, or port_bindings for an IPv6 address',
    'the port parser splits on every `:`, so a container with an IPv6 host address gets ' +
      'exposed_ports and port_bindings Hashes instead of port strings',
  ),
  'ports.protocol': yes('docker_container.port (`/udp`, `/sctp`)'),
  'ports.mode': partial(
    'docker_container.port',
    '`host` is how a single engine publishes ports; `ingress` is a swarm mode and is not ' +
      'carried (berth does not pass the field on)',
  ),
  expose: yes('docker_container.exposed_ports', 'written after `port`, with its ports included'),
  volumes: yes('docker_container.volumes', 'tmpfs entries go to docker_container.tmpfs'),
  'volumes.type': yes('docker_container.volumes or tmpfs'),
  'volumes.source': partial(
    'docker_container.volumes',
    'a path holding `:` cannot be written in the bind syntax; the mount is left out (warning)',
  ),
  'volumes.target': partial(
    'docker_container.volumes',
    'a path holding `:` cannot be written in the bind syntax; the mount is left out (warning)',
  ),
  'volumes.read_only': yes('docker_container.volumes (`:ro`)'),
  'volumes.tmpfs': yes('docker_container.tmpfs'),
  'volumes.tmpfs.size': yes('docker_container.tmpfs (`size=` option)'),
  'volumes.tmpfs.mode': yes('docker_container.tmpfs (`mode=` option)'),
  tmpfs: yes('docker_container.tmpfs', 'a Hash of path to options'),
  restart: yes('docker_container.restart_policy + restart_maximum_retry_count'),
  healthcheck: yes('docker_container.health_check', 'durations in nanoseconds'),
  'healthcheck.test': partial(
    'docker_container.health_check Test',
    "without a test Docker fills in the image's, which the cookbook reads as a change and " +
      'redeploys on every run (warning)',
  ),
  'healthcheck.interval': yes('docker_container.health_check Interval'),
  'healthcheck.timeout': yes('docker_container.health_check Timeout'),
  'healthcheck.retries': yes('docker_container.health_check Retries'),
  'healthcheck.start_period': yes('docker_container.health_check StartPeriod'),
  'healthcheck.disable': yes('docker_container.health_check Test NONE'),
  labels: yes('docker_container.labels'),
  user: yes('docker_container.user'),
  working_dir: yes('docker_container.working_dir'),
  hostname: yes('docker_container.hostname'),
  domainname: yes('docker_container.domain_name'),
  networks: yes(
    'docker_container.network_mode (first) + docker_network :connect (others)',
    'a container is created on its first network and connected to the others after it',
  ),
  'networks.aliases': partial(
    'docker_container.network_aliases (first network only)',
    'the cookbook never reads aliases back and redeploys on every run (warning); other ' +
      'networks cannot have aliases (warning)',
  ),
  'networks.ipv4_address': yes(
    'docker_container.ip_address (first network), docker_network ip (others)',
  ),
  'networks.ipv6_address': partial(
    'docker_network ip6 (networks after the first)',
    'the first network has no IPv6 address property (warning)',
  ),
  network_mode: yes('docker_container.network_mode'),
  dns: yes('docker_container.dns'),
  dns_search: yes('docker_container.dns_search'),
  extra_hosts: yes('docker_container.extra_hosts'),
  cap_add: yes('docker_container.cap_add'),
  cap_drop: yes('docker_container.cap_drop'),
  privileged: yes('docker_container.privileged'),
  read_only: yes('docker_container.ro_rootfs'),
  security_opt: yes('docker_container.security_opt'),
  devices: yes('docker_container.devices', 'an Array of Hashes'),
  pid: yes('docker_container.pid_mode'),
  ipc: yes(
    'docker_container.ipc_mode',
    "unset means the cookbook's `shareable`, not Docker's `private`",
  ),
  userns_mode: yes('docker_container.userns_mode'),
  mem_limit: yes('docker_container.memory', 'Integer bytes'),
  memswap_limit: yes('docker_container.memory_swap', 'Integer bytes, -1 for unlimited'),
  mem_reservation: yes('docker_container.memory_reservation', 'Integer bytes'),
  shm_size: yes('docker_container.shm_size', 'Integer bytes'),
  cpus: partial(
    'docker_container.cpus',
    'the cookbook reads a fractional value back rounded down and redeploys on every run (warning)',
  ),
  cpu_shares: yes('docker_container.cpu_shares'),
  cpuset: yes('docker_container.cpuset_cpus'),
  pids_limit: no('docker_container has no PID limit property (warning)'),
  logging: partial(
    'docker_container.log_driver + log_opts',
    'changes never redeploy a running container (the cookbook does not compare them)',
  ),
  'logging.driver': partial(
    'docker_container.log_driver',
    'only the drivers the cookbook lists; another driver is left out (warning)',
  ),
  'logging.options': yes('docker_container.log_opts'),
  stop_signal: no('docker_container has no stop signal property (warning)'),
  stop_grace_period: partial(
    'docker_container.kill_after (whole seconds)',
    'applies when Chef stops or redeploys the container, not to `docker stop` or a daemon ' +
      'shutdown (warning)',
  ),
  ulimits: yes('docker_container.ulimits', '`name=soft:hard` strings'),
  'ulimits.soft': yes('docker_container.ulimits'),
  'ulimits.hard': yes('docker_container.ulimits'),
  sysctls: yes('docker_container.sysctls'),
  init: yes('docker_container.init'),
  tty: yes('docker_container.tty'),
  stdin_open: yes('docker_container.open_stdin', 'changes never redeploy a running container'),
  depends_on: yes('resource order in recipes/default.rb'),
  'depends_on.condition': partial(
    'resource order',
    'service_started: the container resource waits until the dependency runs; ' +
      'service_healthy and service_completed_successfully: ordering only (warning)',
  ),
  'x-chef': yes(
    'docker_container properties, as written',
    'an unknown property name is an error; a property berth also sets is replaced',
  ),
  'x-puppet': no('Puppet only'),
};

const topLevelFields: Record<string, FieldMapping> = {
  '/name': yes('metadata.rb name (unless x-chef.cookbook_name)'),
  '/version': partial(
    'metadata.rb version',
    'Chef takes only MAJOR.MINOR.PATCH; a pre-release or build suffix is left out (warning)',
  ),
  '/author': yes('metadata.rb maintainer, when maintainer is absent'),
  '/maintainer': yes('metadata.rb maintainer'),
  '/maintainer_email': yes('metadata.rb maintainer_email'),
  '/license': yes('metadata.rb license', "absent: 'All Rights Reserved'"),
  '/summary': yes('metadata.rb description, README.md'),
  '/description': yes('README.md'),
  '/source_url': yes('metadata.rb source_url'),
  '/issues_url': yes('metadata.rb issues_url'),
  '/engine': yes('docker_service'),
  '/engine.manage': yes("docker_service 'default' with action [:create, :start]"),
  '/engine.version': yes(
    'docker_service.version',
    'works with the package and tarball install methods, the defaults on supported platforms',
  ),
  '/registries': yes('docker_registry, before any image is pulled'),
  '/registries.server': partial(
    'docker_registry name (serveraddress)',
    'the cookbook hands credentials only to images whose repository starts with this host ' +
      '(warning when none does)',
  ),
  '/registries.username': yes('docker_registry.username'),
  '/registries.password': yes('docker_registry.password, read lazily, sensitive'),
  '/registries.password.secret': yes('a data bag item or node attribute (see /secrets)'),
  '/networks': yes('docker_network :create'),
  '/networks.driver': yes('docker_network.driver'),
  '/networks.driver_opts': yes('docker_network.driver_opts'),
  '/networks.ipam': yes('docker_network subnet, gateway, ip_range, ipam_driver'),
  '/networks.ipam.driver': partial(
    'docker_network.ipam_driver',
    'the cookbook sets it only together with a subnet; without one it is left out (warning)',
  ),
  '/networks.ipam.config': yes('docker_network subnet, gateway, ip_range'),
  '/networks.ipam.config.subnet': yes('docker_network.subnet'),
  '/networks.ipam.config.ip_range': yes('docker_network.ip_range'),
  '/networks.ipam.config.gateway': yes('docker_network.gateway'),
  '/networks.internal': yes('docker_network.internal'),
  '/networks.enable_ipv6': yes('docker_network.enable_ipv6'),
  '/networks.external': yes('no docker_network :create; containers still connect to it'),
  '/volumes': yes(
    'docker_volume',
    'created when absent; later driver or option changes are ignored',
  ),
  '/volumes.driver': yes('docker_volume.driver'),
  '/volumes.driver_opts': yes('docker_volume.opts'),
  '/volumes.external': yes('no docker_volume'),
  '/images': yes('docker_image for images no container runs'),
  '/images.image': yes('docker_image repo + tag'),
  '/images.pull_policy': yes('docker_image action'),
  '/secrets': yes('read at converge time, never written to a file'),
  '/secrets.chef': yes('data_bag_item(...) or node[...]'),
  '/secrets.chef.data_bag': yes('data_bag_item bag'),
  '/secrets.chef.item': yes('data_bag_item item'),
  '/secrets.chef.key': yes('key of the data bag item'),
  '/secrets.chef.attribute': yes('node attribute path'),
  '/secrets.puppet': no('Puppet only'),
  '/secrets.puppet.hiera': no('Puppet only'),
  '/x-chef': yes('cookbook settings'),
  '/x-chef.cookbook_name': yes('metadata.rb name, attribute namespace'),
  '/x-chef.chef_version': yes('metadata.rb chef_version'),
  '/x-chef.docker_cookbook_version': yes("metadata.rb depends 'docker'"),
  '/x-chef.supports': yes('metadata.rb supports, kitchen.yml platforms'),
  '/x-puppet': no('Puppet only'),
  '/x-puppet.module_name': no('Puppet only'),
  '/x-puppet.restart_mode': no('Puppet only'),
  '/x-puppet.puppet_version': no('Puppet only'),
  '/x-puppet.docker_module_version': no('Puppet only'),
  '/x-puppet.stdlib_version': no('Puppet only'),
  '/x-puppet.operatingsystem_support': no('Puppet only'),
  '/x-puppet.operatingsystem_support.operatingsystem': no('Puppet only'),
  '/x-puppet.operatingsystem_support.operatingsystemrelease': no('Puppet only'),
};

export const chefFields: Record<string, FieldMapping> = { ...containerFields, ...topLevelFields };
