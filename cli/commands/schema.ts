import { schema } from '../../model/validate.js';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { out } from '../output.js';

export const schemaSpec: CommandSpec = {
  name: 'schema',
  summary: 'print the JSON Schema of berth.yaml',
  usage: 'berth schema',
  description: [
    'Prints the JSON Schema (draft 2020-12) of the berth file. Editors that use',
    'yaml-language-server can read it from a first line such as:',
    '  # yaml-language-server: $schema=<path>/berth.schema.json',
  ].join('\n'),
  options: [],
};

export function runSchema(_args: ParsedArgs): number {
  out(JSON.stringify(schema, null, 2));
  return 0;
}
