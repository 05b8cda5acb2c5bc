/**
 * The awkward value the fixtures write in each language's own escaping: both quote kinds, a
 * backslash, both interpolation syntaxes, a newline and non-ASCII text. A stand-in must
 * record exactly these characters, or some quoting went wrong on the way.
 */
export const awkwardText =
  'it\'s "quoted", a back\\slash, ${not_a_var}, #{not_ruby}\nline two, caf\u00e9 \u2603';

/** A secret as a test passes it in (Hiera data, a data bag), with the same kinds of trouble. */
export const awkwardSecret = 'p@ss "w0rd" \\ ${x} #{y}\nnext \u00fcn\u00ef';
