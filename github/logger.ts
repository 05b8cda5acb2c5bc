import type { Redact } from './redact.js';

/**
 * A small leveled logger writing to stderr. `debug` lines appear only under `--debug`;
 * `warn` lines always do. Every line is redacted before it is written.
 */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  warn(message: string): void;
}

export interface LoggerOptions {
  debug: boolean;
  namespace: string;
  write: (text: string) => void;
  redact: Redact;
}

export function createLogger(options: LoggerOptions): Logger {
  const emit = (level: string, message: string, details: unknown[]): void => {
    const rest = details.map(describeDetail).filter(Boolean).join(' ');
    const line = `${options.namespace} ${level}: ${message}${rest ? ` ${rest}` : ''}`;
    options.write(`${options.redact(line)}\n`);
  };

  return {
    debug: (message, ...details) => {
      if (options.debug) emit('debug', message, details);
    },
    warn: (message) => emit('warning', message, []),
  };
}

/**
 * The logger handed to Octokit. Octokit logs each request's options, headers included, at
 * debug level; all of it is kept behind `--debug` and headers are left out entirely.
 */
export function octokitLog(logger: Logger): Record<'debug' | 'info' | 'warn' | 'error', Log> {
  const forward: Log = (message, ...details) => logger.debug(String(message), ...details);
  return { debug: forward, info: forward, warn: forward, error: forward };
}

type Log = (message: unknown, ...details: unknown[]) => void;

/** Request options shrink to `METHOD url`; anything else to bounded JSON without headers. */
function describeDetail(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return detail.message;
  if (typeof detail !== 'object' || detail === null) return String(detail);

  const record = detail as Record<string, unknown>;
  if (typeof record.method === 'string' && typeof record.url === 'string') {
    return `${record.method} ${record.url}`;
  }
  const { headers: _headers, request: _request, ...rest } = record;
  return truncate(safeJson(rest), DETAIL_LIMIT);
}

const DETAIL_LIMIT = 500;

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[unprintable]';
  }
}
