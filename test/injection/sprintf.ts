import { spawn } from 'node:child_process';

// Puppet's sprintf is Ruby's Kernel#format. One text per line of JSON in, one out: the
// formatted text, or the error Ruby raised.
const program = `
require 'json'
texts = JSON.parse($stdin.read.force_encoding('UTF-8'))
puts JSON.generate(texts.map { |text| format(text) rescue "(sprintf failed: #{$!.message})" })
`;

/** What Puppet's `sprintf` makes of each text given as its only argument, in one Ruby process. */
export function rubySprintf(texts: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('ruby', ['-e', program]);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0)
        reject(new Error(`ruby sprintf failed (exit ${code}): ${Buffer.concat(err)}`));
      else resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as string[]);
    });
    child.stdin.end(JSON.stringify(texts));
  });
}
