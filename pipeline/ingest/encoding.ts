/**
 * Text encodings of input files, told from the bytes.
 *
 * Hospital exports arrive as UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * GB18030/GBK (Chinese Windows), and occasionally another Windows code page (an Excel CSV saved on
 * Vietnamese Windows is windows-1258). DuckDB reads only UTF-8, so anything else is transcoded to
 * a UTF-8 temp file first. Order of evidence: BOM, then whole-file UTF-8 validity, then chardet's
 * statistics on a sample (https://github.com/runk/node-chardet, a port of ICU's detector).
 *
 * Decoding uses Node's built-in TextDecoder (ICU, the WHATWG Encoding Standard), not iconv-lite:
 * iconv-lite 0.7.3's streaming DBCS decoder drops or splits a character when a chunk boundary
 * falls after the third byte of a four-byte GB18030 sequence (emoji, CJK Ext. B), and its UTF-16
 * stream can emit half a surrogate pair, which becomes U+FFFD when written as UTF-8 (see
 * pillarjs/iconv-lite#417). TextDecoder carries partial sequences across chunks correctly, is about
 * 7x faster on GB18030, and reproduces `iconv -f gb18030 -t utf-8` on the shipped sample byte for byte.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TextDecoder } from 'node:util';
import { analyse } from 'chardet';

/** Legacy (non-Unicode) encodings chardet can name, by their WHATWG names (all TextDecoder labels). */
export type LegacyEncoding =
  | 'gb18030'
  | 'big5'
  | 'shift_jis'
  | 'euc-jp'
  | 'euc-kr'
  | 'windows-874'
  | 'windows-1250'
  | 'windows-1251'
  | 'windows-1252'
  | 'windows-1253'
  | 'windows-1254'
  | 'windows-1255'
  | 'windows-1256'
  | 'windows-1257'
  | 'windows-1258'
  | 'iso-8859-2'
  | 'iso-8859-5'
  | 'iso-8859-6'
  | 'iso-8859-7'
  | 'iso-8859-8'
  | 'koi8-r';

/**
 * A detected text encoding. `utf-8-bom` is kept apart from `utf-8` because the BOM must be dropped
 * before DuckDB sees the file: its CSV reader skips a BOM but `read_json` rejects one.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | LegacyEncoding;

export interface DetectedEncoding {
  encoding: TextEncoding;
  /**
   * True when DuckDB cannot read the file as it stands: any encoding but plain UTF-8, and also
   * UTF-8 with a BOM, or mostly-UTF-8 text with a few broken bytes (transcoding turns those into
   * U+FFFD, so the rows survive and the damage is visible).
   */
  needsTranscode: boolean;
}

const defaults = {
  /** Bytes read per step while checking UTF-8 validity: whole-file reads of 200 MB cost memory, not time. */
  chunkBytes: 1 << 20,
  /** Bytes given to chardet, starting at the first non-ASCII byte (an ASCII prefix tells it nothing). */
  sampleBytes: 32 * 1024,
  /** chardet answers below this confidence (0..100) are noise on real text. */
  minConfidence: 10,
  /** Bytes inspected for the NUL pattern of BOM-less UTF-16. */
  utf16ProbeBytes: 4096,
  /**
   * On the few bytes of a stray line or two, chardet's answers at or below this confidence are
   * ties between CJK code pages (Big5, EUC-JP, EUC-KR and GB18030 all at 10), not evidence.
   */
  fallbackMinConfidence: 20,
  /** Characters of decoded text written at a time by the line transcoder. */
  writeChars: 1 << 20,
};

/** chardet's names mapped to ours. ISO-8859-1/-9 decode as their Windows supersets, as browsers do (WHATWG). */
const fromChardet: Record<string, TextEncoding> = {
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  big5: 'big5',
  shift_jis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'windows-874': 'windows-874',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  'iso-8859-1': 'windows-1252',
  'iso-8859-2': 'iso-8859-2',
  'iso-8859-5': 'iso-8859-5',
  'iso-8859-6': 'iso-8859-6',
  'iso-8859-7': 'iso-8859-7',
  'iso-8859-8': 'iso-8859-8',
  'iso-8859-9': 'windows-1254',
  'koi8-r': 'koi8-r',
};

/** Latin single-byte code pages that chardet confuses with windows-1258 on short Vietnamese text. */
const latinCodePages = new Set<TextEncoding>([
  'windows-1250', 'windows-1252', 'windows-1254', 'windows-1257', 'windows-1258', 'iso-8859-2',
]);

/**
 * Tells a text file's encoding from its bytes.
 *
 * BOM first; then whether the whole file is valid UTF-8 (streamed, so a 200 MB file is not held in
 * memory; a chunk boundary inside a multi-byte character is carried over, not counted as invalid);
 * otherwise chardet on a sample that starts at the first non-ASCII byte, each candidate checked to
 * decode the sample without U+FFFD; as a last resort GB18030 if it decodes the sample cleanly.
 *
 * @example
 *   await detectEncoding('exports/complaints-2024.csv') // { encoding: 'gb18030', needsTranscode: true }
 * @throws Error `cannot tell the text encoding` when no candidate decodes cleanly (the caller names the file).
 */
export async function detectEncoding(path: string): Promise<DetectedEncoding> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(defaults.chunkBytes);
    let carry = 0;
    let pos = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, carry, buf.length - carry, pos);
      const end = carry + bytesRead;
      if (pos === 0) {
        const head = detectFromHead(buf.subarray(0, end));
        if (head) return head;
      }
      if (bytesRead === 0) {
        if (carry === 0) return { encoding: 'utf-8', needsTranscode: false };
        break; // the file ends inside a multi-byte character
      }
      pos += bytesRead;
      const cut = end - incompleteUtf8Tail(buf, end);
      if (!isUtf8(buf.subarray(0, cut))) break;
      buf.copy(buf, 0, cut, end);
      carry = end - cut;
    }
    // Not valid UTF-8 somewhere before `pos`: sample the region where non-ASCII bytes start.
    const sampleStart = await firstNonAsciiOffset(fh, Math.max(0, pos - buf.length), buf);
    const sample = Buffer.alloc(defaults.sampleBytes);
    const { bytesRead } = await fh.read(sample, 0, sample.length, sampleStart);
    const chosen = chooseEncoding(sample.subarray(0, bytesRead), bytesRead < sample.length);
    if (chosen) return chosen;
    throw new Error('cannot tell the text encoding');
  } finally {
    await fh.close();
  }
}

/** BOM, or the NUL-byte pattern of BOM-less UTF-16 (which would otherwise pass as valid UTF-8). */
function detectFromHead(head: Buffer): DetectedEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', needsTranscode: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', needsTranscode: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', needsTranscode: true };
  const probe = head.subarray(0, defaults.utf16ProbeBytes & ~1);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < probe.length; i++) {
    if (probe[i] === 0) {
      if (i % 2 === 0) evenNul++;
      else oddNul++;
    }
  }
  const pairs = probe.length / 2;
  if (pairs > 0 && oddNul > 0.3 * pairs && evenNul < 0.02 * pairs) return { encoding: 'utf-16le', needsTranscode: true };
  if (pairs > 0 && evenNul > 0.3 * pairs && oddNul < 0.02 * pairs) return { encoding: 'utf-16be', needsTranscode: true };
  return undefined;
}

/** How many bytes at the end of buf[0, end) begin a UTF-8 sequence that the next chunk completes. */
function incompleteUtf8Tail(buf: Buffer, end: number): number {
  for (let i = 1; i <= Math.min(3, end); i++) {
    const b = buf[end - i] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    if (b < 0xc0) return 0;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    return length > i ? i : 0;
  }
  return 0;
}

/** Offset of the first byte >= 0x80 at or after `from` (files reaching here have one). */
async function firstNonAsciiOffset(fh: FileHandle, from: number, buf: Buffer): Promise<number> {
  for (let pos = from; ; ) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) return from;
    for (let i = 0; i < bytesRead; i++) if ((buf[i] ?? 0) >= 0x80) return pos + i;
    pos += bytesRead;
  }
}

/**
 * Picks the encoding of a sample that is not valid UTF-8, or undefined when nothing fits. A file
 * whose non-ASCII lines are mostly valid UTF-8 is UTF-8 with a few foreign lines; otherwise the
 * legacy encoding is told from the lines that are not UTF-8 alone, as UTF-8 lines among them
 * would keep any legacy candidate from decoding the sample cleanly.
 */
function chooseEncoding(sample: Buffer, complete: boolean): DetectedEncoding | undefined {
  const lines = splitSample(sample, complete);
  const foreign = lines.filter((line) => !isUtf8(line));
  const utf8Lines = lines.filter((line) => !isAscii(line) && isUtf8(line)).length;
  if (isMostlyUtf8(sample) || utf8Lines >= foreign.length) return { encoding: 'utf-8', needsTranscode: true };
  const legacy = Buffer.concat(foreign.flatMap((line) => [line, Buffer.from('\n')]));
  for (const match of analyse(legacy)) {
    const encoding = fromChardet[match.name.toLowerCase()];
    if (!encoding || match.confidence < defaults.minConfidence || !decodesCleanly(legacy, encoding)) continue;
    if (latinCodePages.has(encoding) && looksVietnamese(legacy)) return { encoding: 'windows-1258', needsTranscode: true };
    return { encoding, needsTranscode: true };
  }
  if (decodesCleanly(legacy, 'gb18030')) return { encoding: 'gb18030', needsTranscode: true };
  return undefined;
}

/** A sample's lines; the last is left out when the sample stops inside the file (it may be cut). */
function splitSample(sample: Buffer, complete: boolean): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let end = sample.indexOf(0x0a); end >= 0; end = sample.indexOf(0x0a, start)) {
    lines.push(sample.subarray(start, end));
    start = end + 1;
  }
  if (complete || lines.length === 0) lines.push(sample.subarray(start));
  return lines;
}

/**
 * UTF-8 with a few broken bytes, e.g. a database export that cut a field in the middle of a
 * character: decoding as UTF-8 keeps the text, where any legacy code page would garble all of it.
 */
function isMostlyUtf8(sample: Buffer): boolean {
  const text = new TextDecoder('utf-8').decode(sample.subarray(0, sample.length - incompleteUtf8Tail(sample, sample.length)));
  let broken = 0;
  let wellFormed = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') broken++;
    else if (ch.charCodeAt(0) >= 0x80) wellFormed++;
  }
  return wellFormed >= 20 * broken;
}

/** Decodes without U+FFFD, ignoring a character cut off at the end of the sample. */
function decodesCleanly(sample: Buffer, encoding: TextEncoding): boolean {
  return !decoderFor(encoding).decode(sample, { stream: true }).includes('\uFFFD');
}

/**
 * Whether the sample read as windows-1258 is Vietnamese: letters only Vietnamese uses (ă đ ơ ư) and
 * tone marks that compose onto vowels (ệ, ờ, ạ ... U+1EA0-U+1EF9) make up a good share of it.
 * chardet ranks ISO-8859-1 above windows-1258 on short Vietnamese text; read as windows-1252 such
 * text is silent mojibake ("Bệnh" becomes "Bêònh"), so this check overrides it.
 */
function looksVietnamese(sample: Buffer): boolean {
  const text = decoderFor('windows-1258').decode(sample, { stream: true }).normalize('NFC');
  let nonAscii = 0;
  let toned = 0;
  let vietnamese = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) continue;
    nonAscii++;
    if (code >= 0x1ea0 && code <= 0x1ef9) {
      toned++;
      vietnamese++;
    } else if ('ăđơưĂĐƠƯ'.includes(ch)) vietnamese++;
  }
  return toned >= 2 && vietnamese >= 0.3 * nonAscii;
}

/** A decoder that replaces bad bytes with U+FFFD and drops a leading BOM of UTF-8 and UTF-16. */
function decoderFor(encoding: TextEncoding): TextDecoder {
  return new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
}

/**
 * Streams `src` in `encoding` to `dest` as UTF-8 without BOM, for DuckDB's readers.
 * Undecodable bytes become U+FFFD. On failure `dest` is removed, so no half file is left behind.
 *
 * @example
 *   await transcodeToUtf8('in/complaints.csv', '/tmp/hearken-x/complaints.csv', 'gb18030')
 */
export async function transcodeToUtf8(src: string, dest: string, encoding: TextEncoding): Promise<void> {
  const decoder = decoderFor(encoding);
  const toUtf8 = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
  try {
    await pipeline(createReadStream(src), toUtf8, createWriteStream(dest));
  } catch (error) {
    await rm(dest, { force: true });
    throw error;
  }
}

/**
 * The decoded beginning of a file, at most `maxBytes` of it, for sniffing a header line.
 * A character cut by the byte limit is left out rather than returned as U+FFFD; a BOM is dropped.
 *
 * @example
 *   const head = await readTextHead('in/complaints.csv', 'gb18030', 64 * 1024)
 *   head.split('\n')[0] // 'id,received_at,department,text'
 */
export async function readTextHead(path: string, encoding: TextEncoding, maxBytes: number): Promise<string> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(maxBytes);
    const { bytesRead } = await fh.read(buf, 0, maxBytes, 0);
    // Streaming mode holds back a character cut by the limit; only at the end of the file is a
    // partial character really broken (and then shown as U+FFFD).
    return decoderFor(encoding).decode(buf.subarray(0, bytesRead), { stream: bytesRead === maxBytes });
  } finally {
    await fh.close();
  }
}

/** A line of a text file decoded with another encoding than the file's own. */
export interface RecodedLine {
  /** 1-based line of the file. */
  line: number;
  encoding: TextEncoding;
}

export interface LineTranscoding {
  /** Lines decoded with another encoding: a GB18030 or cp1252 line (or stray byte) in a UTF-8 file, a UTF-8 line in a legacy one. */
  recoded: RecodedLine[];
  /** Lines that no candidate decodes to sensible text: written empty, so the caller can quarantine them by line. */
  undecodable: number[];
}

/**
 * Streams `src` to `dest` as UTF-8 without BOM, deciding the encoding line by line, for files that
 * mix encodings: rows appended to a UTF-8 export by a Windows tool, a text pasted from a web page
 * into a GB18030 one, one Latin-1 byte in a UTF-8 database dump. Whole-file decoding would garble
 * or U+FFFD such lines silently.
 *
 * In a UTF-8 file (`utf-8`, `utf-8-bom`), a line that is not valid UTF-8 is decoded with the
 * fallback the detector chooses for the file's invalid lines taken together: as a whole when its
 * broken bytes outnumber its well-formed UTF-8 characters (a GB18030 line), else only its broken
 * bytes (a stray é). In a legacy file, a line with non-ASCII bytes that is valid UTF-8 is read as
 * UTF-8 (GB18030 or cp1252 text is almost never valid UTF-8). A line that decodes to U+FFFD or to
 * C1 controls with every candidate is written empty and reported as undecodable. Lines are split
 * at LF, which no supported legacy encoding uses inside a character; UTF-16 goes through
 * `transcodeToUtf8`.
 *
 * @example
 *   await transcodeLinesToUtf8('in/mixed.csv', '/tmp/hearken-x/mixed.csv', 'utf-8')
 *   // { recoded: [{ line: 4, encoding: 'gb18030' }], undecodable: [] }
 */
export async function transcodeLinesToUtf8(src: string, dest: string, encoding: TextEncoding): Promise<LineTranscoding> {
  const found: LineTranscoding = { recoded: [], undecodable: [] };
  const utf8File = encoding === 'utf-8' || encoding === 'utf-8-bom';
  const primary = decoderFor(encoding);
  // of a UTF-8 file, chosen from its invalid lines when the first one turns up
  let fallback: TextEncoding | null | undefined;
  const out = await open(dest, 'w');
  try {
    let pending: string[] = [];
    let pendingChars = 0;
    let number = 0;
    for await (let bytes of splitLines(src)) {
      number++;
      if (number === 1 && encoding === 'utf-8-bom') bytes = bytes.subarray(3);
      let text: string | null = null;
      let used: TextEncoding = encoding;
      if (isUtf8(bytes)) {
        text = bytes.toString('utf8');
        if (!utf8File && !isAscii(bytes)) used = 'utf-8';
      } else {
        if (!utf8File) {
          const decoded = primary.decode(bytes);
          if (isSensible(decoded)) text = decoded;
        }
        if (text === null) {
          if (utf8File && fallback === undefined) fallback = await fileFallback(src);
          // the file's fallback first; a line it does not fit is judged on its own bytes
          const decoded = decodeStrayWith(bytes, fallback ?? null) ?? decodeStrayWith(bytes, chooseFallback(straySample(bytes)) ?? null);
          text = decoded?.text ?? null;
          if (decoded) used = decoded.encoding;
        }
      }
      if (text === null) found.undecodable.push(number);
      else if (used !== encoding) found.recoded.push({ line: number, encoding: used });
      const piece = `${number > 1 ? '\n' : ''}${text ?? ''}`;
      pending.push(piece);
      pendingChars += piece.length;
      if (pendingChars >= defaults.writeChars) {
        await out.write(pending.join(''));
        pending = [];
        pendingChars = 0;
      }
    }
    await out.write(pending.join(''));
  } catch (error) {
    await out.close();
    await rm(dest, { force: true });
    throw error;
  }
  await out.close();
  return found;
}

/** The lines of a file as bytes, split at LF (kept out of the line; a CR stays in it). */
async function* splitLines(path: string): AsyncGenerator<Buffer> {
  // pieces of the line in progress: a line longer than a chunk is joined once, not once per chunk
  let pieces: Buffer[] = [];
  for await (const chunk of createReadStream(path)) {
    const data = chunk as Buffer;
    let start = 0;
    for (let end = data.indexOf(0x0a); end >= 0; end = data.indexOf(0x0a, start)) {
      pieces.push(data.subarray(start, end));
      yield pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
      pieces = [];
      start = end + 1;
    }
    if (start < data.length) pieces.push(data.subarray(start));
  }
  yield Buffer.concat(pieces);
}

/** How a line splits into runs of well-formed UTF-8 and of broken bytes (Unicode 15, table 3-7). */
function utf8Runs(bytes: Buffer): { runs: { start: number; end: number; valid: boolean }[]; wellFormed: number; broken: number } {
  const runs: { start: number; end: number; valid: boolean }[] = [];
  let wellFormed = 0;
  let broken = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceAt(bytes, i);
    const valid = length > 0;
    if (length > 1) wellFormed++;
    if (!valid) broken++;
    const last = runs.at(-1);
    const end = i + Math.max(length, 1);
    if (last && last.valid === valid) last.end = end;
    else runs.push({ start: i, end, valid });
    i = end;
  }
  return { runs, wellFormed, broken };
}

/** The length of the well-formed UTF-8 character at `i`, or 0 when the bytes there are broken. */
function utf8SequenceAt(bytes: Buffer, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  // length, and the range of the second byte: narrower after E0, ED, F0, F4 (no overlongs or surrogates)
  const [length, low, high] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  const second = bytes[i + 1] ?? 0;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k] ?? 0;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/**
 * Whether a line that is not valid UTF-8 is UTF-8 with stray bytes (its well-formed UTF-8
 * characters at least as many as its broken bytes), or a line in another encoding as a whole.
 */
function hasStrayBytes(wellFormed: number, broken: number): boolean {
  return wellFormed > 0 && wellFormed >= broken;
}

/**
 * A line that is not valid UTF-8, decoded with `fallback`: only its broken runs when it has stray
 * bytes, else the whole line. Null when the result would not be sensible text.
 */
function decodeStray(bytes: Buffer, fallback: TextEncoding): string | null {
  const { runs, wellFormed, broken } = utf8Runs(bytes);
  const decoder = decoderFor(fallback);
  const text = hasStrayBytes(wellFormed, broken)
    ? runs.map((run) => (run.valid ? bytes.toString('utf8', run.start, run.end) : decoder.decode(bytes.subarray(run.start, run.end)))).join('')
    : decoder.decode(bytes);
  return isSensible(text) ? text : null;
}

/** The bytes of a line that `decodeStray` decodes with the fallback: its broken runs, or all of it. */
function straySample(bytes: Buffer): Buffer {
  const { runs, wellFormed, broken } = utf8Runs(bytes);
  if (!hasStrayBytes(wellFormed, broken)) return bytes;
  return Buffer.concat(runs.filter((run) => !run.valid).flatMap((run) => [bytes.subarray(run.start, run.end), Buffer.from(' ')]));
}

function decodeStrayWith(bytes: Buffer, encoding: TextEncoding | null): { text: string; encoding: TextEncoding } | null {
  const text = encoding === null ? null : decodeStray(bytes, encoding);
  return text === null || encoding === null ? null : { text, encoding };
}

/**
 * The fallback for the invalid lines of a UTF-8 file, chosen once from all of them together (as
 * `decodeStray` will decode them: whole lines, or only their broken runs); null when none fits.
 */
async function fileFallback(path: string): Promise<TextEncoding | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const bytes of splitLines(path)) {
    if (size >= defaults.sampleBytes) break;
    if (isUtf8(bytes)) continue;
    const part = straySample(bytes);
    parts.push(part, Buffer.from('\n'));
    size += part.length + 1;
  }
  return chooseFallback(Buffer.concat(parts)) ?? null;
}

/**
 * The legacy encoding a few stray bytes or lines are most likely in: chardet's answer when it is
 * clear, else GB18030 (the contract's Chinese export), else windows-1252, whichever first decodes
 * them sensibly; a Latin code page gives way to windows-1258 on Vietnamese text, as in detection.
 */
function chooseFallback(sample: Buffer): TextEncoding | undefined {
  const named = analyse(sample)
    .filter((match) => match.confidence > defaults.fallbackMinConfidence)
    .map((match) => fromChardet[match.name.toLowerCase()]);
  for (const encoding of [...named, 'gb18030', 'windows-1252'] as (TextEncoding | undefined)[]) {
    if (encoding === undefined || encoding === 'utf-16le' || encoding === 'utf-16be') continue;
    if (!isSensible(decoderFor(encoding).decode(sample))) continue;
    return latinCodePages.has(encoding) && looksVietnamese(sample) ? 'windows-1258' : encoding;
  }
  return undefined;
}

/** Decoded text a person can read: no U+FFFD for bytes the encoding lacks, no C1 control characters. */
function isSensible(text: string): boolean {
  return !/[\uFFFD\u0080-\u009F]/.test(text);
}
