# @summary
#   Stand-in for `docker::registry` of puppetlabs-docker 10.x: the same parameters and data
#   types, and no login.
#
# `version` defaults to `$docker::version` as in the real define, so class `docker` has to be
# in the catalog. The real define writes a receipt file named after the server and the local
# user, so two logins to one server as one local user collide; the claim reproduces that.
define docker::registry (
  Optional[String]     $server          = $title,
  Enum[present,absent] $ensure          = 'present',
  Optional[String]     $username        = undef,
  Optional[String]     $password        = undef,
  Optional[String]     $pass_hash       = undef,
  Optional[String]     $email           = undef,
  String               $local_user      = 'root',
  Optional[String]     $local_user_home = undef,
  Optional[String]     $version         = $docker::version,
  Boolean              $receipt         = true,
) {
  berth_probe::record()

  $default_home = $local_user ? { 'root' => '/root', default => "/home/${local_user}" }
  $home = pick($local_user_home, $default_home)
  $server_part = regsubst($server, '/', '_', 'G')
  if $ensure == 'present' and $receipt {
    $receipt_path = "${home}/registry-auth-puppet_receipt_${server_part}_${local_user}"
    berth_probe::claim { "docker::registry receipt ${receipt_path}":
      what => "File[${receipt_path}] of Docker::Registry[${title}]",
    }
  }
}
