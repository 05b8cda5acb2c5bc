import { Parser, type Tree } from 'web-tree-sitter';
import { LineIndex } from '../../diagnostics/position.js';
import type { ParseResult } from '../types.js';
import { findComments } from './comments.js';
import { loadRubyLanguage } from './grammar.js';
import { Heredocs } from './heredocs.js';
import { forget, remember } from './nodes.js';
import { findProblems } from './problems.js';
import { findResources } from './resources.js';

export interface RubyParseOptions {
  /**
   * Whether to collect the comments (default true). Finding them walks the whole tree again,
   * and the lint reads them only for suppression directives, so it leaves them out of files
   * whose text holds no directive.
   */
  comments?: boolean;
}

/** Reads Chef recipes. One instance parses one file at a time; reuse it for many files. */
export interface RubyParser {
  /**
   * Finds the resources, comments and syntax problems of one recipe. Never throws: broken
   * Ruby becomes `problems`, and the readable rest of the file is still searched.
   */
  parse(file: string, text: string, options?: RubyParseOptions): ParseResult;
}

let loading: Promise<RubyParser> | undefined;

/** Loads the Ruby grammar (once per process) and returns a parser. */
export function loadRubyParser(): Promise<RubyParser> {
  loading ??= loadRubyLanguage().then(
    (language) => new TreeSitterRubyParser(new Parser().setLanguage(language)),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

class TreeSitterRubyParser implements RubyParser {
  constructor(private readonly parser: Parser) {}

  parse(file: string, text: string, options: RubyParseOptions = {}): ParseResult {
    const tree = this.parser.parse(text);
    if (!tree) return parserGaveUp(file, text);
    remember(tree, text);
    try {
      return readTree(file, text, tree, options.comments ?? true);
    } finally {
      forget(tree);
      // The tree lives in wasm memory, which JavaScript's garbage collector does not free.
      tree.delete();
    }
  }
}

function readTree(file: string, text: string, tree: Tree, withComments: boolean): ParseResult {
  const root = tree.rootNode;
  const source = { text, heredocs: new Heredocs(root), clean: !root.hasError };
  const { resources, strayKeywords } = findResources(root, source);
  const problems = [...findProblems(root, text), ...strayKeywords];
  problems.sort((a, b) => a.span.start.offset - b.span.start.offset);
  const comments = withComments ? findComments(root, text) : [];
  return { file, resources, comments, problems };
}

/** tree-sitter returns no tree only when parsing is cancelled, which berth never asks for. */
function parserGaveUp(file: string, text: string): ParseResult {
  const whole = new LineIndex(text).span(0, text.length);
  const problem = { message: 'the file could not be parsed', span: whole };
  return { file, resources: [], comments: [], problems: [problem] };
}
