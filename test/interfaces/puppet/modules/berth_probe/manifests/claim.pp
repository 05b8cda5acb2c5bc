# @summary
#   Stands for a resource whose title the real module derives from its inputs. Declaring it
#   makes two stand-in resources collide exactly where the real module's would.
#
# @param what
#   The real resource this claim stands for, for the error message.
define berth_probe::claim (
  String $what = $title,
) {
}
