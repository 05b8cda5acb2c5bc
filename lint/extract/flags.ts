import type { LineIndex, Span } from '../../diagnostics/position.js';
import { shellSplit } from '../../model/shell-words.js';
import type { Value } from '../../parsers/types.js';
import type { Fact, Flag, Origin } from './types.js';

/** The text of the file a value was read from, to place words inside string literals. */
export interface SourceText {
  text: string;
  lines: LineIndex;
}

/** `docker run` flags that take a value, by long name. */
const VALUE_FLAGS = new Set(
  `
  add-host annotation attach blkio-weight blkio-weight-device cap-add cap-drop cgroup-parent
  cgroupns cidfile cpu-count cpu-percent cpu-period cpu-quota cpu-rt-period cpu-rt-runtime
  cpu-shares cpus cpuset-cpus cpuset-mems detach-keys device device-cgroup-rule device-read-bps
  device-read-iops device-write-bps device-write-iops dns dns-option dns-search domainname
  entrypoint env env-file expose gpus group-add health-cmd health-interval health-retries
  health-start-interval health-start-period health-timeout hostname io-maxbandwidth io-maxiops
  ip ip6 ipc isolation kernel-memory label label-file link link-local-ip log-driver log-opt
  lxc-conf mac-address memory memory-reservation memory-swap memory-swappiness mount name
  network network-alias oom-score-adj pid pids-limit platform publish pull restart runtime
  security-opt shm-size stop-signal stop-timeout storage-opt sysctl tmpfs ulimit user userns uts
  volume volume-driver volumes-from workdir
`
    .split(/\s+/)
    .filter(Boolean),
);

/** One-letter flags and the long flag each stands for. */
const SHORT_FLAGS: Record<string, string> = {
  a: 'attach',
  c: 'cpu-shares',
  d: 'detach',
  e: 'env',
  h: 'hostname',
  i: 'interactive',
  l: 'label',
  m: 'memory',
  p: 'publish',
  P: 'publish-all',
  q: 'quiet',
  t: 'tty',
  u: 'user',
  v: 'volume',
  w: 'workdir',
};

/** Old spellings docker still accepts. */
const LONG_ALIASES: Record<string, string> = {
  net: 'network',
  'net-alias': 'network-alias',
  'dns-opt': 'dns-option',
  cpuset: 'cpuset-cpus',
};

/** A word of the flag string: known text, or a value computed at run time. */
interface Word {
  text?: string;
  /** The source text of a word computed at run time. */
  unknownText?: string;
  span: Span;
}

/**
 * Reads docker flags from the items of a free-form flag parameter, as the module passes them
 * to `docker create`: items are joined with spaces, so a flag may take its value from the
 * next item. A literal item is split into words like a shell command line; each word's span
 * is found in the source when the word is written there as is, and is the whole item's span
 * otherwise (a word built from quotes or escapes). An item computed at run time is one
 * unknown word: a flag waiting for a value gets an unknown value, and nothing else is
 * guessed from it.
 */
export function readFlags(items: readonly Value[], origin: Origin, source: SourceText): Flag[] {
  const words = items.flatMap((item) => wordsOf(item, source));
  const flags: Flag[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.text === undefined || !word.text.startsWith('-') || word.text === '-') continue;
    const read = word.text.startsWith('--')
      ? readLong(word, words[i + 1], origin)
      : readShort(word, words[i + 1], origin);
    flags.push(...read.flags);
    if (read.tookNext) i++;
  }
  return flags;
}

function wordsOf(item: Value, source: SourceText): Word[] {
  if (item.kind === 'unknown') return interpolatedFlag(item) ?? [unknownWord(item)];
  if (item.kind !== 'string') return [];
  // An open quote: docker would never see these words, so nothing is read from them.
  const split = shellSplit(item.value);
  if (!split) return [{ span: item.span, unknownText: item.value }];
  return placeWords(split, item.span, source);
}

function unknownWord(item: Value & { kind: 'unknown' }): Word {
  return { span: item.span, unknownText: item.text };
}

/**
 * `"--memory=${mem}"`, `"--memory ${mem}"`, `"-m${mem}"`: a flag written out with an
 * interpolated value, read as the flag followed by an unknown word.
 */
function interpolatedFlag(item: Value & { kind: 'unknown' }): Word[] | undefined {
  const match = /^"(-[\w-]*?)[= ]?(\$\{[^}"]*\})"$/.exec(item.text);
  if (!match) return undefined;
  return [
    { text: match[1]!, span: item.span },
    { span: item.span, unknownText: match[2]! },
  ];
}

/** Whether an item computed at run time is one flag with a computed value, read as such. */
export function readsAsOneFlag(item: Value & { kind: 'unknown' }): boolean {
  return interpolatedFlag(item) !== undefined;
}

/** Finds each word, in order, in the literal's source text. */
function placeWords(words: string[], span: Span, source: SourceText): Word[] {
  const raw = source.text.slice(span.start.offset, span.end.offset);
  let cursor = 0;
  return words.map((text) => {
    const at = text === '' ? -1 : raw.indexOf(text, cursor);
    if (at < 0) return { text, span };
    cursor = at + text.length;
    const start = span.start.offset + at;
    return { text, span: source.lines.span(start, start + text.length) };
  });
}

interface Read {
  flags: Flag[];
  tookNext: boolean;
}

function readLong(word: Word, next: Word | undefined, origin: Origin): Read {
  const text = word.text!;
  const equals = text.indexOf('=');
  const writtenName = equals < 0 ? text.slice(2) : text.slice(2, equals);
  const name = LONG_ALIASES[writtenName] ?? writtenName;
  const written = `--${writtenName}`;
  const flagOrigin: Origin = { ...origin, flag: written };

  if (equals >= 0) {
    const value = known(text.slice(equals + 1), word.span, flagOrigin);
    return {
      flags: [{ name, written, value, span: word.span, origin: flagOrigin }],
      tookNext: false,
    };
  }
  if (!VALUE_FLAGS.has(name) || !next) {
    return {
      flags: [{ name, written, value: true, span: word.span, origin: flagOrigin }],
      tookNext: false,
    };
  }
  return { flags: [withNextValue(name, written, word, next, flagOrigin)], tookNext: true };
}

/** `-it`, `-v /a:/b`, `-p8080:80`: letters up to the first that takes a value. */
function readShort(word: Word, next: Word | undefined, origin: Origin): Read {
  const text = word.text!;
  const flags: Flag[] = [];
  for (let i = 1; i < text.length; i++) {
    const letter = text[i]!;
    const name = SHORT_FLAGS[letter] ?? letter;
    const written = `-${letter}`;
    const flagOrigin: Origin = { ...origin, flag: written };
    if (!VALUE_FLAGS.has(name)) {
      flags.push({ name, written, value: true, span: word.span, origin: flagOrigin });
      continue;
    }
    const rest = text.slice(i + 1).replace(/^=/, '');
    if (rest !== '' || !next) {
      const value = known(rest, word.span, flagOrigin);
      flags.push({ name, written, value, span: word.span, origin: flagOrigin });
      return { flags, tookNext: false };
    }
    flags.push(withNextValue(name, written, word, next, flagOrigin));
    return { flags, tookNext: true };
  }
  return { flags, tookNext: false };
}

function withNextValue(
  name: string,
  written: string,
  word: Word,
  next: Word,
  origin: Origin,
): Flag {
  const span = { start: word.span.start, end: next.span.end };
  const value: Fact<string> =
    next.text === undefined
      ? { known: false, text: next.unknownText ?? '', span: next.span, origin }
      : { known: true, value: next.text, span: next.span, origin };
  return { name, written, value, span, origin };
}

function known(value: string, span: Span, origin: Origin): Fact<string> {
  return { known: true, value, span, origin };
}

/** The flag's value as a fact spanning the whole flag, or undefined for a bare flag. */
export function flagValue(flag: Flag): Fact<string> | undefined {
  if (flag.value === true) return undefined;
  return flag.value.known
    ? { known: true, value: flag.value.value, span: flag.span, origin: flag.origin }
    : { known: false, text: flag.value.text, span: flag.span, origin: flag.origin };
}

/** A boolean flag (`--privileged`, `--privileged=false`) as a fact. */
export function flagBoolean(flag: Flag): Fact<boolean> | undefined {
  if (flag.value === true)
    return { known: true, value: true, span: flag.span, origin: flag.origin };
  const value = flagValue(flag);
  if (!value?.known) return value;
  if (value.value === 'true' || value.value === 'false') {
    return { ...value, value: value.value === 'true' };
  }
  return undefined;
}
