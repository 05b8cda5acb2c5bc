import { readFileSync, statSync } from 'node:fs';

import { fail } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/position.js';

/** The largest input berth reads: a 100,000-container file is about 25 MiB. */
export const maxInputBytes = 64 * 1024 * 1024;

/**
 * Reads a text file strictly: it must exist, be a regular file, fit the size limit, be valid
 * UTF-8 and hold no NUL byte. A leading byte-order mark is dropped. Every refusal is a located
 * BerthError, so no caller ever sees an errno.
 */
export function readTextFile(path: string): string {
  const bytes = readBytes(path);
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const where = locateByte(bytes, invalid);
    fail(
      'BERTH-IO-ENCODING',
      { byte: (bytes[invalid] ?? 0).toString(16).padStart(2, '0'), offset: invalid },
      { file: path, ...where },
    );
  }

  const nul = bytes.indexOf(0);
  if (nul >= 0) fail('BERTH-IO-NUL', {}, { file: path, ...locateByte(bytes, nul) });

  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readBytes(path: string): Buffer {
  const stat = attempt(() => statSync(path), path);
  if (stat.isDirectory()) fail('BERTH-IO-NOT-A-FILE', { path }, { file: path });
  // A FIFO, socket or device would block or never end; only regular files are read.
  if (!stat.isFile()) {
    const readHint = 'name a regular file; pipes and devices are not read';
    fail('BERTH-IO-UNREADABLE', { path, reason: 'not a regular file', readHint }, { file: path });
  }
  if (stat.size > maxInputBytes) {
    fail(
      'BERTH-IO-TOO-LARGE',
      { size: stat.size, limit: `${maxInputBytes} bytes` },
      { file: path },
    );
  }
  return attempt(() => readFileSync(path), path);
}

/** Runs a file-system call and turns its errno into the matching located BerthError. */
export function attempt<T>(action: () => T, path: string): T {
  try {
    return action();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      fail('BERTH-IO-NOT-FOUND', { path }, { file: path });
    if (code === 'EISDIR') fail('BERTH-IO-NOT-A-FILE', { path }, { file: path });
    const readHint = 'check the file permissions';
    fail('BERTH-IO-UNREADABLE', { path, reason: describeErrno(code), readHint }, { file: path });
  }
}

function describeErrno(code: string): string {
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  return reasons[code] ?? code;
}

/** Line and column (1-based, in characters) of a byte offset in UTF-8 text. */
function locateByte(bytes: Buffer, offset: number): { line: number; column: number } {
  const before = bytes.subarray(0, offset).toString('utf8');
  const position = new LineIndex(before).position(before.length);
  return { line: position.line, column: position.column };
}

/** The offset of the first byte that breaks UTF-8, or -1. Rejects overlongs and surrogates. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    if (!continuationOk(bytes, i, length)) return i;
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function continuationOk(bytes: Uint8Array, start: number, length: number): boolean {
  const lead = bytes[start]!;
  const second = bytes[start + 1]!;
  // The second byte's range is narrower after some lead bytes: that excludes overlong forms,
  // UTF-16 surrogates (ED A0..BF) and code points above U+10FFFF.
  const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
  const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return false;
  for (let k = 2; k < length; k++) {
    const byte = bytes[start + k]!;
    if (byte < 0x80 || byte > 0xbf) return false;
  }
  return true;
}
