/**
 * How every template is compiled, at build time and at run time alike. Escaping is off: HTML
 * escaping means nothing in Ruby or Puppet, and every value is quoted by a named helper of the
 * target instead. `strict` makes a template that names a field the view model lacks fail
 * loudly rather than print "".
 */
export const templateOptions = { noEscape: true, strict: true } as const;
