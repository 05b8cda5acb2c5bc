import { schema } from '../../model/validate.js';
import type { ParsedArgs } from '../args.js';
import { out } from '../output.js';

export function runSchema(_args: ParsedArgs): number {
  out(JSON.stringify(schema, null, 2));
  return 0;
}
