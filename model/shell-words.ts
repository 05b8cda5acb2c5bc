/**
 * Splits a command string the way a POSIX shell splits words, without expanding anything:
 * single quotes, double quotes (with `\` escaping `$`, `` ` ``, `"`, `\` and newline) and
 * backslashes outside quotes. Returns undefined when a quote is left open.
 */
export function shellSplit(line: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;

  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      const read = readDoubleQuoted(line, i + 1);
      if (!read) return undefined;
      word += read.text;
      inWord = true;
      i = read.next;
    } else if (c === '\\') {
      if (i + 1 < line.length && line[i + 1] !== '\n') word += line[i + 1];
      inWord = inWord || line[i + 1] !== '\n';
      i += 2;
    } else {
      word += c;
      inWord = true;
      i++;
    }
  }

  if (inWord) words.push(word);
  return words;
}

function readDoubleQuoted(line: string, from: number): { text: string; next: number } | undefined {
  let text = '';
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') return { text, next: i + 1 };
    if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1]!)) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i++;
    } else {
      text += c;
    }
  }
  return undefined;
}
