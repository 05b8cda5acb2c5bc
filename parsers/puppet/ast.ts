/**
 * The expression tree the parser builds. It keeps what berth reads (literals, names,
 * references, the shape of resource expressions) and folds everything else into `other`,
 * with its extent, so a value can always be shown as the source text it came from.
 */
export type Expr =
  | Leaf<'string', { value: string }>
  /** A bare word that is not a name: `foo-bar`, `_x`. Puppet treats it as a string. */
  | Leaf<'word', { value: string }>
  | Leaf<'number', { value: number; raw: string }>
  | Leaf<'boolean', { value: boolean }>
  | Leaf<'undef', object>
  | Leaf<'default', object>
  /** A lower-case name: `present`, `apache::vhost`. */
  | Leaf<'name', { value: string }>
  /** A capitalised type reference: `File`, `Apache::Vhost`, `String`. */
  | Leaf<'classref', { value: string }>
  | Leaf<'variable', { name: string }>
  | Leaf<'array', { items: Expr[] }>
  | Leaf<'hash', { entries: [Expr, Expr][] }>
  /** `$x[1]`, `File['a']`, `String[1]`. */
  | Leaf<'access', { target: Expr; keys: Expr[] }>
  /** A double-quoted string or heredoc text with interpolation. */
  | Leaf<'interpolated', object>
  | Leaf<'heredoc', { text: Expr }>
  /** A function or method call, with or without parentheses or a lambda. */
  | Leaf<'call', { functor: Expr }>
  | Leaf<'regex', object>
  /** `-1`: unary minus on anything; a number literal is folded in `number` instead. */
  | Leaf<'negate', { operand: Expr }>
  /** A resource expression; it may stand as an operand, e.g. as a relationship's side. */
  | Leaf<'resource', object>
  /** A syntax error already reported. */
  | Leaf<'error', object>
  /** Any other expression: operators, selectors, conditionals, definitions, lambdas. */
  | Leaf<'other', object>;

type Leaf<K extends string, F> = { kind: K; start: number; end: number } & F;

export type ExprKind = Expr['kind'];
