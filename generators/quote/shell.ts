/**
 * POSIX shell quoting: the word comes back unchanged when it has no character the shell treats
 * specially, otherwise inside single quotes, where nothing is special except the quote itself,
 * which is closed, escaped and reopened. NUL cannot be carried; the model rejects it earlier.
 */
const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

export function shellQuote(word: string): string {
  if (plainWord.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes each word and joins them with spaces: one command line. */
export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}
