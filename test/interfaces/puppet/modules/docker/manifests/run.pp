# @summary
#   Stand-in for `docker::run` of puppetlabs-docker 10.x: the same 62 parameters with the same
#   data types and defaults, the checks the real body makes, and no container.
#
# The real define derives a systemd service name from the sanitised title (every character
# outside `[0-9A-Za-z._-]` becomes `-`), so two titles that sanitise alike collide; the claim
# below makes them collide here too. Like the real define it reads variables of class
# `docker`, which therefore has to be in the catalog.
define docker::run (
  Optional[Pattern[/^[\S]*$/]]             $image                             = undef,
  Enum[present,absent]                     $ensure                            = 'present',
  Optional[String]                         $verify_digest                     = undef,
  Optional[String]                         $command                           = undef,
  Pattern[/^[\d]*(b|k|m|g)$/]              $memory_limit                      = '0b',
  Variant[String,Array,Undef]              $cpuset                            = [],
  Variant[String,Array,Undef]              $ports                             = [],
  Variant[String,Array,Undef]              $labels                            = [],
  Variant[String,Array,Undef]              $expose                            = [],
  Variant[String,Array,Undef]              $volumes                           = [],
  Variant[String,Array,Undef]              $links                             = [],
  Boolean                                  $use_name                          = false,
  Boolean                                  $running                           = true,
  Variant[String,Array]                    $volumes_from                      = [],
  Variant[String,Array[String[1],1],Undef] $net                               = undef,
  Variant[String,Boolean]                  $username                          = false,
  Variant[String,Boolean]                  $hostname                          = false,
  Variant[String,Array]                    $env                               = [],
  Variant[String,Array]                    $env_file                          = [],
  Variant[String,Array]                    $dns                               = [],
  Variant[String,Array]                    $dns_search                        = [],
  Variant[String,Array]                    $lxc_conf                          = [],
  String                                   $service_prefix                    = 'docker-',
  Optional[String]                         $service_provider                  = undef,
  Boolean                                  $restart_service                   = true,
  Boolean                                  $restart_service_on_docker_refresh = true,
  Boolean                                  $manage_service                    = true,
  Variant[String,Boolean]                  $docker_service                    = false,
  Boolean                                  $disable_network                   = false,
  Boolean                                  $privileged                        = false,
  Optional[Boolean]                        $detach                            = undef,
  Optional[Variant[String,Array[String]]]  $extra_parameters                  = undef,
  String                                   $systemd_restart                   = 'on-failure',
  Variant[String,Hash]                     $extra_systemd_parameters          = {},
  Boolean                                  $pull_on_start                     = false,
  Variant[String,Array]                    $after                             = [],
  Variant[String,Array]                    $after_service                     = [],
  Variant[String,Array]                    $depends                           = [],
  Variant[String,Array]                    $depend_services                   = ['docker.service'],
  Boolean                                  $tty                               = false,
  Variant[String,Array]                    $socket_connect                    = [],
  Variant[String,Array]                    $hostentries                       = [],
  Optional[String]                         $restart                           = undef,
  Variant[String,Boolean]                  $before_start                      = false,
  Variant[String,Boolean]                  $before_stop                       = false,
  Variant[String,Boolean]                  $after_start                       = false,
  Variant[String,Boolean]                  $after_stop                        = false,
  Optional[String]                         $after_create                      = undef,
  Boolean                                  $remove_container_on_start         = true,
  Boolean                                  $remove_container_on_stop          = true,
  Boolean                                  $remove_volume_on_start            = false,
  Boolean                                  $remove_volume_on_stop             = false,
  Integer                                  $stop_wait_time                    = 10,
  Optional[String]                         $syslog_identifier                 = undef,
  Optional[String]                         $syslog_facility                   = undef,
  Boolean                                  $read_only                         = false,
  Optional[String]                         $health_check_cmd                  = undef,
  Boolean                                  $restart_on_unhealthy              = false,
  Optional[Integer]                        $health_check_interval             = undef,
  Variant[String,Array]                    $custom_unless                     = [],
  Optional[String]                         $remain_after_exit                 = undef,
  Boolean                                  $prepare_service_only              = false,
) {
  berth_probe::record()

  $docker_service_name = $docker::service_name
  $docker_group = $docker::docker_group

  # The real define checks these two with assert_type; the message here also names the
  # parameter, which the real one does not.
  $restart_values = Pattern[/^(no|always|unless-stopped|on-failure)|^on-failure:[\d]+$/]
  if $restart {
    assert_type($restart_values, $restart) |$expected, $actual| {
      $problem = "expects a match for ${expected}, got '${restart}'"
      fail("docker::run[${title}]: parameter 'restart' ${problem}")
    }
  }
  $systemd_values = Pattern[/^(no|always|on-success|on-failure|on-abnormal|on-abort|on-watchdog)$/]
  if $systemd_restart {
    assert_type($systemd_values, $systemd_restart) |$expected, $actual| {
      $problem = "expects a match for ${expected}, got '${systemd_restart}'"
      fail("docker::run[${title}]: parameter 'systemd_restart' ${problem}")
    }
  }

  if $remove_volume_on_start and ! $remove_container_on_start {
    fail("docker::run[${title}]: remove_volume_on_start needs remove_container_on_start")
  }
  if $remove_volume_on_stop and ! $remove_container_on_stop {
    fail("docker::run[${title}]: remove_volume_on_stop needs remove_container_on_stop")
  }

  # Without `restart` the real define writes a systemd (or upstart) unit, and fails for any
  # other service provider on Linux. Its default comes from docker::params: systemd on the
  # Debian node the compile pretends to be.
  $provider = pick($service_provider, 'systemd')
  if $restart == undef and ! ($provider in ['systemd', 'upstart']) {
    fail("docker::run[${title}]: Docker needs a Debian or RedHat based system (${provider})")
  }

  $sanitised_title = regsubst($title, '[^0-9A-Za-z._\-]', '-', 'G')
  $service_name = "${service_prefix}${sanitised_title}"
  berth_probe::claim { "docker::run service ${service_name}":
    what => "Service[${service_name}] of Docker::Run[${title}]",
  }
}
