/**
 * Healthchecks. The module has `health_check_cmd` and `health_check_interval` (whole seconds);
 * every other setting is a docker flag in `extra_parameters`.
 */
import type { Healthcheck } from '../../model/types.js';
import { shellJoin } from '../quote/shell.js';
import type { RunContext } from './run-context.js';
import type { RunParts } from './run-parts.js';
import { insideSingleQuotes } from './shell.js';
import { goDuration } from './values.js';

export function addHealthcheck(context: RunContext, parts: RunParts): void {
  const check = context.container.healthcheck;
  if (!check) return;
  if (check.disabled) {
    parts.flag('no-healthcheck');
    noteIgnoredSettings(context, check);
    return;
  }
  addTest(context, check, parts);
  addTimings(check, parts);
}

/**
 * `docker run --health-cmd` always runs its text through the container's shell (CMD-SHELL), so
 * an exec-form test is quoted into one shell command: the same argv, given a /bin/sh.
 */
function addTest({ notes }: RunContext, check: Healthcheck, parts: RunParts): void {
  if (!check.test) return;
  const command = check.test.kind === 'shell' ? check.test.command : shellJoin(check.test.argv);
  parts.set('health_check_cmd', insideSingleQuotes(command), 'healthcheck.test');
  if (check.test.kind === 'exec') {
    notes.approximate(
      [...check.path, 'test'],
      'an exec-form healthcheck test',
      'docker run can only take a shell command, so the image needs /bin/sh to run the ' +
        'check (the argv is quoted unchanged)',
      'use the CMD-SHELL form, or keep an image that has /bin/sh',
    );
  }
}

/** Whole seconds use the module's parameter; anything finer is exact as a docker flag. */
function addTimings(check: Healthcheck, parts: RunParts): void {
  const interval = check.intervalMs;
  if (interval !== undefined && interval % 1000 === 0 && interval > 0) {
    parts.set('health_check_interval', interval / 1000, 'healthcheck.interval');
  } else if (interval !== undefined) {
    parts.flag('health-interval', goDuration(interval));
  }
  if (check.timeoutMs !== undefined) parts.flag('health-timeout', goDuration(check.timeoutMs));
  if (check.retries !== undefined) parts.flag('health-retries', check.retries);
  if (check.startPeriodMs !== undefined) {
    parts.flag('health-start-period', goDuration(check.startPeriodMs));
  }
}

/** Docker refuses `--no-healthcheck` together with any other healthcheck flag. */
function noteIgnoredSettings({ notes }: RunContext, check: Healthcheck): void {
  const ignored = [
    check.intervalMs !== undefined ? 'interval' : '',
    check.timeoutMs !== undefined ? 'timeout' : '',
    check.retries !== undefined ? 'retries' : '',
    check.startPeriodMs !== undefined ? 'start_period' : '',
  ].filter(Boolean);
  if (ignored.length === 0) return;
  notes.unsupported(
    check.path,
    `healthcheck ${ignored.join(', ')} with disable: true`,
    'docker run refuses them beside --no-healthcheck, so they are left out',
    `remove ${ignored.join(', ')} from the healthcheck, or drop disable: true`,
  );
}
