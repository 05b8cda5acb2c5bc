/**
 * Path patterns for the configuration: `*` matches within one path segment, `**` any number
 * of segments, `?` one character, `{a,b}` either. A pattern without a `/` matches a file or
 * folder name at any depth; a pattern ending in `/` matches everything below that folder.
 * Paths are compared with `/` separators, relative to the folder of the configuration file.
 */
export function compileGlob(pattern: string): RegExp {
  let glob = pattern.trim().replace(/^\.\//, '');
  if (glob.endsWith('/')) glob += '**';
  if (!glob.includes('/')) glob = `**/${glob}`;
  if (glob.startsWith('/')) glob = glob.slice(1);
  // A folder pattern also covers what is inside it.
  return new RegExp(`^${translate(glob)}(?:/.*)?$`);
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, close)
          .split(',')
          .map(translate)
          .join('|')})`;
        i = close;
      }
    } else out += /[\\^$.|+()[\]{}]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/** Several patterns as one test; no pattern matches nothing. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.map(compileGlob);
  return (path) => compiled.some((regex) => regex.test(path));
}
