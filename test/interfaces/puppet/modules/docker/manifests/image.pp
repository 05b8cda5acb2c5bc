# @summary
#   Stand-in for `docker::image` of puppetlabs-docker 10.x: the same parameters and data types,
#   the real define's checks on conflicting sources, and no image.
#
# The real define names its pull `exec` after the full image reference, so two
# `docker::image` for the same reference collide; the claim below reproduces that.
define docker::image (
  Enum[present,absent,latest]  $ensure       = 'present',
  Optional[Pattern[/^[\S]*$/]] $image        = $title,
  Optional[String]             $image_tag    = undef,
  Optional[String]             $image_digest = undef,
  Boolean                      $force        = false,
  Optional[String]             $docker_file  = undef,
  Optional[String]             $docker_dir   = undef,
  Optional[String]             $docker_tar   = undef,
) {
  berth_probe::record()

  $conflicts = {
    'docker_file and docker_tar'   => $docker_file and $docker_tar,
    'docker_dir and docker_tar'    => $docker_dir and $docker_tar,
    'image_digest and docker_file' => $image_digest and $docker_file,
    'image_digest and docker_dir'  => $image_digest and $docker_dir,
    'image_digest and docker_tar'  => $image_digest and $docker_tar,
  }
  $conflicts.each |$pair, $both| {
    if $both {
      fail("docker::image[${title}]: must not have both ${pair} set")
    }
  }

  if $image_digest {
    $reference = "${image}@${image_digest}"
  } elsif $image_tag {
    $reference = "${image}:${image_tag}"
  } else {
    $reference = $image
  }
  berth_probe::claim { "docker::image exec for ${reference}":
    what => "the pull Exec of Docker::Image[${title}] for ${reference}",
  }
}
