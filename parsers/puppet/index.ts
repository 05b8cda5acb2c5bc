import { LineIndex } from '../../diagnostics/position.js';
import type { Comment, ParseResult, SyntaxProblem } from '../types.js';
import { Cursor } from './cursor.js';
import { lex, type RawProblem } from './lexer.js';
import { parseProgram } from './statements.js';

export interface PuppetParseOptions {
  /** The text's line index, when the caller has built one already. */
  lines?: LineIndex;
  /**
   * Which resource types the caller reads declarations of: by default every one. Declarations
   * of other types are still parsed, and their syntax errors reported, but left out of
   * `resources`, which saves converting their attributes.
   */
  declares?: (type: string) => boolean;
  /** Whether to return the comments (by default); without, they are skipped all the same. */
  comments?: boolean;
}

/**
 * Parses a Puppet manifest (Puppet 7/8 language) and returns every resource declaration,
 * resource default, override and attribute-setting collector in it, in source order, with
 * exact positions, plus its comments and syntax problems.
 *
 * It never throws. A syntax error becomes a problem, and parsing resumes at the next
 * statement or attribute, so the resources after it are still found.
 */
export function parsePuppet(
  file: string,
  text: string,
  options: PuppetParseOptions = {},
): ParseResult {
  const lines = options.lines ?? new LineIndex(text);
  try {
    const lexed = lex(text);
    const cursor = new Cursor(text, lexed.tokens, lines, options.declares ?? everyType);
    parseProgram(cursor);

    const resources = cursor.resources.sort((a, b) => a.span.start.offset - b.span.start.offset);
    const comments: Comment[] =
      options.comments === false
        ? []
        : lexed.comments.map(({ start, end }) => ({
            text: text.slice(start, end),
            span: lines.span(start, end),
          }));
    const raw = [...lexed.problems, ...cursor.problems].sort((a, b) => a.start - b.start);
    const problems = listed(raw).map((problem) => toProblem(lines, problem));
    return { file, resources, comments, problems };
  } catch (error) {
    // A defect in berth, not in the manifest: say so rather than crash the whole run.
    const reason = error instanceof Error ? error.message : String(error);
    const problem = {
      message: `internal error in berth's Puppet parser: ${reason}`,
      start: 0,
      end: 0,
    };
    return { file, resources: [], comments: [], problems: [toProblem(lines, problem)] };
  }
}

const everyType = () => true;

/** A file that is not Puppet at all can have thousands of problems; the first ones say enough. */
const maxProblems = 100;

function listed(problems: RawProblem[]): RawProblem[] {
  if (problems.length <= maxProblems) return problems;
  const kept = problems.slice(0, maxProblems);
  const next = problems[maxProblems] as RawProblem;
  const more = problems.length - maxProblems;
  kept.push({
    message: `${more} more syntax problems follow, not listed`,
    start: next.start,
    end: next.end,
  });
  return kept;
}

function toProblem(lines: LineIndex, problem: RawProblem): SyntaxProblem {
  return { message: problem.message, span: lines.span(problem.start, problem.end) };
}
