import { closest } from '../model/suggest.js';
import type { LintedFile, Problem } from './rule.js';
import { berthRuleOfCheck, readDirectives, type Directive } from './suppression.js';

/** Lines where findings of the named rules are suppressed, with the reason given. */
export interface Suppression {
  ruleIds: ReadonlySet<string>;
  fromLine: number;
  toLine: number;
  reason: string;
}

export interface InlineSuppressions {
  suppressions: Suppression[];
  /** Directives that are themselves mistakes, for the `invalid-suppression` rule. */
  problems: Problem[];
}

/** Comments that may hold directives, found without running the full reader on each. */
const MAY_DIRECT = /berth:|lint:/;

/** Whether any comment of a file may hold a directive: the file's text must then say so. */
export function mayHoldDirectives(text: string): boolean {
  return text.includes('berth:') || text.includes('lint:');
}

export function inlineSuppressions(
  file: LintedFile,
  ruleIds: readonly string[],
): InlineSuppressions {
  const comments = file.parse.comments.filter((comment) => MAY_DIRECT.test(comment.text));
  const reader = new DirectiveReader(file, ruleIds);
  for (const directive of readDirectives(comments, file.text)) reader.add(directive);
  reader.finish();
  return { suppressions: reader.suppressions, problems: reader.problems };
}

interface OpenBlock {
  directive: Directive;
  ruleIds: string[];
  valid: boolean;
}

class DirectiveReader {
  readonly suppressions: Suppression[] = [];
  readonly problems: Problem[] = [];
  private readonly open: OpenBlock[] = [];

  constructor(
    private readonly file: LintedFile,
    private readonly knownIds: readonly string[],
  ) {}

  add(directive: Directive): void {
    if (directive.action === 'end') return this.close(directive);
    const ruleIds = this.ruleIds(directive);
    const valid = this.validate(directive, ruleIds);
    if (directive.action === 'start') {
      this.open.push({ directive, ruleIds, valid });
      return;
    }
    if (!valid) return;
    const [fromLine, toLine] = this.linesCovered(directive);
    this.suppressions.push({
      ruleIds: new Set(ruleIds),
      fromLine,
      toLine,
      reason: directive.reason,
    });
  }

  /** Blocks left open run to the end of the file, and say so. */
  finish(): void {
    const lastLine = this.file.lines.position(this.file.text.length).line;
    for (const block of this.open) {
      if (block.ruleIds.length === 0) continue;
      const closer = block.directive.syntax === 'berth' ? 'berth:disable-end' : 'lint:endignore';
      this.problem(
        block.directive,
        `suppression block is never closed with ${closer}; it runs to the end of the file`,
      );
      this.addBlock(block, lastLine);
    }
  }

  private close(directive: Directive): void {
    const index = this.open.findLastIndex((block) => block.directive.syntax === directive.syntax);
    if (index < 0) {
      // puppet-lint's own unbalanced `lint:endignore` is puppet-lint's to report.
      if (directive.syntax === 'berth')
        this.problem(directive, 'berth:disable-end without a berth:disable-start');
      return;
    }
    const [block] = this.open.splice(index, 1);
    this.addBlock(block!, directive.span.start.line);
  }

  private addBlock(block: OpenBlock, toLine: number): void {
    if (!block.valid) return;
    const fromLine = block.directive.span.start.line;
    this.suppressions.push({
      ruleIds: new Set(block.ruleIds),
      fromLine,
      toLine,
      reason: block.directive.reason,
    });
  }

  /** Known berth rule ids of the directive; unknown ones are reported. */
  private ruleIds(directive: Directive): string[] {
    const ids: string[] = [];
    for (const written of directive.ruleIds) {
      const id = directive.syntax === 'berth' ? written : berthRuleOfCheck(written);
      if (id === undefined) continue;
      if (this.knownIds.includes(id)) ids.push(id);
      else this.problem(directive, unknownRule(id, this.knownIds));
    }
    return ids;
  }

  private validate(directive: Directive, ruleIds: string[]): boolean {
    if (directive.syntax === 'berth' && directive.ruleIds.length === 0) {
      this.problem(
        directive,
        'suppression names no rule: write berth:disable <rule-id> -- <reason>',
      );
      return false;
    }
    if (ruleIds.length > 0 && directive.reason === '') {
      const how = directive.syntax === 'berth' ? 'after " -- "' : 'after the lint:ignore words';
      this.problem(
        directive,
        `suppression of ${ruleIds.join(', ')} needs a reason ${how}; nothing is suppressed`,
      );
      return false;
    }
    return ruleIds.length > 0;
  }

  /**
   * A trailing directive covers its line, one alone on its line the next line of code; when a
   * resource opens on that line, the whole resource.
   */
  private linesCovered(directive: Directive): [number, number] {
    const line = directive.trailing ? directive.span.start.line : this.nextCodeLine(directive);
    let last = line;
    for (const resource of this.file.resources) {
      const span = resource.declaration.span;
      if (span.start.line === line) last = Math.max(last, span.end.line);
    }
    return [line, last];
  }

  private nextCodeLine(directive: Directive): number {
    const text = this.file.text;
    let line = directive.span.start.line;
    let offset = text.indexOf('\n', directive.span.end.offset);
    while (offset >= 0) {
      line++;
      const next = text.indexOf('\n', offset + 1);
      const content = text.slice(offset + 1, next < 0 ? text.length : next).trim();
      if (content !== '' && !content.startsWith('#')) return line;
      offset = next;
    }
    return directive.span.start.line + 1;
  }

  private problem(directive: Directive, message: string): void {
    const value = `${directive.syntax} ${directive.action} ${directive.ruleIds.join(',')}`;
    this.problems.push({ span: directive.span, message, attribute: 'comment', value });
  }
}

function unknownRule(id: string, knownIds: readonly string[]): string {
  const suggestion = closest(id, knownIds);
  return `unknown rule "${id}" in suppression${suggestion ? `; did you mean "${suggestion}"` : ''}`;
}
