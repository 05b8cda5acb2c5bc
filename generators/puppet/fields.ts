/**
 * How the Puppet module carries each field of the berth file: the rows of the support matrix.
 *
 * Keys are YAML paths: container fields relative to a container (`ports.mode`), top-level
 * fields from the root with a leading `/` (`/engine.manage`). Map keys chosen by the user
 * (container, network and variable names) are left out of the path, and lists are transparent:
 * `networks.aliases` is the `aliases` of any network a container joins. A test compares the
 * keys with the JSON Schema, so a field added to the schema fails it until a row is added.
 */
import type { FieldMapping } from '../types.js';

const yes = (via: string, note?: string): FieldMapping => ({
  support: 'yes',
  via,
  ...(note ? { note } : {}),
});
const partial = (via: string, note: string): FieldMapping => ({ support: 'partial', via, note });
const no = (via: string, note: string): FieldMapping => ({ support: 'no', via, note });

const extra = (flag: string) => `docker::run extra_parameters ${flag}`;
const dockerMode = 'x-puppet restart_mode: docker';

const containerFields: Record<string, FieldMapping> = {
  image: yes(
    'docker::run image, docker::image',
    'from Hiera <module>::containers (image, tag, digest), so an environment can override it',
  ),
  pull_policy: partial(
    'docker::image, docker::run pull_on_start, ' + extra('--pull=never'),
    'missing: docker::image ensure present; never: no docker::image and --pull=never; always: ' +
      'pulled when the container service starts, not on every run (#627); in ' +
      `${dockerMode} the module pulls whenever it creates the container`,
  ),
  command: yes(
    'docker::run command',
    'the argv is shell-quoted, since the module writes it into a script',
  ),
  entrypoint: yes(
    extra('--entrypoint') + ', docker::run command',
    'the first word is --entrypoint; the others go in front of the command, giving the same argv',
  ),
  environment: yes('docker::run env', 'from Hiera <module>::containers environment, merged deeply'),
  'environment.secret': partial(
    'docker::run env',
    'looked up in Hiera as Sensitive, then unwrapped because env takes Strings: the value is in ' +
      'the catalog, reports and the start script',
  ),
  env_file: yes('docker::run env_file'),
  ports: yes(
    'docker::run ports',
    `in ${dockerMode}, published ports make the module recreate the container every run (#781)`,
  ),
  'ports.target': yes('docker::run ports'),
  'ports.published': yes('docker::run ports'),
  'ports.host_ip': yes('docker::run ports'),
  'ports.protocol': yes('docker::run ports'),
  'ports.mode': partial(
    'docker::run ports',
    'docker run publishes in host mode only; ingress is a swarm routing-mesh mode with no docker ' +
      'run equivalent',
  ),
  expose: yes('docker::run expose'),
  volumes: yes('docker::run volumes', 'named volumes berth creates are required first'),
  'volumes.type': yes('docker::run volumes, ' + extra('--tmpfs')),
  'volumes.source': yes('docker::run volumes'),
  'volumes.target': yes('docker::run volumes, ' + extra('--tmpfs')),
  'volumes.read_only': yes('docker::run volumes', 'written as :ro'),
  'volumes.tmpfs': yes(extra('--tmpfs')),
  'volumes.tmpfs.size': yes(extra('--tmpfs')),
  'volumes.tmpfs.mode': yes(extra('--tmpfs')),
  tmpfs: yes(extra('--tmpfs')),
  restart: partial(
    'docker::run systemd_restart, or restart in ' + dockerMode,
    'systemd mode: no/always/on-failure exact, unless-stopped becomes always and on-failure:N ' +
      `loses its retry count; ${dockerMode}: exact, but a running container only sees changes ` +
      'to image, volumes and ports',
  ),
  healthcheck: partial(
    'docker::run health_check_cmd, health_check_interval, ' + extra('--health-*'),
    'see the healthcheck sub-fields',
  ),
  'healthcheck.test': partial(
    'docker::run health_check_cmd',
    'docker run takes a shell command, so the exec form is quoted into one and needs /bin/sh ' +
      'in the image',
  ),
  'healthcheck.interval': yes(
    'docker::run health_check_interval',
    'whole seconds; a finer interval is ' + extra('--health-interval'),
  ),
  'healthcheck.timeout': yes(extra('--health-timeout')),
  'healthcheck.retries': yes(extra('--health-retries')),
  'healthcheck.start_period': yes(extra('--health-start-period')),
  'healthcheck.disable': yes(
    extra('--no-healthcheck'),
    'other healthcheck settings beside it are left out, with a warning, as Docker refuses them',
  ),
  labels: yes('docker::run labels'),
  user: yes('docker::run username'),
  working_dir: yes(extra('--workdir')),
  hostname: yes('docker::run hostname'),
  domainname: yes(extra('--domainname')),
  networks: yes(
    'docker::run net, after_create',
    'the first network is net, the others are joined by docker network connect after creation; ' +
      `in ${dockerMode} one --network flag each (Docker Engine 25 or later)`,
  ),
  'networks.aliases': yes(extra('--network-alias') + ', docker network connect --alias'),
  'networks.ipv4_address': yes(extra('--ip') + ', docker network connect --ip'),
  'networks.ipv6_address': yes(extra('--ip6') + ', docker network connect --ip6'),
  network_mode: yes('docker::run net', 'container:NAME also orders the units and the first run'),
  dns: yes('docker::run dns'),
  dns_search: yes('docker::run dns_search'),
  extra_hosts: yes('docker::run hostentries'),
  cap_add: yes(extra('--cap-add')),
  cap_drop: yes(extra('--cap-drop')),
  privileged: yes('docker::run privileged'),
  read_only: yes('docker::run read_only'),
  security_opt: yes(extra('--security-opt')),
  devices: yes(extra('--device')),
  pid: yes(extra('--pid')),
  ipc: yes(extra('--ipc')),
  userns_mode: yes(extra('--userns')),
  mem_limit: yes('docker::run memory_limit', 'in the largest exact unit of b, k, m or g'),
  memswap_limit: yes(extra('--memory-swap')),
  mem_reservation: yes(extra('--memory-reservation')),
  shm_size: yes(extra('--shm-size')),
  cpus: yes(extra('--cpus')),
  cpu_shares: yes(extra('--cpu-shares')),
  cpuset: yes('docker::run cpuset'),
  pids_limit: yes(extra('--pids-limit')),
  logging: yes(extra('--log-driver, --log-opt')),
  'logging.driver': yes(extra('--log-driver')),
  'logging.options': yes(extra('--log-opt')),
  stop_signal: yes(extra('--stop-signal')),
  stop_grace_period: partial(
    'docker::run stop_wait_time, ' + extra('--stop-timeout'),
    'whole seconds: a fraction is rounded up, with a warning',
  ),
  ulimits: yes(extra('--ulimit')),
  'ulimits.soft': yes(extra('--ulimit')),
  'ulimits.hard': yes(extra('--ulimit')),
  sysctls: yes(extra('--sysctl')),
  init: yes(extra('--init')),
  tty: yes('docker::run tty'),
  stdin_open: yes(extra('--interactive')),
  depends_on: partial(
    'docker::run depends, require',
    `depends orders the systemd units, require the Puppet run; in ${dockerMode} only the first ` +
      'run is ordered',
  ),
  'depends_on.condition': partial(
    'docker::run depends',
    'service_started is exact; service_healthy and service_completed_successfully only wait for ' +
      'the unit to start, with a warning',
  ),
  'x-chef': no('(none)', 'settings for the Chef target only'),
  'x-puppet': yes(
    'docker::run parameters',
    'checked against the 62 parameters of docker::run; extra_parameters items are appended',
  ),
};

const chefOnly = no('(none)', 'Chef target only');

const topLevelFields: Record<string, FieldMapping> = {
  '/name': yes('metadata.json name, class name', 'unless x-puppet module_name is set'),
  '/version': yes('metadata.json version'),
  '/author': yes('metadata.json name and author', 'the Forge namespace'),
  '/maintainer': yes('README.md', 'metadata.json has no maintainer field'),
  '/maintainer_email': yes('README.md', 'metadata.json has no maintainer field'),
  '/license': yes('metadata.json license', 'proprietary when absent'),
  '/summary': yes('metadata.json summary, README.md, class documentation'),
  '/description': yes('metadata.json description, README.md, class documentation'),
  '/source_url': yes('metadata.json source, project_page'),
  '/issues_url': yes('metadata.json issues_url'),
  '/engine': partial('class docker', 'see engine.manage and engine.version'),
  '/engine.manage': partial(
    'class docker manage_package, manage_service',
    'false still declares class docker, which docker::run needs, with installation, package ' +
      'source and service management off; on RedHat it still writes docker-storage-setup',
  ),
  '/engine.version': partial(
    'class docker version',
    'passed to the package resource as is: it must be the full OS package version',
  ),
  '/registries': yes('docker::registry', 'only registries with a username and a password'),
  '/registries.server': yes('docker::registry server'),
  '/registries.username': yes('docker::registry username'),
  '/registries.password': partial(
    'docker::registry password',
    'looked up in Hiera as Sensitive and unwrapped for the module, so it is in the catalog',
  ),
  '/registries.password.secret': yes('Hiera lookup of the secret'),
  '/networks': partial(
    'docker_network',
    'created when missing; the provider never changes an existing network, so edits to a ' +
      'network need it removed first',
  ),
  '/networks.driver': yes('docker_network driver'),
  '/networks.driver_opts': yes('docker_network options'),
  '/networks.ipam': yes('docker_network ipam_driver, subnet, ip_range, gateway'),
  '/networks.ipam.driver': yes('docker_network ipam_driver'),
  '/networks.ipam.config': yes('docker_network subnet, ip_range, gateway'),
  '/networks.ipam.config.subnet': yes('docker_network subnet'),
  '/networks.ipam.config.ip_range': yes('docker_network ip_range'),
  '/networks.ipam.config.gateway': yes('docker_network gateway'),
  '/networks.internal': yes('docker_network additional_flags --internal'),
  '/networks.enable_ipv6': yes('docker_network additional_flags --ipv6'),
  '/networks.external': yes('(not declared)', 'joined by containers, never created'),
  '/volumes': yes('docker_volume'),
  '/volumes.driver': yes('docker_volume driver'),
  '/volumes.driver_opts': yes('docker_volume options'),
  '/volumes.external': yes('(not declared)', 'used by containers, never created'),
  '/images': yes('docker::image through ensure_resource'),
  '/images.image': yes('docker::image title and image'),
  '/images.pull_policy': partial(
    'docker::image ensure present',
    'always pulls only when missing, since ensure latest reports a change every run (#627)',
  ),
  '/secrets': yes('Hiera lookup wrapped in Sensitive'),
  '/secrets.chef': chefOnly,
  '/secrets.chef.data_bag': chefOnly,
  '/secrets.chef.item': chefOnly,
  '/secrets.chef.key': chefOnly,
  '/secrets.chef.attribute': chefOnly,
  '/secrets.puppet': yes('Hiera lookup'),
  '/secrets.puppet.hiera': yes('Hiera lookup key', '<module>::secrets::<name> when absent'),
  '/x-chef': chefOnly,
  '/x-chef.cookbook_name': chefOnly,
  '/x-chef.chef_version': chefOnly,
  '/x-chef.docker_cookbook_version': chefOnly,
  '/x-chef.supports': chefOnly,
  '/x-puppet': yes('module settings'),
  '/x-puppet.module_name': yes('metadata.json name, class name, Hiera keys'),
  '/x-puppet.restart_mode': yes('docker::run systemd_restart or restart'),
  '/x-puppet.puppet_version': yes('metadata.json requirements'),
  '/x-puppet.docker_module_version': yes('metadata.json dependencies'),
  '/x-puppet.stdlib_version': yes('metadata.json dependencies'),
  '/x-puppet.operatingsystem_support': yes('metadata.json operatingsystem_support'),
  '/x-puppet.operatingsystem_support.operatingsystem': yes('metadata.json operatingsystem_support'),
  '/x-puppet.operatingsystem_support.operatingsystemrelease': yes(
    'metadata.json operatingsystem_support',
  ),
};

export const puppetFields: Record<string, FieldMapping> = { ...containerFields, ...topLevelFields };
