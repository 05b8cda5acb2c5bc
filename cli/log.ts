/**
 * Debug output, one namespace per pipeline stage (`berth:model`, `berth:generate`, ...), on
 * stderr. On with `--debug` or `DEBUG=berth:*` (or a list of namespaces). Messages name steps
 * and counts, never values from the berth file, so secrets cannot leak through them.
 */
export interface Logger {
  debug(message: string): void;
  /** Runs a step and logs how long it took. */
  time<T>(step: string, action: () => T): T;
}

let forced = false;

export function enableDebug(): void {
  forced = true;
}

function enabled(namespace: string): boolean {
  if (forced) return true;
  const patterns = (process.env.DEBUG ?? '').split(/[\s,]+/).filter(Boolean);
  return patterns.some((pattern) => {
    const regex = new RegExp(
      `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
    );
    return regex.test(namespace);
  });
}

export function logger(stage: string): Logger {
  const namespace = `berth:${stage}`;
  const on = () => enabled(namespace);
  return {
    debug(message) {
      if (on()) process.stderr.write(`${namespace} ${message}\n`);
    },
    time(step, action) {
      if (!on()) return action();
      const start = process.hrtime.bigint();
      const result = action();
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      process.stderr.write(`${namespace} ${step} ${ms.toFixed(1)}ms\n`);
      return result;
    },
  };
}
