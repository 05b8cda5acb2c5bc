import { isBlank, isDigit, isLower, isUpper, onlyBlanks, wordEnd } from './chars.js';
import { scanHeredocSpec, findHeredocEnd, type HeredocSpec } from './heredoc.js';
import { scanNumber } from './numbers.js';
import {
  bareWordEnd,
  escapedSlash,
  findDollar,
  findDqStop,
  findUnescaped,
  isStrictName,
  NextOccurrence,
  variableNameEnd,
} from './scan.js';
import {
  doubleQuoted,
  heredocEscapes,
  noEscapes,
  singleQuoted,
  stripMargin,
  unescape,
  type Escapes,
} from './strings.js';
import { keywords, Tok, type Token, type TokenKind } from './tokens.js';

/** A problem found while lexing, by offsets; the parser turns them into spans. */
export interface RawProblem {
  message: string;
  start: number;
  end: number;
}

export interface RawComment {
  start: number;
  end: number;
}

export interface LexResult {
  tokens: Token[];
  comments: RawComment[];
  problems: RawProblem[];
}

/** An open `${` inside a double-quoted string or a heredoc. */
interface Interpolation {
  kind: 'interpolation';
  /** The brace depth before the `${`; the `}` that returns to it closes the interpolation. */
  braceCount: number;
  firstToken: number;
  inHeredoc: boolean;
  openedAt: number;
}

/** A heredoc whose text is being lexed; the lexer returns to `resume` when it is done. */
interface HeredocText {
  kind: 'heredoc';
  regionStart: number;
  regionEnd: number;
  margin: string;
  escapes: Escapes;
  /** A `$` after an odd number of backslashes does not interpolate (the `$` flag). */
  dollarEscapes: boolean;
  resume: { pos: number; limit: number; regionStart: number; lineStart: number; jump: number };
}

type Frame = Interpolation | HeredocText;

/** Heredocs inside heredoc interpolations nest at most this deep; deeper ones are refused. */
const maxHeredocNesting = 32;

/**
 * A heredoc without its end tag, or a string without its closing quote, makes the lexer search
 * the rest of the file. Once such searches add up to this many times the file's length, the
 * lexer stops searching, so that a file made of them does not take quadratic time.
 */
const searchBudget = 4;

const NONE = -1;

/** Lexes the token that starts with the character `c` at the lexer's position. */
type TokenLexer = (lexer: Lexer, c: number) => void;

/** Characters that are a token by themselves, whatever follows them. */
const singleChars: Record<string, TokenKind> = {
  '.': Tok.Dot,
  ',': Tok.Comma,
  ';': Tok.Semic,
  '?': Tok.QMark,
  '*': Tok.Times,
  '%': Tok.Modulo,
  ']': Tok.RBrack,
  ')': Tok.RParen,
};

const singleCharTokens = new Uint8Array(128);
for (const [char, kind] of Object.entries(singleChars)) singleCharTokens[char.charCodeAt(0)] = kind;

/**
 * Turns Puppet source into tokens, comments and problems, following Puppet 7's lexer (lexer2)
 * decision by decision: which `/` starts a regex, which `[` starts an array, where a heredoc's
 * text begins and ends, how interpolation nests. It never throws: a malformed token becomes a
 * problem and an `Error` token, and lexing goes on after it.
 */
export function lex(text: string): LexResult {
  const lexer = new Lexer(text);
  lexer.run();
  return { tokens: lexer.tokens, comments: lexer.comments, problems: lexer.problems };
}

class Lexer {
  readonly tokens: Token[] = [];
  readonly comments: RawComment[] = [];
  readonly problems: RawProblem[] = [];

  private pos = 0;
  private limit: number;
  /** Where the current text region starts: 0, or the first character of a heredoc's text. */
  private regionStart: number;
  /** Offset after the last newline the lexer stepped over: a `(` first on its line is no call. */
  private lineStart = 0;
  /** Where the next newline jumps to, past the text of heredocs opened on this line. */
  private jump: number;
  private braceCount = 0;
  /** Kind of the last token that counts for deciding between a regex and a division. */
  private last: number = NONE;
  private readonly frames: Frame[] = [];
  private readonly quotes: NextOccurrence;
  private readonly dollars: NextOccurrence;
  /** Characters searched for heredoc end tags, and for closing quotes in vain: `searchBudget`. */
  private heredocSearched = 0;
  private unclosedSearched = 0;

  constructor(private readonly text: string) {
    // Assigned here, after the fields are defined (as undefined), not where declared: V8
    // compiles code that takes a field still holding its first value for a constant, and
    // discards that code when the field changes, which for these two happens only at the
    // first heredoc of a run, many files on.
    this.regionStart = 0;
    this.jump = NONE;
    this.limit = text.length;
    this.quotes = new NextOccurrence(text, '"');
    this.dollars = new NextOccurrence(text, '$');
  }

  run(): void {
    if (this.text.charCodeAt(0) === 0xfeff) {
      this.problem('the file starts with a byte order mark, which Puppet refuses', 0, 1);
      this.pos = 1;
    }
    for (;;) {
      this.skipTrivia();
      const before = this.pos;
      if (before >= this.limit) {
        if (!this.endRegion()) break;
      } else {
        this.lexToken();
        // Every token moves on; should one not, skipping a character beats looping forever.
        if (this.pos === before) this.pos++;
      }
    }
    this.tokens.push({ kind: Tok.Eof, start: this.text.length, end: this.text.length, value: '' });
  }

  // ---------------------------------------------------------------- whitespace and comments

  private skipTrivia(): void {
    const text = this.text;
    const limit = this.limit;
    // Blanks are most of the trivia; a local position keeps that loop tight.
    let pos = this.pos;
    while (pos < limit) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 13 || (c >= 0xa0 && isBlank(c))) {
        pos++;
        continue;
      }
      this.pos = pos;
      if (c === 10) this.newline();
      else if (c === 35 /* # */) this.lineComment();
      else if (c === 47 /* / */ && text.charCodeAt(pos + 1) === 42 /* * */) this.blockComment();
      else return;
      pos = this.pos;
    }
    this.pos = pos;
  }

  /** A newline ends the line; if heredocs were opened on it, lexing resumes after their text. */
  private newline(): void {
    if (this.jump !== NONE) {
      this.pos = this.jump;
      this.jump = NONE;
    } else {
      this.pos++;
    }
    this.lineStart = this.pos;
  }

  private lineComment(): void {
    const start = this.pos;
    let end = this.text.indexOf('\n', start);
    if (end < 0 || end > this.limit) end = this.limit;
    this.pos = end;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    this.comments.push({ start, end });
  }

  private blockComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('*/', start + 2);
    if (close < 0 || close + 2 > this.limit) {
      this.problem('unclosed comment: `/*` without `*/`', start, start + 2);
      this.pos = this.limit;
      this.comments.push({ start, end: this.limit });
      return;
    }
    this.pos = close + 2;
    this.comments.push({ start, end: this.pos });
  }

  // ---------------------------------------------------------------- tokens

  /**
   * Lexes the token at `pos` with the method for its first character. The call goes through a
   * table rather than a switch so that V8 compiles each method on its own: a switch would be
   * compiled as one large function with every method inlined, and compiled again each time a
   * file meets a branch earlier files never took.
   */
  private lexToken(): void {
    const c = this.text.charCodeAt(this.pos);
    const lexChar = c < 128 ? Lexer.byFirstChar[c] : Lexer.otherChar;
    (lexChar as TokenLexer)(this, c);
  }

  private static readonly otherChar: TokenLexer = (lexer, c) => lexer.operator(c);

  private static readonly byFirstChar: readonly TokenLexer[] = Lexer.tokenLexers();

  private static tokenLexers(): TokenLexer[] {
    const table: TokenLexer[] = Array.from({ length: 128 }, () => Lexer.otherChar);
    const bareWord: TokenLexer = (lexer) => lexer.bareWord(lexer.pos);
    const classRef: TokenLexer = (lexer) => lexer.classRef(lexer.pos);
    const number: TokenLexer = (lexer) => lexer.number();
    for (let c = 0; c < 128; c++) {
      if (isLower(c) || c === 95 /* _ */) table[c] = bareWord;
      else if (isUpper(c)) table[c] = classRef;
      else if (isDigit(c)) table[c] = number;
    }

    const single: TokenLexer = (lexer, c) => lexer.emit(singleCharTokens[c] as TokenKind, 1);
    for (const char of Object.keys(singleChars)) table[char.charCodeAt(0)] = single;
    table[91 /* [ */] = (lexer) => lexer.emit(lexer.afterSpace() ? Tok.ListStart : Tok.LBrack, 1);
    table[40 /* ( */] = (lexer) => lexer.emit(lexer.firstOnLine() ? Tok.WsLParen : Tok.LParen, 1);
    table[123 /* { */] = (lexer) => lexer.openBrace();
    table[125 /* } */] = (lexer) => lexer.closeBrace();
    table[36 /* $ */] = (lexer) => lexer.variable();
    table[34 /* " */] = (lexer) => {
      lexer.pos++;
      lexer.doubleQuoted(lexer.pos, true);
    };
    table[39 /* ' */] = (lexer) => lexer.singleQuoted();
    table[47 /* / */] = (lexer) => lexer.slash();
    table[58 /* : */] = (lexer) => lexer.colon();
    table[64 /* @ */] = (lexer) => lexer.at();
    return table;
  }

  /** Operators of one to three characters, longest first. */
  private operator(c: number): void {
    const next = this.text.charCodeAt(this.pos + 1);
    const third = this.text.charCodeAt(this.pos + 2);
    switch (c) {
      case 124 /* | */:
        if (next === 62)
          return this.emit(third === 62 ? Tok.RRCollect : Tok.RCollect, third === 62 ? 3 : 2);
        return this.emit(Tok.Pipe, 1);
      case 61 /* = */:
        if (next === 61) return this.emit(Tok.IsEqual, 2);
        if (next === 62) return this.emit(Tok.FArrow, 2);
        if (next === 126) return this.emit(Tok.Match, 2);
        return this.emit(Tok.Equals, 1);
      case 43 /* + */:
        if (next === 61) return this.emit(Tok.Appends, 2);
        if (next === 62) return this.emit(Tok.PArrow, 2);
        return this.emit(Tok.Plus, 1);
      case 45 /* - */:
        if (next === 62) return this.emit(Tok.InEdge, 2);
        if (next === 61) return this.emit(Tok.Deletes, 2);
        return this.emit(Tok.Minus, 1);
      case 33 /* ! */:
        if (next === 61) return this.emit(Tok.NotEqual, 2);
        if (next === 126) return this.emit(Tok.NoMatch, 2);
        return this.emit(Tok.Not, 1);
      case 126 /* ~ */:
        return next === 62 ? this.emit(Tok.InEdgeSub, 2) : this.emit(Tok.Tilde, 1);
      case 60 /* < */:
        return this.lessThan(next, third);
      case 62 /* > */:
        if (next === 62) return this.emit(Tok.RShift, 2);
        if (next === 61) return this.emit(Tok.GreaterEqual, 2);
        return this.emit(Tok.GreaterThan, 1);
      default:
        return this.other();
    }
  }

  private lessThan(next: number, third: number): void {
    if (next === 60) return third === 124 ? this.emit(Tok.LLCollect, 3) : this.emit(Tok.LShift, 2);
    if (next === 61) return this.emit(Tok.LessEqual, 2);
    if (next === 124) return this.emit(Tok.LCollect, 2);
    if (next === 45) return this.emit(Tok.OutEdge, 2);
    if (next === 126) return this.emit(Tok.OutEdgeSub, 2);
    return this.emit(Tok.LessThan, 1);
  }

  /** A character Puppet has no token for; the parser reports it where it appears. */
  private other(): void {
    const c = this.text.charCodeAt(this.pos);
    const wide = c >= 0xd800 && c <= 0xdbff && this.pos + 1 < this.limit;
    this.emit(Tok.Other, wide ? 2 : 1);
  }

  /** A `[` after whitespace (or first in the text) opens an array, never an access. */
  private afterSpace(): boolean {
    if (this.pos === this.regionStart) return true;
    const before = this.text.charCodeAt(this.pos - 1);
    return before === 10 || before === 13 || isBlank(before);
  }

  /** A `(` with only blanks before it on its line cannot be a call's parenthesis. */
  private firstOnLine(): boolean {
    const from = Math.max(this.lineStart, this.regionStart);
    return onlyBlanks(this.text, from, this.pos);
  }

  private openBrace(): void {
    this.braceCount++;
    this.emit(this.last === Tok.QMark ? Tok.SelBrace : Tok.LBrace, 1);
  }

  private emit(kind: TokenKind, length: number): void {
    const start = this.pos;
    this.pos = start + length;
    this.tokens.push({ kind, start, end: start + length, value: '' });
    this.last = kind;
  }

  private push(kind: TokenKind, start: number, end: number, value: string): void {
    this.tokens.push({ kind, start, end, value });
    this.last = kind;
  }

  // ---------------------------------------------------------------- names

  /** `foo`, `foo::bar` (a name or keyword) or `foo-bar`, `_x` (a bare word). */
  private bareWord(start: number): void {
    const end = bareWordEnd(this.text, start);
    const value = this.text.slice(start, end);
    this.pos = end;
    if (!isStrictName(value)) return this.push(Tok.Word, start, end, value);
    this.push(keywords.get(value) ?? Tok.Name, start, end, value);
  }

  /** `Foo`, `Foo::Bar`, `::Foo`; a reference may not go on with a lower-case segment. */
  private classRef(start: number): void {
    let end = start;
    for (;;) {
      let at = end;
      if (at > start || this.text.charCodeAt(at) === 58) {
        if (this.text.charCodeAt(at) !== 58 || this.text.charCodeAt(at + 1) !== 58) break;
        at += 2;
      }
      if (!isUpper(this.text.charCodeAt(at))) break;
      end = wordEnd(this.text, at + 1);
    }
    this.pos = end;
    if (this.text.startsWith('::', end)) {
      const stop = wordEnd(this.text, end + 2);
      this.problem('a type reference must be capitalised in every segment', start, stop);
      this.pos = stop;
      return this.push(Tok.Error, start, stop, '');
    }
    this.push(Tok.ClassRef, start, end, this.text.slice(start, end));
  }

  /** `:`, or `::` before a name (`::foo`) or a reference (`::Foo`). */
  private colon(): void {
    const start = this.pos;
    if (this.text.charCodeAt(start + 1) !== 58) return this.emit(Tok.Colon, 1);
    const c = this.text.charCodeAt(start + 2);
    if (isUpper(c)) return this.classRef(start);
    if (isLower(c) || c === 95) return this.bareWord(start);
    this.problem('`::` must be followed by a name', start, start + 2);
    this.emit(Tok.Error, 2);
  }

  /** `$name`, `$::top::scope`; a lone `$` is an empty variable Puppet complains about later. */
  private variable(): void {
    const start = this.pos;
    const end = variableNameEnd(this.text, start + 1);
    this.pos = Math.max(end, start + 1);
    this.push(Tok.Variable, start, this.pos, this.text.slice(start + 1, end));
  }

  private number(): void {
    const start = this.pos;
    const scanned = scanNumber(this.text, start);
    this.pos = scanned.end;
    if (scanned.error) {
      this.problem(scanned.error, start, scanned.end);
      return this.push(Tok.Error, start, scanned.end, '');
    }
    this.push(Tok.Number, start, scanned.end, this.text.slice(start, scanned.end));
  }

  // ---------------------------------------------------------------- regex or division

  /** Puppet reads `/.../` as a regex only where a value may start, else `/` divides. */
  private slash(): void {
    if (!this.regexAllowed()) return this.emit(Tok.Div, 1);
    const start = this.pos;
    let close = this.text.indexOf('/', start + 1);
    while (close >= 0 && close < this.limit && escapedSlash(this.text, start, close)) {
      close = this.text.indexOf('/', close + 1);
    }
    if (close < 0 || close >= this.limit) return this.emit(Tok.Div, 1);
    const source = this.text.slice(start + 1, close).replaceAll('\\/', '/');
    this.pos = close + 1;
    this.push(Tok.Regex, start, close + 1, source);
  }

  private regexAllowed(): boolean {
    switch (this.last) {
      case Tok.RParen:
      case Tok.RBrack:
      case Tok.RRCollect:
      case Tok.RCollect:
      case Tok.Name:
      case Tok.ClassRef:
      case Tok.Number:
      case Tok.String:
      case Tok.Boolean:
      case Tok.DqPre:
      case Tok.DqMid:
      case Tok.DqPost:
      case Tok.Heredoc:
      case Tok.Regex:
      case Tok.Variable:
      case Tok.Word:
        return false;
      default:
        return true;
    }
  }

  // ---------------------------------------------------------------- braces and interpolation

  /** The innermost open interpolation or heredoc. (Reading index -1 of an array is slow.) */
  private topFrame(): Frame | undefined {
    const count = this.frames.length;
    return count === 0 ? undefined : this.frames[count - 1];
  }

  private closeBrace(): void {
    this.braceCount--;
    const top = this.topFrame();
    if (top?.kind !== 'interpolation' || top.braceCount !== this.braceCount) {
      return this.emit(Tok.RBrace, 1);
    }
    this.frames.pop();
    this.pos++;
    this.nameToVariable(top.firstToken);
    if (top.inHeredoc) this.heredocPart(this.pos, false);
    else this.doubleQuoted(this.pos, false);
  }

  /**
   * `${name}`, `${name[0]}` and `${name.method}` mean the variable `$name`, so a lone name,
   * number or keyword at the start of an interpolation becomes a variable.
   */
  private nameToVariable(first: number): void {
    const token = this.tokens[first];
    if (!token) return;
    const count = this.tokens.length - first;
    const follower = this.tokens[first + 1]?.kind;
    if (count > 1 && follower !== Tok.Dot && follower !== Tok.LBrack) return;
    const kind = token.kind;
    if (kind === Tok.Name || kind === Tok.Word || kind === Tok.Number || kind >= Tok.Case) {
      token.kind = Tok.Variable;
      token.value = this.text.slice(token.start, token.end);
    }
  }

  /** Called when the lexer reaches the end of its region; false when everything is lexed. */
  private endRegion(): boolean {
    const top = this.topFrame();
    if (!top) return false;
    if (top.kind === 'heredoc') {
      this.heredocPart(this.pos, false);
      return true;
    }
    this.frames.pop();
    this.braceCount = top.braceCount;
    this.problem('unclosed interpolation: `${` without `}`', top.openedAt, top.openedAt + 2);
    if (top.inHeredoc) this.heredocPart(this.pos, false);
    return true;
  }

  // ---------------------------------------------------------------- strings

  private singleQuoted(): void {
    const start = this.pos;
    const close = findUnescaped(this.text, start + 1, this.limit, 39);
    if (close < 0) return this.unclosedString(start);
    const raw = this.text.slice(start + 1, close);
    this.pos = close + 1;
    this.push(Tok.String, start, this.pos, unescape(raw, singleQuoted));
  }

  /**
   * One stretch of a double-quoted string, from `from` up to the closing quote or the next
   * interpolation. `first` tells a whole string or its first part from later parts.
   */
  private doubleQuoted(from: number, first: boolean): void {
    const tokenStart = first ? from - 1 : from;
    let partStart = tokenStart;
    let textStart = from;
    let at = from;
    for (;;) {
      const stop = findDqStop(this.text, at, this.limit, this.quotes, this.dollars);
      if (stop < 0) return this.unclosedString(tokenStart);
      const closing = this.text.charCodeAt(stop) === 34;
      if (!closing && !this.interpolates(stop)) {
        at = stop + 1;
        continue;
      }
      const raw = this.text.slice(textStart, stop);
      const value = unescape(raw, doubleQuoted, () => this.invalidEscape(textStart, stop));
      if (closing) {
        this.pos = stop + 1;
        return this.push(first ? Tok.String : Tok.DqPost, partStart, this.pos, value);
      }
      const next = this.interpolation(stop, first, partStart, value, false);
      if (next < 0) return;
      first = false;
      partStart = textStart = at = next;
    }
  }

  /** Whether the `$` at `dollar` starts `${` or `$name`; any other `$` is plain text. */
  private interpolates(dollar: number): boolean {
    if (this.text.charCodeAt(dollar + 1) === 123 /* { */) return true;
    const nameEnd = variableNameEnd(this.text, dollar + 1);
    return nameEnd > dollar + 1 && nameEnd <= this.limit;
  }

  /**
   * Handles a `$` at `dollar` that `interpolates`, inside a string. For `${` it emits the text
   * part, opens an interpolation and returns -1 (the main loop lexes the expression). For
   * `$name` it emits the text part and the variable and returns where the string goes on.
   */
  private interpolation(
    dollar: number,
    first: boolean,
    partStart: number,
    value: string,
    inHeredoc: boolean,
  ): number {
    const kind = first ? Tok.DqPre : Tok.DqMid;
    if (this.text.charCodeAt(dollar + 1) === 123 /* { */) {
      this.tokens.push({ kind, start: partStart, end: dollar + 2, value });
      this.frames.push({
        kind: 'interpolation',
        braceCount: this.braceCount,
        firstToken: this.tokens.length,
        inHeredoc,
        openedAt: dollar,
      });
      this.braceCount++;
      this.pos = dollar + 2;
      return -1;
    }
    const nameEnd = variableNameEnd(this.text, dollar + 1);
    this.tokens.push({ kind, start: partStart, end: dollar, value });
    const name = this.text.slice(dollar + 1, nameEnd);
    this.tokens.push({ kind: Tok.Variable, start: dollar, end: nameEnd, value: name });
    return nameEnd;
  }

  private unclosedString(start: number): void {
    const quote = this.text[start] === "'" ? "'" : '"';
    this.problem(`unclosed string: ${quote} without a closing ${quote}`, start, start + 1);
    // Strings may span lines, so where this one should have ended is unknown. Going on at the
    // next line keeps the rest of the file readable, where Puppet gives up. Each unclosed
    // string searched to the end of the text, though; when such searches add up to a few times
    // its length, the rest is not read, so that a file of them does not take quadratic time.
    this.unclosedSearched += this.limit - start;
    const newline = this.text.indexOf('\n', start);
    const giveUp = this.unclosedSearched > searchBudget * this.text.length;
    const end = giveUp || newline < 0 || newline >= this.limit ? this.limit : newline;
    this.pos = end;
    this.push(Tok.Error, start, end, '');
  }

  // ---------------------------------------------------------------- heredocs

  private at(): void {
    const next = this.text.charCodeAt(this.pos + 1);
    if (next === 64) return this.emit(Tok.AtAt, 2);
    if (next === 40) return this.heredoc();
    this.emit(Tok.At, 1);
  }

  /**
   * `@(END:syntax/flags)`. The text starts on the next line (or after the text of a heredoc
   * opened earlier on the same line) and ends at the line that ends with the end tag.
   */
  private heredoc(): void {
    const start = this.pos;
    const spec = scanHeredocSpec(this.text, start, this.limit);
    if ('error' in spec) return this.heredocError(spec.error, start, spec.end);
    if (this.frames.length >= maxHeredocNesting) {
      return this.heredocError('heredocs nest too deeply', start, spec.end);
    }
    const textStart = this.jump !== NONE ? this.jump : this.text.indexOf('\n', spec.end) + 1;
    if (textStart <= 0 || textStart > this.limit) {
      return this.heredocError(
        'a heredoc needs its text on the lines that follow',
        start,
        spec.end,
      );
    }
    if (this.heredocSearched > searchBudget * this.text.length) {
      return this.heredocError(
        'too many unterminated heredocs; this one is not read',
        start,
        spec.end,
      );
    }
    const ending = findHeredocEnd(this.text, textStart, this.limit, spec.tag);
    this.heredocSearched += (ending ? ending.lineStart : this.limit) - textStart;
    if (!ending) {
      return this.heredocError(`no line ends the heredoc with "${spec.tag}"`, start, spec.end);
    }
    this.pos = spec.end;
    this.push(Tok.Heredoc, start, spec.end, spec.syntax);
    this.openHeredocText(spec, textStart, ending);
  }

  private openHeredocText(
    spec: HeredocSpec,
    textStart: number,
    ending: ReturnType<typeof findHeredocEnd> & object,
  ): void {
    let regionEnd = ending.lineStart;
    if (ending.trimBreak && regionEnd > textStart) {
      regionEnd--;
      if (this.text.charCodeAt(regionEnd - 1) === 13 && regionEnd > textStart) regionEnd--;
    }
    const escapes = spec.flags === undefined ? noEscapes : heredocEscapes(spec.flags);
    this.frames.push({
      kind: 'heredoc',
      regionStart: textStart,
      regionEnd,
      margin: ending.margin,
      escapes,
      dollarEscapes: escapes.chars.includes('$'),
      resume: {
        pos: spec.end,
        limit: this.limit,
        regionStart: this.regionStart,
        lineStart: this.lineStart,
        jump: ending.next,
      },
    });
    this.regionStart = textStart;
    this.lineStart = textStart;
    this.limit = regionEnd;
    this.jump = NONE;
    this.last = NONE;
    if (!spec.interpolate) return this.heredocText(textStart, regionEnd);
    this.heredocPart(textStart, true);
  }

  /** A heredoc without interpolation is one string. */
  private heredocText(from: number, to: number): void {
    const frame = this.topFrame() as HeredocText;
    const raw = stripMargin(this.text, from, to, frame.regionStart, frame.margin);
    const value = unescape(raw, frame.escapes, () => this.invalidEscape(from, to));
    this.push(Tok.String, from, to, value);
    this.closeHeredoc();
  }

  /** One stretch of an interpolating heredoc's text, like `doubleQuoted` without quotes. */
  private heredocPart(from: number, first: boolean): void {
    const frame = this.topFrame() as HeredocText;
    let partStart = from;
    let at = from;
    for (;;) {
      const stop = findDollar(this.text, at, frame.regionEnd, frame.dollarEscapes, this.dollars);
      const closing = stop >= frame.regionEnd;
      if (!closing && !this.interpolates(stop)) {
        at = stop + 1;
        continue;
      }
      const raw = stripMargin(this.text, partStart, stop, frame.regionStart, frame.margin);
      const value = unescape(raw, frame.escapes, () => this.invalidEscape(partStart, stop));
      if (closing) {
        this.push(first ? Tok.String : Tok.DqPost, partStart, frame.regionEnd, value);
        return this.closeHeredoc();
      }
      const next = this.interpolation(stop, first, partStart, value, true);
      if (next < 0) return;
      first = false;
      partStart = at = next;
    }
  }

  private closeHeredoc(): void {
    const frame = this.frames.pop() as HeredocText;
    this.pos = frame.resume.pos;
    this.limit = frame.resume.limit;
    this.regionStart = frame.resume.regionStart;
    this.lineStart = frame.resume.lineStart;
    this.jump = frame.resume.jump;
  }

  private heredocError(message: string, start: number, end: number): void {
    this.problem(message, start, end);
    this.pos = end;
    this.push(Tok.Error, start, end, '');
  }

  private invalidEscape(start: number, end: number): void {
    this.problem('a \\u escape names no character (a surrogate or beyond U+10FFFF)', start, end);
  }

  private problem(message: string, start: number, end: number): void {
    this.problems.push({ message, start, end });
  }
}
