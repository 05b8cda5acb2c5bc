import type { Span } from '../diagnostics/position.js';

/**
 * A value as written in a recipe or manifest. Only literals are known; anything computed at
 * run time (a variable, a node attribute, a lookup, an interpolated string, a method call) is
 * `unknown`, and nothing downstream guesses what it would be.
 */
export type Value =
  | { kind: 'string'; value: string; span: Span }
  | { kind: 'number'; value: number; raw: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  /** A Ruby symbol (`:run`) or a Puppet bare word (`present`). */
  | { kind: 'symbol'; value: string; span: Span }
  /** Ruby `nil`, Puppet `undef`. */
  | { kind: 'nil'; span: Span }
  | { kind: 'array'; items: Value[]; span: Span }
  | { kind: 'hash'; entries: HashEntry[]; span: Span }
  | { kind: 'unknown'; text: string; reason: UnknownReason; span: Span };

export type UnknownReason =
  'variable' | 'interpolation' | 'call' | 'expression' | 'reference' | 'heredoc';

export interface HashEntry {
  key: Value;
  value: Value;
}

/** One attribute (Puppet) or property call (Chef) inside a resource body. */
export interface Attribute {
  name: string;
  /** The first argument: the only one in Puppet and in most Chef property calls. */
  value: Value;
  /** All arguments, for Chef calls that take several (`notifies :redeploy, 'x', :immediately`). */
  arguments: Value[];
  /** Puppet's `+>` (append to a default) rather than `=>`. */
  append?: boolean;
  /** Set inside a conditional or loop in the resource body, so it may not apply. */
  conditional?: boolean;
  nameSpan: Span;
  span: Span;
}

export interface ResourceDeclaration {
  dialect: 'chef' | 'puppet';
  /** `docker_container`, `docker::run`, or `class` for `class { 'docker': }`. */
  type: string;
  /** The title: usually a string; an array in Puppet's array titles; unknown when computed. */
  title: Value;
  attributes: Attribute[];
  typeSpan: Span;
  span: Span;
  /** Puppet `@` virtual and `@@` exported resources. */
  virtual?: boolean;
  exported?: boolean;
  /**
   * Absent for a declaration. Puppet also sets attributes of resources it does not declare:
   * `defaults` (`File { mode => '0644' }`, title `unknown`), `override` (`File['/x'] { ... }`,
   * title the reference's key) and `collector` (`User <| |> { ... }`, title the query).
   * Chef's `edit_resource(:docker_container, 'web')` is an `override` too.
   */
  form?: 'defaults' | 'override' | 'collector';
}

export interface Comment {
  text: string;
  span: Span;
}

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ParseResult {
  file: string;
  resources: ResourceDeclaration[];
  comments: Comment[];
  /** Syntax errors become findings, never exceptions. */
  problems: SyntaxProblem[];
}
