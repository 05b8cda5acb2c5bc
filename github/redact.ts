/**
 * Keeps secrets out of everything berth prints or writes. Every sink (stdout, stderr, the job
 * summary, error messages) goes through one redactor built from the token, so a secret echoed
 * back by a proxy or carried by an error's request headers never reaches a log.
 */
export type Redact = (text: string) => string;

const MASK = '***';

/** Secrets shorter than this are not masked: replacing every "a" would wreck the text. */
const SHORTEST_SECRET = 4;

/** Header-shaped credentials, masked even when the secret itself is not known. */
const CREDENTIAL_PATTERNS = [
  /\b(authorization["']?\s*[:=]\s*["']?(?:token|bearer|basic)\s+)[^\s"',}]+/gi,
  /\b(gh[opsur]_)[A-Za-z0-9]{20,}/g,
  /\b(github_pat_)[A-Za-z0-9_]{20,}/g,
];

export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const masked = secrets
    .filter((secret): secret is string => Boolean(secret && secret.length >= SHORTEST_SECRET))
    .sort((a, b) => b.length - a.length);

  return (text) => {
    let out = text;
    for (const secret of masked) out = out.split(secret).join(MASK);
    for (const pattern of CREDENTIAL_PATTERNS) out = out.replace(pattern, `$1${MASK}`);
    return out;
  };
}
