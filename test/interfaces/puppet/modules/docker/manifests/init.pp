# @summary
#   Stand-in for class `docker` of puppetlabs-docker 10.x: the same parameter names and data
#   types, a body that installs nothing and records what it was given.
#
# The real class takes most defaults from `docker::params`, which depend on the node's OS. Here
# an Optional parameter defaults to undef and any other parameter to the value the real module
# uses on Debian; defaults are not recorded, so they only need to satisfy the data types.
# The checks below are those of the real class that a generated module can trip over.
class docker (
  # Packages and repositories
  Optional[String]                        $version                           = undef,
  String                                  $ensure                            = 'present',
  Variant[Array[String], Hash]            $prerequired_packages              = [],
  Array                                   $dependent_packages                = [],
  String                                  $docker_ce_start_command           = 'dockerd',
  Optional[String]                        $docker_ce_package_name            = 'docker-ce',
  String[1]                               $docker_ce_cli_package_name        = 'docker-ce-cli',
  Optional[String]                        $docker_ce_source_location         = undef,
  Optional[String]                        $docker_ce_key_source              = undef,
  Optional[String]                        $docker_ce_release                 = undef,
  Optional[String]                        $docker_package_location           = undef,
  Optional[String]                        $docker_package_key_source         = undef,
  Optional[String]                        $docker_package_key_name           = undef,
  Optional[Stdlib::Absolutepath]          $docker_package_key_path           = undef,
  Optional[Boolean]                       $docker_package_key_check_source   = undef,
  Optional[String]                        $docker_package_release            = undef,
  String                                  $docker_engine_start_command       = 'docker daemon',
  String                                  $docker_engine_package_name        = 'docker-engine',
  String                                  $docker_ce_channel                 = 'stable',
  Optional[Boolean]                       $docker_ee                         = false,
  Optional[String]                        $docker_ee_package_name            = undef,
  Optional[String]                        $docker_ee_source_location         = undef,
  Optional[String]                        $docker_ee_key_source              = undef,
  Optional[String]                        $docker_ee_repos                   = undef,
  Optional[String]                        $docker_ee_release                 = undef,
  Optional[Boolean]                       $use_upstream_package_source       = true,
  Optional[Boolean]                       $pin_upstream_package_source       = true,
  Optional[Integer]                       $apt_source_pin_level              = 500,
  Optional[String]                        $package_release                   = undef,
  Boolean                                 $manage_package                    = true,
  Optional[String]                        $package_source                    = undef,
  Optional[Variant[String,Hash]]          $repo_opt                          = undef,
  Optional[String]                        $os_lc                             = undef,
  # Daemon sockets and TLS
  Optional[Variant[String,Array[String]]] $tcp_bind                          = undef,
  Boolean                                 $tls_enable                        = false,
  Boolean                                 $tls_verify                        = true,
  Optional[String]                        $tls_cacert                        = undef,
  Optional[String]                        $tls_cert                          = undef,
  Optional[String]                        $tls_key                           = undef,
  String                                  $socket_bind                       = 'unix:///var/run/docker.sock',
  Optional[Variant[String,Boolean]]       $socket_group                      = undef,
  Optional[Boolean]                       $socket_override                   = false,
  # Daemon networking
  Boolean                                 $ip_forward                        = true,
  Boolean                                 $ip_masq                           = true,
  Optional[Boolean]                       $ipv6                              = false,
  Optional[String]                        $ipv6_cidr                         = undef,
  Optional[String]                        $default_gateway_ipv6              = undef,
  Optional[String]                        $bip                               = undef,
  Optional[String]                        $mtu                               = undef,
  Boolean                                 $iptables                          = true,
  Optional[Boolean]                       $icc                               = undef,
  Optional[String]                        $fixed_cidr                        = undef,
  Optional[String]                        $bridge                            = undef,
  Optional[String]                        $default_gateway                   = undef,
  Optional[Variant[String,Array]]         $dns                               = undef,
  Optional[Variant[String,Array]]         $dns_search                        = undef,
  Optional[Variant[String,Array]]         $registry_mirror                   = undef,
  # Daemon logging and options
  Optional[String]                        $log_level                         = undef,
  Optional[String]                        $log_driver                        = undef,
  Array                                   $log_opt                           = [],
  Optional[Boolean]                       $selinux_enabled                   = undef,
  Array                                   $labels                            = [],
  Optional[Variant[String,Array]]         $extra_parameters                  = undef,
  Optional[Variant[String,Array]]         $shell_values                      = undef,
  Optional[String]                        $proxy                             = undef,
  Optional[String]                        $no_proxy                          = undef,
  Optional[String]                        $root_dir                          = undef,
  Optional[Boolean]                       $tmp_dir_config                    = true,
  Optional[String]                        $tmp_dir                           = '/tmp/',
  Optional[String]                        $execdriver                        = undef,
  Array                                   $daemon_environment_files          = [],
  # Storage
  Optional[String]                        $storage_driver                    = undef,
  Optional[String]                        $dm_basesize                       = undef,
  Optional[String]                        $dm_fs                             = undef,
  Optional[String]                        $dm_mkfsarg                        = undef,
  Optional[String]                        $dm_mountopt                       = undef,
  Optional[String]                        $dm_blocksize                      = undef,
  Optional[String]                        $dm_loopdatasize                   = undef,
  Optional[String]                        $dm_loopmetadatasize               = undef,
  Optional[String]                        $dm_datadev                        = undef,
  Optional[String]                        $dm_metadatadev                    = undef,
  Optional[String]                        $dm_thinpooldev                    = undef,
  Optional[Boolean]                       $dm_use_deferred_removal           = undef,
  Optional[Boolean]                       $dm_use_deferred_deletion          = undef,
  Optional[Boolean]                       $dm_blkdiscard                     = undef,
  Optional[Boolean]                       $dm_override_udev_sync_check       = undef,
  Boolean                                 $overlay2_override_kernel_check    = false,
  Optional[String]                        $storage_devs                      = undef,
  Optional[String]                        $storage_vg                        = undef,
  Optional[String]                        $storage_root_size                 = undef,
  Optional[String]                        $storage_data_size                 = undef,
  Optional[String]                        $storage_min_data_size             = undef,
  Optional[String]                        $storage_chunk_size                = undef,
  Optional[Boolean]                       $storage_growpart                  = undef,
  Optional[String]                        $storage_auto_extend_pool          = undef,
  Optional[String]                        $storage_pool_autoextend_threshold = undef,
  Optional[String]                        $storage_pool_autoextend_percent   = undef,
  Optional[Variant[String,Boolean]]       $storage_config                    = undef,
  Optional[String]                        $storage_config_template           = undef,
  Optional[String]                        $storage_setup_file                = undef,
  # Service
  String                                  $service_state                     = 'running',
  Boolean                                 $service_enable                    = true,
  Boolean                                 $manage_service                    = true,
  Optional[String]                        $service_name                      = 'docker',
  Optional[String]                        $service_provider                  = 'systemd',
  Optional[Variant[String,Boolean]]       $service_config                    = undef,
  Optional[String]                        $service_config_template           = undef,
  Optional[Variant[String,Boolean]]       $service_overrides_template        = undef,
  Optional[Variant[String,Boolean]]       $socket_overrides_template         = undef,
  Optional[Variant[String,Boolean]]       $service_after_override            = undef,
  Optional[Boolean]                       $service_hasstatus                 = undef,
  Optional[Boolean]                       $service_hasrestart                = undef,
  Boolean                                 $have_systemd_v230                 = true,
  # Users
  Array                                   $docker_users                      = [],
  Boolean                                 $create_user                       = true,
  String                                  $docker_group                      = 'docker',
  Boolean                                 $acknowledge_unsupported_os        = false,
  # Windows
  Optional[String]                        $docker_msft_provider_version      = undef,
  Optional[String]                        $nuget_package_provider_version    = undef,
) {
  berth_probe::record()

  unless $acknowledge_unsupported_os {
    assert_type(Pattern[/^(Debian|RedHat|windows)$/], $facts['os']['family']) |$expected, $actual| {
      fail('class docker: this module only works on Debian, Red Hat or Windows based systems.')
    }
  }

  if $default_gateway and ! $bridge {
    fail('class docker: parameter default_gateway needs the bridge parameter.')
  }

  $log_levels = Pattern[/^(debug|info|warn|error|fatal)$/]
  if $log_level {
    assert_type($log_levels, $log_level) |$expected, $actual| {
      fail("class docker: parameter log_level expects a match for ${expected}, got '${log_level}'")
    }
  }

  $storage_drivers = Pattern[/^(aufs|devicemapper|btrfs|overlay|overlay2|vfs|zfs)$/]
  if $storage_driver {
    assert_type($storage_drivers, $storage_driver) |$expected, $actual| {
      $problem = "expects a match for ${expected}, got '${storage_driver}'"
      fail("class docker: parameter storage_driver ${problem}")
    }
  }

  if $tls_enable and ! $tcp_bind {
    fail('class docker: parameter tls_enable needs the tcp_bind parameter.')
  }

  # The real class declares these from Hiera keys of its own namespace.
  lookup('docker::registries', Hash, 'deep', {}).each |$title, $parameters| {
    docker::registry { $title: * => $parameters }
  }
  lookup('docker::images', Hash, 'deep', {}).each |$title, $parameters| {
    docker::image { $title: * => $parameters }
  }
  lookup('docker::runs', Hash, 'deep', {}).each |$title, $parameters| {
    docker::run { $title: * => $parameters }
  }
}
