import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A throwaway stand-in for puppetlabs-docker 10.x: the classes, defines and types the generated
 * module uses, with the parameter names and data types of the real ones and no behaviour. A
 * catalog that compiles against it passes the module's own type checks. Like the real module,
 * docker::run and docker::registry read variables of class docker, so a catalog without it
 * fails under strict variables.
 */
const files: Record<string, string> = {
  'docker/manifests/init.pp': `
class docker (
  Optional[String] $version = undef,
  Boolean $manage_package = true,
  Boolean $manage_service = true,
  Optional[Boolean] $use_upstream_package_source = true,
  Variant[Array[String], Hash] $prerequired_packages = [],
  Optional[Variant[String,Boolean]] $service_config = undef,
  Optional[Variant[String,Boolean]] $service_overrides_template = undef,
  Optional[String] $service_name = 'docker',
  String $docker_group = 'docker',
) {
}
`,
  'docker/manifests/image.pp': `
define docker::image (
  Enum[present,absent,latest] $ensure = 'present',
  Optional[Pattern[/^[\\S]*$/]] $image = $title,
  Optional[String] $image_tag = undef,
  Optional[String] $image_digest = undef,
  Boolean $force = false,
  Optional[String] $docker_file = undef,
  Optional[String] $docker_dir = undef,
  Optional[String] $docker_tar = undef,
) {
}
`,
  'docker/manifests/registry.pp': `
define docker::registry (
  Optional[String] $server = $title,
  Enum[present,absent] $ensure = 'present',
  Optional[String] $username = undef,
  Optional[String] $password = undef,
  Optional[String] $pass_hash = undef,
  Optional[String] $email = undef,
  String $local_user = 'root',
  Optional[String] $local_user_home = undef,
  Optional[String] $version = $docker::version,
  Boolean $receipt = true,
) {
}
`,
  'docker/manifests/run.pp': `
define docker::run (
  Optional[Pattern[/^[\\S]*$/]] $image = undef,
  Enum[present,absent] $ensure = 'present',
  Optional[String] $verify_digest = undef,
  Optional[String] $command = undef,
  Pattern[/^[\\d]*(b|k|m|g)$/] $memory_limit = '0b',
  Variant[String,Array,Undef] $cpuset = [],
  Variant[String,Array,Undef] $ports = [],
  Variant[String,Array,Undef] $labels = [],
  Variant[String,Array,Undef] $expose = [],
  Variant[String,Array,Undef] $volumes = [],
  Variant[String,Array,Undef] $links = [],
  Boolean $use_name = false,
  Boolean $running = true,
  Variant[String,Array] $volumes_from = [],
  Variant[String,Array[String[1],1],Undef] $net = undef,
  Variant[String,Boolean] $username = false,
  Variant[String,Boolean] $hostname = false,
  Variant[String,Array] $env = [],
  Variant[String,Array] $env_file = [],
  Variant[String,Array] $dns = [],
  Variant[String,Array] $dns_search = [],
  Variant[String,Array] $lxc_conf = [],
  String $service_prefix = 'docker-',
  Optional[String] $service_provider = undef,
  Boolean $restart_service = true,
  Boolean $restart_service_on_docker_refresh = true,
  Boolean $manage_service = true,
  Variant[String,Boolean] $docker_service = false,
  Boolean $disable_network = false,
  Boolean $privileged = false,
  Optional[Boolean] $detach = undef,
  Optional[Variant[String,Array[String]]] $extra_parameters = undef,
  String $systemd_restart = 'on-failure',
  Variant[String,Hash] $extra_systemd_parameters = {},
  Boolean $pull_on_start = false,
  Variant[String,Array] $after = [],
  Variant[String,Array] $after_service = [],
  Variant[String,Array] $depends = [],
  Variant[String,Array] $depend_services = ['docker.service'],
  Boolean $tty = false,
  Variant[String,Array] $socket_connect = [],
  Variant[String,Array] $hostentries = [],
  Optional[String] $restart = undef,
  Variant[String,Boolean] $before_start = false,
  Variant[String,Boolean] $before_stop = false,
  Variant[String,Boolean] $after_start = false,
  Variant[String,Boolean] $after_stop = false,
  Optional[String] $after_create = undef,
  Boolean $remove_container_on_start = true,
  Boolean $remove_container_on_stop = true,
  Boolean $remove_volume_on_start = false,
  Boolean $remove_volume_on_stop = false,
  Integer $stop_wait_time = 10,
  Optional[String] $syslog_identifier = undef,
  Optional[String] $syslog_facility = undef,
  Boolean $read_only = false,
  Optional[String] $health_check_cmd = undef,
  Boolean $restart_on_unhealthy = false,
  Optional[Integer] $health_check_interval = undef,
  Variant[String,Array] $custom_unless = [],
  Optional[String] $remain_after_exit = undef,
  Boolean $prepare_service_only = false,
) {
  $service_name = $docker::service_name
  $docker_group = $docker::docker_group
  if $restart {
    assert_type(Pattern[/^(no|always|unless-stopped|on-failure)|^on-failure:[\\d]+$/], $restart)
  }
  assert_type(Pattern[/^(no|always|on-success|on-failure|on-abnormal|on-abort|on-watchdog)$/],
    $systemd_restart)
}
`,
  'docker_network/manifests/init.pp': `
define docker_network (
  Enum[present,absent] $ensure,
  Optional[String] $driver = undef,
  Optional[Variant[String,Array[String]]] $subnet = undef,
  Optional[Variant[String,Array[String]]] $gateway = undef,
  Optional[Variant[String,Array[String]]] $ip_range = undef,
  Optional[String] $ipam_driver = undef,
  Optional[Variant[String,Array[String]]] $aux_address = undef,
  Optional[Variant[String,Array[String]]] $options = undef,
  Optional[Variant[String,Array[String]]] $additional_flags = undef,
) {
}
`,
  'docker_volume/manifests/init.pp': `
define docker_volume (
  Enum[present,absent] $ensure,
  Optional[String] $driver = undef,
  Optional[Variant[String,Array[String]]] $options = undef,
) {
}
`,
};

/** Writes the stand-in modules below `dir`, which then goes on the module path. */
export function writeStandIn(dir: string): void {
  for (const [path, content] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content.trimStart());
  }
}
