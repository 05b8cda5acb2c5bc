/** A place in a source file. Lines and columns start at 1; offset is in UTF-16 code units. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** A half-open range of source text. */
export interface Span {
  start: Position;
  end: Position;
}

/** A span together with the file it belongs to. */
export interface Location extends Span {
  file: string;
}

/** Maps offsets in a text to line and column, with a binary search over line starts. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1, offset };
  }

  span(startOffset: number, endOffset: number): Span {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }
}
