import type { Span } from '../diagnostics/position.js';
import type { Comment } from '../parsers/types.js';

/**
 * Inline suppression comments. Every form names rule ids and needs a reason:
 *
 * - `# berth:disable <id>[,<id>] -- <reason>`: after code, that line; alone on a line, the next
 *   line holding code. When that line opens a resource, the whole resource.
 * - `# berth:disable-start <ids> -- <reason>` ... `# berth:disable-end`: the lines between.
 * - Puppet files also take puppet-lint's control comments with a `berth-` prefix:
 *   `# lint:ignore:berth-<id> <reason>` after code covers that line; alone on a line it opens
 *   a block that `# lint:endignore` closes.
 */
export interface Directive {
  syntax: 'berth' | 'puppet-lint';
  action: 'disable' | 'start' | 'end';
  /** Rule ids as written. */
  ruleIds: string[];
  reason: string;
  /** Code precedes the comment on its line. */
  trailing: boolean;
  span: Span;
}

const BERTH = /^#\s*berth:(disable-start|disable-end|disable)(?![\w-])\s*(.*)$/s;
const LINT_IGNORE = /lint:ignore:([\w-]+)/g;
const LINT_END = /lint:endignore\b/;

/** The comments that are directives; other comments are ignored. */
export function readDirectives(comments: readonly Comment[], text: string): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const directive = readDirective(comment, text);
    if (directive) directives.push(directive);
  }
  return directives;
}

function readDirective(comment: Comment, text: string): Directive | undefined {
  const trailing = hasCodeBefore(text, comment.span.start.offset);
  const berth = BERTH.exec(comment.text.trim());
  if (berth) return berthDirective(berth[1]!, berth[2] ?? '', trailing, comment.span);
  if (comment.text.includes('lint:')) return lintDirective(comment, trailing);
  return undefined;
}

function berthDirective(verb: string, rest: string, trailing: boolean, span: Span): Directive {
  const separator = rest.search(/(^|\s)--(\s|$)/);
  const ids = separator < 0 ? rest : rest.slice(0, separator);
  const reason =
    separator < 0
      ? ''
      : rest
          .slice(separator)
          .replace(/^\s*--/, '')
          .trim();
  const action = verb === 'disable-start' ? 'start' : verb === 'disable-end' ? 'end' : 'disable';
  return { syntax: 'berth', action, ruleIds: splitIds(ids), reason, trailing, span };
}

/**
 * puppet-lint's `lint:ignore:<check>` names one check each, several may follow each other,
 * and the words left over are the reason. Checks of puppet-lint itself are kept (without the
 * `berth-` prefix they name no berth rule) so that blocks still pair with `lint:endignore`.
 */
function lintDirective(comment: Comment, trailing: boolean): Directive | undefined {
  const body = comment.text.replace(/^#/, '');
  if (LINT_END.test(body)) {
    return {
      syntax: 'puppet-lint',
      action: 'end',
      ruleIds: [],
      reason: '',
      trailing,
      span: comment.span,
    };
  }
  const checks = [...body.matchAll(LINT_IGNORE)].map((match) => match[1]!);
  if (checks.length === 0) return undefined;
  const reason = body.replace(LINT_IGNORE, '').trim();
  const action = trailing ? 'disable' : 'start';
  return { syntax: 'puppet-lint', action, ruleIds: checks, reason, trailing, span: comment.span };
}

function splitIds(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

function hasCodeBefore(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c !== 32 && c !== 9 && c !== 13) return true;
  }
  return false;
}

/** The berth rule a puppet-lint check name stands for, or undefined for puppet-lint's own. */
export function berthRuleOfCheck(check: string): string | undefined {
  return check.startsWith('berth-') ? check.slice('berth-'.length) : undefined;
}
