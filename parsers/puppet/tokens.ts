/**
 * Token kinds of the Puppet language, as Puppet's own lexer distinguishes them. Some pairs
 * differ only by the text around them, because the grammar needs it:
 *
 * - `ListStart` is a `[` after whitespace (an array), `LBrack` one glued to what precedes it
 *   (an access such as `$x[1]`);
 * - `WsLParen` is a `(` that starts its line (a parenthesised expression), `LParen` any other
 *   (a call such as `notice (1)`);
 * - `SelBrace` is a `{` right after `?` (a selector body), `LBrace` any other.
 */
export const Tok = {
  Eof: 0,
  /** A lexing error already reported as a problem; the parser treats it as an operand. */
  Error: 1,
  String: 2,
  Word: 3,
  Name: 4,
  ClassRef: 5,
  Variable: 6,
  Number: 7,
  Regex: 8,
  DqPre: 9,
  DqMid: 10,
  DqPost: 11,
  Heredoc: 12,
  LBrack: 13,
  ListStart: 14,
  RBrack: 15,
  LBrace: 16,
  SelBrace: 17,
  RBrace: 18,
  LParen: 19,
  WsLParen: 20,
  RParen: 21,
  Equals: 22,
  Appends: 23,
  Deletes: 24,
  IsEqual: 25,
  NotEqual: 26,
  Match: 27,
  NoMatch: 28,
  GreaterEqual: 29,
  GreaterThan: 30,
  LessEqual: 31,
  LessThan: 32,
  FArrow: 33,
  PArrow: 34,
  LShift: 35,
  LLCollect: 36,
  LCollect: 37,
  RShift: 38,
  RRCollect: 39,
  RCollect: 40,
  Plus: 41,
  Minus: 42,
  Div: 43,
  Times: 44,
  Modulo: 45,
  Not: 46,
  Dot: 47,
  Pipe: 48,
  At: 49,
  AtAt: 50,
  Colon: 51,
  Comma: 52,
  Semic: 53,
  QMark: 54,
  Tilde: 55,
  InEdge: 56,
  InEdgeSub: 57,
  OutEdge: 58,
  OutEdgeSub: 59,
  Other: 60,
  // Keywords
  Case: 61,
  Class: 62,
  Default: 63,
  Define: 64,
  If: 65,
  Elsif: 66,
  Else: 67,
  Inherits: 68,
  Node: 69,
  And: 70,
  Or: 71,
  Undef: 72,
  Boolean: 73,
  In: 74,
  Unless: 75,
  Function: 76,
  Type: 77,
  Attr: 78,
  Private: 79,
} as const;

export type TokenKind = (typeof Tok)[keyof typeof Tok];

export interface Token {
  kind: TokenKind;
  /** Offsets into the source text, half-open. */
  start: number;
  end: number;
  /**
   * The token's meaning where it has one: a name or word as written, a variable name without
   * `$`, a string's unescaped text, a number's digits, a regex's source, a heredoc's syntax.
   */
  value: string;
}

/** Puppet 7's reserved words. `plan` and `apply` are keywords only under `--tasks`. */
export const keywords: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['case', Tok.Case],
  ['class', Tok.Class],
  ['default', Tok.Default],
  ['define', Tok.Define],
  ['if', Tok.If],
  ['elsif', Tok.Elsif],
  ['else', Tok.Else],
  ['inherits', Tok.Inherits],
  ['node', Tok.Node],
  ['and', Tok.And],
  ['or', Tok.Or],
  ['undef', Tok.Undef],
  ['false', Tok.Boolean],
  ['true', Tok.Boolean],
  ['in', Tok.In],
  ['unless', Tok.Unless],
  ['function', Tok.Function],
  ['type', Tok.Type],
  ['attr', Tok.Attr],
  ['private', Tok.Private],
]);

export function isKeyword(kind: TokenKind): boolean {
  return kind >= Tok.Case;
}

/** Keywords that may name an attribute (`unless => ...` in an exec); `true`/`false` may not. */
export function isAttributeKeyword(kind: TokenKind): boolean {
  return kind >= Tok.Case && kind !== Tok.Boolean;
}
