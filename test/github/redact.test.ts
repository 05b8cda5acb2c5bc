import { describe, expect, it } from 'vitest';

import { apiDiagnostic } from '../../github/api.js';
import { createLogger, octokitLog } from '../../github/logger.js';
import { createRedactor } from '../../github/redact.js';
import { TOKEN } from './harness.js';

const redact = createRedactor([TOKEN]);

describe('the redactor', () => {
  it('masks the token wherever it appears', () => {
    expect(redact(`a ${TOKEN} b ${TOKEN}`)).toBe('a *** b ***');
  });

  it('masks credentials in header shapes and token formats even when not told them', () => {
    const none = createRedactor([]);
    expect(none('authorization: token abc123secret')).toBe('authorization: token ***');
    expect(none('{"Authorization":"Bearer xyz.987"}')).toBe('{"Authorization":"Bearer ***"}');
    expect(
      none('ghp_0123456789abcdefghij0123 and github_pat_11ABCDEFG0123456789_abcdefghijk'),
    ).toBe('ghp_*** and github_pat_***');
  });

  it('leaves very short secrets alone rather than wrecking the text', () => {
    expect(createRedactor(['a'])('a cat')).toBe('a cat');
  });
});

describe('the logger', () => {
  function capture(debug: boolean) {
    const lines: string[] = [];
    const logger = createLogger({
      debug,
      namespace: 'berth:github',
      write: (t) => lines.push(t),
      redact,
    });
    return { logger, lines };
  }

  it('writes debug lines only under --debug, warnings always', () => {
    const quiet = capture(false);
    quiet.logger.debug('hidden');
    quiet.logger.warn('shown');
    expect(quiet.lines).toEqual(['berth:github warning: shown\n']);
  });

  it('routes Octokit logs to debug and never prints request headers', () => {
    const loud = capture(true);
    const log = octokitLog(loud.logger);
    const options = {
      method: 'GET',
      url: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
      headers: { authorization: `token ${TOKEN}` },
    };
    log.debug('request', options);
    log.info('GET /repos/acme/fleet - 200');
    log.error('failure', { status: 500, headers: { authorization: 'token hidden-value' } });
    log.warn('echo', new Error(`server said ${TOKEN}`));

    expect(loud.lines).toEqual([
      'berth:github debug: request GET /repos/{owner}/{repo}/pulls/{pull_number}/files\n',
      'berth:github debug: GET /repos/acme/fleet - 200\n',
      'berth:github debug: failure {"status":500}\n',
      'berth:github debug: echo server said ***\n',
    ]);
    expect(capture(false).lines).toEqual([]);
  });
});

describe('API error diagnostics', () => {
  it('carry status, request and reason, but nothing secret from the error', () => {
    const error = Object.assign(new Error(`Bad credentials for ${TOKEN}\nmore`), {
      status: 401,
      request: {
        method: 'POST',
        url: `https://api.github.com/repos/acme/fleet/check-runs?access_token=${TOKEN}`,
        headers: { authorization: `token ${TOKEN}` },
      },
    });

    const d = apiDiagnostic(error, 'https://api.github.com', redact);

    expect(d.code).toBe('BERTH-GITHUB-API');
    expect(d.message).toBe(
      'GitHub answered 401 to POST /repos/acme/fleet/check-runs: Bad credentials for ***',
    );
    expect(d.hint).toBe('the token was refused; check GITHUB_TOKEN or --token');
    expect(JSON.stringify(d)).not.toContain(TOKEN);
  });
});
