/**
 * Reading delimited text as delivered: UTF-8 or Windows-1252, with or without a byte-order
 * mark, comma/semicolon/tab delimited, any line ending. The dialect is detected, never
 * guessed silently: it is returned so the ingest summary can say what was found.
 *
 * The reader is incremental: bytes go in chunk by chunk (a file stream, or slices of a
 * buffer) and records come out as soon as they are complete, so no file is ever held in
 * memory as one string. Chunk boundaries never change the result: the records, quoting
 * errors and dialect are those papaparse 5.7 gives on the whole text (the reader was
 * papaparse on the whole file before, and tests/io/csv-stream.test.ts compares the two).
 */
import type { Dialect } from './dataset.ts';

/** The first line ending in the text; files are expected to use one consistently. */
export function detectLineEnding(text: string): Dialect['line_ending'] {
  const m = /\r\n|\n|\r/.exec(text);
  if (!m) return 'none';
  return m[0] === '\r\n' ? 'CRLF' : m[0] === '\n' ? 'LF' : 'CR';
}

/** The delimiter the header line uses most: `;` and tab win over `,` when present. */
export function detectDelimiter(text: string): Dialect['delimiter'] {
  const header = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const candidates: Dialect['delimiter'][] = [';', '\t', ','];
  let best: Dialect['delimiter'] = ',';
  let bestCount = 0;
  for (const c of candidates) {
    if (count(c) > bestCount) {
      best = c;
      bestCount = count(c);
    }
  }
  return best;
}

/** Marker results of {@link ByteDecoder}: the bytes are not text, or must be re-read. */
export const NOT_TEXT = Symbol('not text');
export const RESTART = Symbol('restart as Windows-1252');

/**
 * Incremental decoding of one file's bytes. UTF-8 is decided as on the whole file: the
 * file is UTF-8 when every byte after the optional byte-order mark is valid UTF-8, even
 * a multi-byte character split across two chunks. On the first invalid byte the file
 * is Windows-1252: when every byte before it was ASCII (the same text in both encodings)
 * decoding just goes on in Windows-1252; otherwise the caller must feed the file again
 * from its first byte to a decoder made with `windows1252: true` ({@link RESTART}).
 */
export class ByteDecoder {
  encoding: Dialect['encoding'];
  bom = false;
  private head: Uint8Array | null = new Uint8Array(0);
  private utf8: TextDecoder | null;
  private cp1252: TextDecoder | null;
  /** A byte ≥ 0x80 was decoded as UTF-8, so switching encoding mid-file would change text. */
  private sawNonAscii = false;

  constructor(windows1252 = false) {
    this.encoding = windows1252 ? 'windows-1252' : 'utf-8';
    this.utf8 = windows1252 ? null : new TextDecoder('utf-8', { fatal: true });
    this.cp1252 = windows1252 ? new TextDecoder('windows-1252') : null;
  }

  /** Decodes the next chunk; the bytes may be reused by the caller afterwards. */
  push(bytes: Uint8Array): string | typeof NOT_TEXT | typeof RESTART {
    if (bytes.indexOf(0) !== -1) return NOT_TEXT;
    if (this.head) {
      // The byte-order mark needs the first three bytes, which may come in several chunks.
      const joined = new Uint8Array(this.head.length + bytes.length);
      joined.set(this.head);
      joined.set(bytes, this.head.length);
      if (joined.length < 3) {
        this.head = joined;
        return '';
      }
      this.head = null;
      this.bom = joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf;
      return this.decode(this.bom ? joined.subarray(3) : joined, true);
    }
    return this.decode(bytes, true);
  }

  /** Flushes the decoder at the end of the file. */
  end(): string | typeof NOT_TEXT | typeof RESTART {
    if (this.head) {
      const head = this.head;
      this.head = null;
      return this.decode(head, false);
    }
    return this.decode(new Uint8Array(0), false);
  }

  private decode(bytes: Uint8Array, stream: boolean): string | typeof RESTART {
    if (this.cp1252) return this.cp1252.decode(bytes, { stream });
    try {
      const text = this.utf8!.decode(bytes, { stream });
      // Fewer UTF-16 units than bytes means a multi-byte character (or part of one).
      if (text.length !== bytes.length) this.sawNonAscii = true;
      return text;
    } catch {
      if (this.sawNonAscii) return RESTART;
      this.utf8 = null;
      this.encoding = 'windows-1252';
      this.cp1252 = new TextDecoder('windows-1252');
      return this.cp1252.decode(bytes, { stream });
    }
  }
}

/** Receives the records of one file as they are read. */
export interface CsvSink {
  /**
   * The header row (fields as written, untrimmed), with the dialect detected from it and
   * whether its quoting is broken. Called once, before any record. The encoding given here
   * may still change (see {@link CsvReader.dialect}); the delimiter and line end will not.
   */
  header(fields: string[], badQuotes: boolean, dialect: Dialect): void;
  /**
   * One data record with its spreadsheet row number (the header is row 1), and whether its
   * quoting is broken (unbalanced or stray quotes). Blank lines are not passed on. The
   * `fields` array is reused for the next record: copy it to keep it.
   */
  record(row: number, fields: string[], badQuotes: boolean): void;
}

const QUOTE = 34; // "
const NEWLINE = 10; // \n
const PLAIN = 0;
const QUOTED = 1;
const RAW = 2;

/** True for the characters String.prototype.trim removes (papaparse's "extra spaces"). */
function isTrimSpace(c: string): boolean {
  return c.trim() === '';
}

/**
 * Splits normalized text (line ends already `\n`) into records, incrementally, with the
 * quoting rules of papaparse 5.7 on a whole text (delimiter given, newline `\n`, quote and
 * escape `"`): a field is quoted only if its first character is `"`; inside, `""` is a
 * quote; a closing quote must be followed, after optional white space, by the delimiter,
 * a line end or the end of the text, or it is a stray quote (an error) that stays in the
 * value; a quoted field that never closes takes the rest of the text, as written.
 */
export class CsvTokenizer {
  private buf = '';
  private pos = 0;
  /**
   * Completed fields of the record being read. One array for every record (a new one per
   * record would be most of what reading allocates): `emit` may read it, not keep it.
   */
  private readonly fields: string[] = [];
  private count = 0;
  private bad = false;
  /** Inside a field: where its text starts in `buf` (after the opening quote if quoted). */
  private inField = false;
  private quoted = false;
  private fieldStart = 0;
  /** Quoted field: where to look for the next quote. */
  private scan = 0;
  /** Text of the current field carried over from earlier chunks. */
  private parts: string[] = [];
  /** No text at all gives no record (papaparse returns nothing for empty input). */
  private empty = true;

  constructor(
    private readonly delimiter: string,
    private readonly emit: (fields: string[], badQuotes: boolean) => void,
  ) {}

  /** Adds text and emits every record it completes. */
  write(text: string): void {
    if (text !== '') this.empty = false;
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text;
    this.fieldStart -= this.pos;
    this.scan -= this.pos;
    this.pos = 0;
    this.run(false);
    if (this.inField) {
      // Keep in `buf` only what needs a look-ahead (a quote that may close the field);
      // the rest of an open field moves to `parts`, so a long field is copied once.
      const keep = this.quoted ? this.scan : this.buf.length;
      if (keep > this.fieldStart) this.parts.push(this.buf.slice(this.fieldStart, keep));
      this.fieldStart = keep;
      this.scan = keep;
      this.pos = keep;
    }
  }

  /** Ends the text: emits the last record (papaparse emits `['']` after a final line end). */
  end(): void {
    if (!this.empty) this.run(true);
    this.buf = '';
    this.pos = 0;
  }

  private fieldText(end: number): string {
    const tail = this.buf.slice(this.fieldStart, end);
    if (this.parts.length === 0) return tail;
    const text = this.parts.join('') + tail;
    this.parts = [];
    return text;
  }

  /** Ends the field at `end`: PLAIN (unquoted), QUOTED (`""` read as `"`) or RAW (an unterminated quote, as written). */
  private closeField(end: number, kind: typeof PLAIN | typeof QUOTED | typeof RAW, endsRecord: boolean): void {
    const text = this.fieldText(end);
    this.fields[this.count++] = kind === QUOTED ? text.replace(/""/g, '"') : text;
    this.inField = false;
    if (endsRecord) this.endRecord();
  }

  private endRecord(): void {
    const fields = this.fields;
    // Records usually have as many fields as the one before: then the length stays.
    if (fields.length !== this.count) fields.length = this.count;
    const bad = this.bad;
    this.count = 0;
    this.bad = false;
    this.emit(fields, bad);
  }

  /** Reads as far as the text allows; at the end of the text (`eof`) closes what is open. */
  private run(eof: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    const delim = this.delimiter;
    const delimCode = delim.charCodeAt(0);
    let pos = this.pos;
    for (;;) {
      if (!this.inField) {
        if (pos >= len && !eof) break;
        this.inField = true;
        this.quoted = buf.charCodeAt(pos) === QUOTE;
        this.fieldStart = this.quoted ? pos + 1 : pos;
        this.scan = this.fieldStart;
      }
      if (!this.quoted) {
        // Unquoted: up to the next delimiter or line end (a quote inside is plain text).
        let i = pos;
        while (i < len) {
          const c = buf.charCodeAt(i);
          if (c === delimCode || c === NEWLINE) break;
          i++;
        }
        if (i === len) {
          pos = len;
          if (eof) this.closeField(len, PLAIN, true);
          break;
        }
        pos = i + 1;
        this.closeField(i, PLAIN, buf.charCodeAt(i) === NEWLINE);
        continue;
      }
      // Quoted field: find a closing quote.
      const q = buf.indexOf('"', this.scan);
      if (q === -1) {
        if (!eof) {
          this.scan = len;
          break;
        }
        // Unterminated: the rest of the text, as written, is the field.
        this.bad = true;
        pos = len;
        this.closeField(len, RAW, true);
        break;
      }
      if (q === len - 1) {
        if (!eof) {
          this.scan = q;
          break;
        }
        pos = len;
        this.closeField(q, QUOTED, true);
        break;
      }
      if (buf.charCodeAt(q + 1) === QUOTE) {
        this.scan = q + 2;
        continue;
      }
      // White space may stand between the closing quote and the delimiter or line end.
      let j = q + 1;
      while (j < len && buf[j] !== delim && buf.charCodeAt(j) !== NEWLINE && isTrimSpace(buf[j]!)) j++;
      if (j === len && !eof) {
        this.scan = q;
        break;
      }
      if (j < len && buf[j] === delim) {
        pos = j + 1;
        this.closeField(q, QUOTED, false);
        continue;
      }
      if (j < len && buf.charCodeAt(j) === NEWLINE) {
        pos = j + 1;
        this.closeField(q, QUOTED, true);
        continue;
      }
      // A stray quote: part of the value; the search goes on past it.
      this.bad = true;
      this.scan = q + 2;
    }
    this.pos = pos;
  }
}

/**
 * One delimited file, read incrementally: decoding (see {@link ByteDecoder}), dialect
 * detection from the header line, line ends normalized to `\n` (a file that mixes them, as
 * hand edits produce, is read row by row), then {@link CsvTokenizer}. Records go to the
 * sink with their spreadsheet row numbers; blank lines are dropped but keep their number.
 */
export class CsvReader {
  readonly decoder: ByteDecoder;
  /** Data records passed to the sink (blank lines not counted). */
  records = 0;
  /** Some character was not white space: a file with none is empty. */
  nonBlank = false;
  private head: string[] | null = [];
  private dialectFound: Dialect | null = null;
  private tokenizer: CsvTokenizer | null = null;
  private headCR = false;
  private pendingCR = false;
  private first = true;
  private row = 0;

  constructor(
    private readonly sink: CsvSink,
    options: { windows1252?: boolean } = {},
  ) {
    this.decoder = new ByteDecoder(options.windows1252 ?? false);
  }

  /**
   * The dialect found (null before the header line ends). The encoding is final only at
   * the end of the file: ASCII text read so far may turn out to be Windows-1252. The
   * decimal mark is settled by the contract check.
   */
  get dialect(): Dialect | null {
    return this.dialectFound && { ...this.dialectFound, encoding: this.decoder.encoding, bom: this.decoder.bom };
  }

  /**
   * Reads the next chunk of bytes. {@link NOT_TEXT}: stop reading, the file is binary;
   * {@link RESTART}: start again from the first byte with a reader made with
   * `windows1252: true`.
   */
  push(bytes: Uint8Array): 'ok' | typeof NOT_TEXT | typeof RESTART {
    const text = this.decoder.push(bytes);
    if (typeof text !== 'string') return text;
    this.text(text, false);
    return 'ok';
  }

  /** Ends the file, emitting the last record. */
  end(): 'ok' | typeof NOT_TEXT | typeof RESTART {
    const text = this.decoder.end();
    if (typeof text !== 'string') return text;
    this.text(text, true);
    return 'ok';
  }

  /** Reads text that is already decoded (the whole text when `eof`). */
  pushText(text: string, eof: boolean): void {
    this.text(text, eof);
  }

  private text(text: string, eof: boolean): void {
    if (!this.nonBlank && /\S/.test(text)) this.nonBlank = true;
    if (this.head) {
      // The dialect comes from the header line: hold text until its line end is known
      // (after a CR, one more character tells CR from CRLF).
      if (text !== '') this.head.push(text);
      if (!eof && !this.headerLineEnds(text)) return;
      const joined = this.head.join('');
      this.head = null;
      const dialect: Dialect = {
        encoding: this.decoder.encoding,
        bom: this.decoder.bom,
        delimiter: detectDelimiter(joined),
        decimal: '.',
        line_ending: detectLineEnding(joined),
      };
      this.dialectFound = dialect;
      this.tokenizer = new CsvTokenizer(dialect.delimiter, (fields, bad) => this.emit(fields, bad));
      text = joined;
    }
    if (this.pendingCR) text = `\r${text}`;
    this.pendingCR = !eof && text.endsWith('\r');
    if (this.pendingCR) text = text.slice(0, -1);
    if (text.indexOf('\r') !== -1) text = text.replace(/\r\n?/g, '\n');
    if (this.first && text !== '') {
      this.first = false;
      // papaparse drops one leading U+FEFF (a second byte-order mark) from the text.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text !== '') this.tokenizer!.write(text);
    if (eof) this.tokenizer!.end();
  }

  /** Whether the header line's end, and its kind, is known once `text` is added. */
  private headerLineEnds(text: string): boolean {
    if (text === '') return false;
    if (this.headCR) return true;
    const brk = text.search(/[\r\n]/);
    if (brk === -1) return false;
    if (text[brk] === '\n' || brk + 1 < text.length) return true;
    this.headCR = true;
    return false;
  }

  private emit(fields: string[], bad: boolean): void {
    this.row++;
    if (this.row === 1) {
      this.sink.header(fields, bad, this.dialectFound!);
      return;
    }
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    this.records++;
    this.sink.record(this.row, fields, bad);
  }
}

export interface ParsedCsv {
  header: string[];
  /** Data records with their spreadsheet row number (header = 1); blank lines are dropped. */
  records: { row: number; fields: string[] }[];
  /** Row numbers whose quoting could not be parsed. */
  syntaxErrorRows: number[];
  dialect: Dialect;
}

/** A sink that keeps every record (for small files). */
export function collect(into: ParsedCsv): CsvSink {
  return {
    header(fields, bad, dialect) {
      into.header = fields.map((h) => h.trim());
      into.dialect = dialect;
      if (bad) into.syntaxErrorRows.push(1);
    },
    record(row, fields, bad) {
      into.records.push({ row, fields: fields.slice() });
      if (bad) into.syntaxErrorRows.push(row);
    },
  };
}
