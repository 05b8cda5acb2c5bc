import type { NormalizeContext } from './context.js';
import type { Container } from './types.js';

/**
 * Orders containers so that each comes after everything it depends on, keeping the file's
 * order otherwise. A cycle is reported once, naming its members in order. The walk keeps its
 * own stack, so a chain of 100,000 dependencies cannot overflow the call stack.
 */
export function orderByDependencies(
  context: NormalizeContext,
  containers: Container[],
): Container[] {
  const byName = new Map(containers.map((c) => [c.name, c]));
  const state = new Map<string, 'visiting' | 'done'>();
  const ordered: Container[] = [];
  let cycleReported = false;

  for (const root of containers) {
    if (state.has(root.name)) continue;
    const stack: { container: Container; next: number }[] = [{ container: root, next: 0 }];
    state.set(root.name, 'visiting');

    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const dependency = frame.container.dependsOn[frame.next++];
      if (!dependency) {
        state.set(frame.container.name, 'done');
        ordered.push(frame.container);
        stack.pop();
        continue;
      }

      const target = byName.get(dependency.name);
      const mark = target && state.get(target.name);
      if (target && mark === undefined) {
        state.set(target.name, 'visiting');
        stack.push({ container: target, next: 0 });
      } else if (target && mark === 'visiting' && !cycleReported) {
        const trail = stack.map((f) => f.container.name);
        const cycle = [...trail.slice(trail.indexOf(target.name)), target.name];
        context.report('BERTH-SPEC-CYCLE', { cycle: cycle.join(' -> ') }, dependency.path);
        cycleReported = true;
      }
    }
  }
  return ordered;
}
