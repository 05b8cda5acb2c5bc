import { describe, expect, it } from 'vitest';

import { BerthError } from '../../diagnostics/diagnostic.js';
import { modelFromText } from '../../model/index.js';

const text = (device: string) =>
  'name: demo\nversion: 1.0.0\nauthor: acme\ncontainers:\n  web:\n    image: nginx:1.27\n' +
  `    devices: [${JSON.stringify(device)}]\n`;

function devices(device: string) {
  return modelFromText('berth.yaml', text(device)).model.containers[0]!.devices;
}

function refusal(device: string) {
  try {
    modelFromText('berth.yaml', text(device));
  } catch (error) {
    if (error instanceof BerthError) return error.diagnostics;
    throw error;
  }
  return [];
}

describe('devices', () => {
  it.each([
    ['/dev/fuse', { host: '/dev/fuse', container: '/dev/fuse', permissions: 'rwm' }],
    ['/dev/snd:/dev/sound', { host: '/dev/snd', container: '/dev/sound', permissions: 'rwm' }],
    ['/dev/sda:/dev/xvdc:r', { host: '/dev/sda', container: '/dev/xvdc', permissions: 'r' }],
    ['/dev/sda:/dev/sda:mw', { host: '/dev/sda', container: '/dev/sda', permissions: 'mw' }],
  ])('reads %s', (device, expected) => {
    expect(devices(device)).toMatchObject([expected]);
  });

  it.each([
    ['/dev/a:/dev/b:rw:x', '4 parts'],
    ['/dev/a:dev/b', 'is relative'],
    ['/dev/a:/dev/b:rx', 'not a combination of r, w and m'],
    ['/dev/a:/dev/b:rr', 'not a combination of r, w and m'],
    ['/dev/a:/dev/b:', 'not a combination of r, w and m'],
  ])('refuses %s where it is written', (device, problem) => {
    const diagnostics = refusal(device);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'BERTH-SPEC-VALUE', line: 7, column: 15 });
    expect(diagnostics[0]!.message).toContain(problem);
  });
});
