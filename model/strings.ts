import type { NormalizeContext } from './context.js';
import type { YamlPath } from './types.js';

/**
 * Finds strings no target can carry: a NUL character (C strings in Docker, Ruby's and Puppet's
 * process arguments) and unpaired UTF-16 surrogates (YAML escapes such as "\uD800", which are
 * not characters and cannot be written as UTF-8). Keys are checked as well as values.
 */
export function checkStrings(context: NormalizeContext, root: unknown, text: string): void {
  // Such a character is either in the text itself or written as a YAML escape (`\0`,
  // `\uD800`): text with neither holds no value that needs the walk below.
  if (!mayHoldUnsafe.test(text)) return;

  // The path is one array, pushed and popped, and copied only when a problem is reported:
  // this walk visits every value of files with 100,000 containers.
  const path: (string | number)[] = [];
  const seen = new Set<object>();

  const visit = (value: unknown) => {
    if (typeof value === 'string') {
      if (unsafeCharacter(value)) checkOne(context, value, [...path]);
      return;
    }
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);

    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        path.push(index);
        visit(item);
        path.pop();
      });
      return;
    }
    for (const key in value) {
      path.push(key);
      if (unsafeCharacter(key)) checkOne(context, key, [...path], true);
      visit((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(root);
}

function checkOne(context: NormalizeContext, text: string, path: YamlPath, isKey = false): void {
  const problem = unsafeCharacter(text);
  if (!problem) return;
  context.report(
    'BERTH-SPEC-VALUE',
    {
      subject: path.length === 0 ? 'the file' : path.map(String).join('.'),
      problem: `${isKey ? 'the key ' : ''}contains ${problem}, which no target can carry`,
      valueHint: 'remove the character; write text as plain UTF-8',
    },
    path,
    isKey,
  );
}

/** A quick test that passes almost every string; only those it flags are looked at closely. */
const suspicious = /[\u0000\uD800-\uDFFF]/;
const mayHoldUnsafe = /[\\\u0000\uD800-\uDFFF]/;

export function unsafeCharacter(text: string): string | undefined {
  if (!suspicious.test(text)) return undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return 'a NUL character';
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return 'an unpaired surrogate';
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return 'an unpaired surrogate';
    }
  }
  return undefined;
}
