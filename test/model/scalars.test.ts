import { describe, expect, it } from 'vitest';

import { modelFromText } from '../../model/index.js';

/** The environment of a container whose variables are written as below, as the model has it. */
function environment(variables: string): Record<string, unknown> {
  const text =
    'name: demo\nversion: 1.0.0\nauthor: acme\ncontainers:\n  web:\n    image: nginx:1.27\n' +
    `    environment: { ${variables} }\n`;
  const [container] = modelFromText('berth.yaml', text).model.containers;
  return Object.fromEntries(container!.environment.map((v) => [v.name, v.value]));
}

describe('numbers and booleans in text fields', () => {
  it('reads them as JavaScript prints them when the whole file writes them so', () => {
    expect(environment('PORT: 8000, DEBUG: true, RATIO: 0.5')).toEqual({
      PORT: '8000',
      DEBUG: 'true',
      RATIO: '0.5',
    });
  });

  it('reads each as written once one number in the file is written otherwise', () => {
    expect(environment('PORT: 8000, VERSION: 1.10, MASK: 0x1F, DEBUG: True')).toEqual({
      PORT: '8000',
      VERSION: '1.10',
      MASK: '0x1F',
      DEBUG: 'True',
    });
  });
});
