import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Starts each case in the output; no value can hold it by chance. */
const caseMark = '@@berth-injection-case@@';
/** Starts each recorded command in the output. */
const callMark = '@@berth-injection-call@@';

/** The commands one case's shell text ran, each as its argv (name first). */
export type ShellCalls = string[][];

/**
 * Runs shell text through the system's POSIX shell (dash on Debian) and returns, per script,
 * the commands among `commands` it ran, with the words the shell made of their arguments:
 * quotes removed, `$`, backticks and globs expanded if the text left them open. All scripts
 * go to one shell, each a few lines of its own.
 *
 * The recorded commands are shell functions that print their arguments, so nothing runs. PATH
 * is empty and the working directory is a fresh one, so text that escaped its quotes can start
 * no program and write no file that matters; and the shell's own errors go to the same output,
 * so they land in the words of a case and make it differ from what was expected.
 */
export async function shellCalls(
  scripts: readonly string[],
  commands: readonly string[],
): Promise<ShellCalls[]> {
  const functions = commands.map(
    (name) => `${name}() { printf '%s\\0' '${callMark}' ${name} "$@"; }`,
  );
  const body = scripts.map((script) => `printf '%s\\0' '${caseMark}'\n${script}\n`);
  const output = await runShell(['exec 2>&1', ...functions, ...body].join('\n'));
  return parseCalls(output, scripts.length);
}

function parseCalls(output: string, count: number): ShellCalls[] {
  const cases: ShellCalls[] = [];
  let calls: ShellCalls | undefined;
  const words = output.split('\u0000');
  // Text after the last NUL is what the shell printed last, an error message if anything.
  if (words.at(-1) === '') words.pop();
  for (const word of words) {
    if (word === caseMark) {
      calls = [];
      cases.push(calls);
    } else if (word === callMark) {
      calls?.push([]);
    } else {
      // A word outside any command is output the shell printed itself: an error message.
      const call = calls?.at(-1);
      if (call) call.push(word);
      else calls?.push([`(printed outside a command) ${word}`]);
    }
  }
  // A shell that stopped early (text that left a quote open) answers fewer cases.
  while (cases.length < count) cases.push([['(the shell stopped before this case)']]);
  return cases;
}

async function runShell(script: string): Promise<string> {
  const cwd = await mkdtemp(join(tmpdir(), 'berth-shell-'));
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn('/bin/sh', ['-s'], { cwd, env: { PATH: '' } });
      const out: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => out.push(chunk));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
      child.stdin.end(script);
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
