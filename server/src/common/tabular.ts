import path from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { LocalisedText } from './errors.js';

/** The most data rows (below the header) one uploaded list may have. */
export const MAX_ROWS = 50_000;

export interface TableRow {
  /** The row number Excel shows for this row; the header is usually row 1. */
  rowNumber: number;
  /** Trimmed text, one per header at least. */
  cells: string[];
}

export interface Table {
  headers: string[];
  /** Row 1 unless blank rows come before the header. */
  headerRowNumber: number;
  rows: TableRow[];
}

export type TableErrorCode = 'unsupported-type' | 'unreadable' | 'empty' | 'too-many-rows';

/** A file the office uploaded that cannot become a table, with a message it can act on. */
export class TableError extends Error {
  constructor(
    readonly code: TableErrorCode,
    readonly messages: LocalisedText,
  ) {
    super(messages.en);
    this.name = 'TableError';
  }
}

const unsupportedType = () => new TableError('unsupported-type', {
  zh: '仅支持 Excel 工作簿（.xlsx）或 CSV 文件。',
  en: 'Only Excel workbooks (.xlsx) and CSV files can be read.',
});
const legacyExcel = () => new TableError('unsupported-type', {
  zh: '这是旧版 Excel（.xls）文件或设置了密码的工作簿，请在 Excel 中“另存为” .xlsx 格式（不设密码）后再上传。',
  en: 'This is an old Excel (.xls) file or a password-protected workbook; save it in Excel as .xlsx without a password and upload that.',
});
const damagedWorkbook = () => new TableError('unreadable', {
  zh: '无法读取该 Excel 文件，文件可能已损坏。请在 Excel 中打开并重新保存后再试。',
  en: 'The Excel file cannot be read and may be damaged; open it in Excel, save it again and retry.',
});
const unclosedQuote = (rowNumber: number) => new TableError('unreadable', {
  zh: `CSV 文件第 ${rowNumber} 行的引号没有闭合。`,
  en: `Row ${rowNumber} of the CSV file opens a quotation mark that is never closed.`,
});
const noHeader = () => new TableError('empty', {
  zh: '文件中没有内容：第一行应为表头（列名）。',
  en: 'The file is empty: its first row should hold the column headings.',
});
const tooManyRows = (maxRows: number) => new TableError('too-many-rows', {
  zh: `数据超过 ${maxRows.toLocaleString('en-US')} 行，请拆分成多个文件后分别上传。`,
  en: `The file has more than ${maxRows.toLocaleString('en-US')} data rows; split it into several files and upload them one at a time.`,
});

/**
 * Reads the first visible worksheet of an .xlsx, or a CSV (UTF-8 with or without BOM, UTF-16 with BOM,
 * or GB18030/GBK as Excel saves Chinese CSV). The header is the first row with any content; rows
 * with no content are skipped. The type is told by the file's first bytes, the name only breaks ties.
 * maxRows lowers the limit (tests use it to reach the limit cheaply).
 */
export async function readTable(buffer: Buffer, fileName: string, options: { maxRows?: number } = {}): Promise<Table> {
  const table = new TableBuilder(options.maxRows ?? MAX_ROWS);
  switch (detectFileType(buffer, fileName)) {
    case 'xlsx':
      await readWorkbook(buffer, table);
      break;
    case 'csv':
      readDelimitedText(decodeText(buffer), table);
      break;
  }
  return table.finish();
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE2 compound file: legacy .xls, and also any password-protected .xlsx. */
const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function detectFileType(buffer: Buffer, fileName: string): 'xlsx' | 'csv' {
  const extension = path.extname(fileName).toLowerCase();
  if (buffer.length === 0 && ['.xlsx', '.csv', '.txt'].includes(extension)) throw noHeader();
  if (startsWith(buffer, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(buffer, OLE2_MAGIC) || extension === '.xls') throw legacyExcel();
  if (extension === '.xlsx' || extension === '.xlsm') throw damagedWorkbook();
  if ((extension === '.csv' || extension === '.txt') && looksLikeText(buffer)) return 'csv';
  throw unsupportedType();
}

function startsWith(buffer: Buffer, magic: Buffer): boolean {
  return buffer.length >= magic.length && buffer.subarray(0, magic.length).equals(magic);
}

function looksLikeText(buffer: Buffer): boolean {
  if (utf16Encoding(buffer)) return true;
  return !buffer.subarray(0, 65_536).includes(0);
}

function utf16Encoding(buffer: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  return null;
}

/** Collects rows as a reader finds them, so that reading stops at the row limit. */
class TableBuilder {
  private headers: string[] | null = null;
  private headerRowNumber = 0;
  private readonly rows: TableRow[] = [];

  constructor(readonly maxRows: number) {}

  add(rowNumber: number, rawCells: readonly string[]): void {
    const cells = Array.from(rawCells, cleanCell);
    if (cells.every((cell) => cell === '')) return;
    if (this.headers === null) {
      this.headers = cells.slice(0, lastFilledIndex(cells) + 1);
      this.headerRowNumber = rowNumber;
      return;
    }
    if (this.rows.length >= this.maxRows) throw tooManyRows(this.maxRows);
    const width = Math.max(this.headers.length, lastFilledIndex(cells) + 1);
    this.rows.push({ rowNumber, cells: Array.from({ length: width }, (_, index) => cells[index] ?? '') });
  }

  finish(): Table {
    if (this.headers === null) throw noHeader();
    return { headers: this.headers, headerRowNumber: this.headerRowNumber, rows: this.rows };
  }
}

/** Trims, and takes back the apostrophe that neutraliseFormula put before our own exports' cells. */
function cleanCell(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  return /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1).trim() : trimmed;
}

function lastFilledIndex(cells: readonly string[]): number {
  for (let index = cells.length - 1; index >= 0; index--) if (cells[index] !== '') return index;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// .xlsx
//
// Read straight from the zip rather than through exceljs: its full loader takes 0.6–1.2 s per 10,000
// rows on a 2-core machine and cannot stop at the row limit, and its streaming reader needs styles.xml
// and workbook.xml to come before the sheet in the zip (or dates come out as numbers) and returns the
// phonetic guide (<rPh>) that Japanese Excel stores beside a cell's text instead of the text.

interface ZipEntry {
  method: number;
  data: Buffer;
}

/** The parts of the workbook a table needs. */
interface WorkbookParts {
  sharedStrings: string[];
  /** By cell style index (the s attribute): whether numbers in that style show as dates or percentages. */
  numberStyles: NumberStyle[];
  date1904: boolean;
}

/** Bounds the parts inflated whole (shared strings, styles); the sheet itself is streamed. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

async function readWorkbook(buffer: Buffer, table: TableBuilder): Promise<void> {
  const entries = zipEntries(buffer);
  try {
    const { sheet, parts } = openWorkbook(entries);
    await forEachRow(sheet, (rowNumber, rowXml) => table.add(rowNumber, rowCells(rowXml, parts)));
  } catch (error) {
    if (error instanceof TableError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooManyRows(table.maxRows);
    throw damagedWorkbook();
  }
}

/** Finds the parts through the package's relationships, falling back to the names everyone uses. */
function openWorkbook(entries: Map<string, ZipEntry>): { sheet: ZipEntry; parts: WorkbookParts } {
  const packageTargets = relationshipTargets(partText(entries, '_rels/.rels') ?? '', '');
  const workbookPath = packageTargets.find((target) => target.type === 'officeDocument')?.path ?? 'xl/workbook.xml';
  const workbookXml = partText(entries, workbookPath);
  if (workbookXml === null) throw damagedWorkbook();
  const folder = path.posix.dirname(workbookPath);
  const relsXml = partText(entries, `${folder}/_rels/${path.posix.basename(workbookPath)}.rels`) ?? '';
  const targets = relationshipTargets(relsXml, folder);
  const targetOf = (type: string, fallback: string) => targets.find((target) => target.type === type)?.path ?? `${folder}/${fallback}`;

  const sheet = entries.get(firstVisibleSheetPath(workbookXml, targets) ?? '');
  if (sheet === undefined) throw damagedWorkbook();
  const sharedStringsXml = partText(entries, targetOf('sharedStrings', 'sharedStrings.xml')) ?? '';
  const stylesXml = partText(entries, targetOf('styles', 'styles.xml')) ?? '';
  return {
    sheet,
    parts: {
      sharedStrings: Array.from(sharedStringsXml.matchAll(SHARED_STRING), (match) => runText(match[1] ?? '')),
      numberStyles: numberStyles(stylesXml),
      date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904=["'](?:1|true)["']/.test(workbookXml),
    },
  };
}

const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The entries of a zip from its central directory, each with its still-compressed bytes. */
function zipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const end = buffer.lastIndexOf(EOCD_SIGNATURE);
  if (end < 0 || end + 22 > buffer.length) throw damagedWorkbook();
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw damagedWorkbook();
    const flags = buffer.readUInt16LE(offset + 8);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const localOffset = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) throw damagedWorkbook();
    const dataStart = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > buffer.length) throw damagedWorkbook();
    // Bit 0 is encryption; only stored (0) and deflated (8) parts occur in workbooks.
    if ((flags & 1) === 0 && (method === 0 || method === 8)) {
      entries.set(name, { method, data: buffer.subarray(dataStart, dataStart + compressedSize) });
    }
    offset += 46 + nameLength + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return entries;
}

function partText(entries: Map<string, ZipEntry>, name: string): string | null {
  const entry = entries.get(name);
  if (entry === undefined) return null;
  const bytes = entry.method === 0 ? entry.data : inflateRawSync(entry.data, { maxOutputLength: MAX_PART_BYTES });
  return bytes.toString('utf8');
}

const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)>/g;

/** Relationship targets as zip paths, with the last word of their type (officeDocument, worksheet, …). */
function relationshipTargets(relsXml: string, folder: string): { id: string; type: string; path: string }[] {
  return Array.from(relsXml.matchAll(RELATIONSHIP), (match) => {
    const target = attribute(match[1], 'Target') ?? '';
    return {
      id: attribute(match[1], 'Id') ?? '',
      type: (attribute(match[1], 'Type') ?? '').split('/').pop() ?? '',
      path: target.startsWith('/') ? target.slice(1) : path.posix.join(folder, target),
    };
  });
}

const SHEET = /<(?:\w+:)?sheet\b([^>]*)>/g;

/** The tab a person sees first: the first worksheet (not chart sheet) in workbook order that is not hidden. */
function firstVisibleSheetPath(workbookXml: string, targets: { id: string; type: string; path: string }[]): string | undefined {
  const worksheets = Array.from(workbookXml.matchAll(SHEET), (match) => ({
    target: targets.find((target) => target.id === attribute(match[1], 'id') && target.type === 'worksheet'),
    state: attribute(match[1], 'state'),
  })).filter((sheet) => sheet.target !== undefined);
  const sheet = worksheets.find((candidate) => candidate.state !== 'hidden' && candidate.state !== 'veryHidden') ?? worksheets[0];
  return sheet?.target?.path;
}

const attributePatterns = new Map<string, RegExp>();

/** An attribute's decoded value, matched by its local name (r:id matches "id"). */
function attribute(attributes: string, localName: string): string | undefined {
  let pattern = attributePatterns.get(localName);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${localName}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(localName, pattern);
  }
  const match = pattern.exec(attributes);
  return match === null ? undefined : decodeXml(match[1] ?? match[2]);
}

const SHARED_STRING = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
const PHONETIC_RUN = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT_RUN = /<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;

/** The text of a string item: its runs joined, without the phonetic guide Japanese Excel stores beside them. */
function runText(itemXml: string): string {
  const runs = itemXml.includes('rPh') ? itemXml.replace(PHONETIC_RUN, '') : itemXml;
  let text = '';
  for (const match of runs.matchAll(TEXT_RUN)) text += match[1] ?? '';
  return decodeString(text);
}

const XML_ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(XML_ENTITY, (_, hex?: string, decimal?: string, name?: string) =>
    name !== undefined ? NAMED_ENTITIES[name] : String.fromCodePoint(parseInt(hex ?? decimal ?? '0', hex ? 16 : 10)));
}

/** Cell text: XML entities, then the _xHHHH_ escapes OOXML uses for control characters. */
function decodeString(text: string): string {
  const decoded = decodeXml(text);
  return decoded.includes('_x') ? decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decoded;
}

/** Built-in number formats that show a date or time, the Chinese and Japanese ones (27–36, 50–58) included. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const NUMBER_FORMAT = /<(?:\w+:)?numFmt\b([^>]*)>/g;
const CELL_FORMATS = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/;
const CELL_FORMAT = /<(?:\w+:)?xf\b([^>]*)>/g;

/** Built-in number formats that show a percentage: 0% and 0.00%. */
const BUILT_IN_PERCENT_FORMATS = new Set([9, 10]);

/** How a cell style shows numbers: what the person who typed "85%" or a date saw, not the stored 0.85 or serial. */
type NumberStyle = 'plain' | 'date' | 'percent';

function numberStyles(stylesXml: string): NumberStyle[] {
  const custom = new Map<number, NumberStyle>();
  for (const match of stylesXml.matchAll(NUMBER_FORMAT)) {
    custom.set(Number(attribute(match[1], 'numFmtId')), formatCodeStyle(attribute(match[1], 'formatCode') ?? ''));
  }
  const cellFormats = CELL_FORMATS.exec(stylesXml)?.[1] ?? '';
  return Array.from(cellFormats.matchAll(CELL_FORMAT), (match) => {
    const id = Number(attribute(match[1], 'numFmtId') ?? 0);
    return custom.get(id) ?? (BUILT_IN_DATE_FORMATS.has(id) ? 'date' : BUILT_IN_PERCENT_FORMATS.has(id) ? 'percent' : 'plain');
  });
}

/**
 * Once quoted text, [colour] and \-escapes are set aside, a format shows a date when a date or
 * time letter is left, a percentage when a % is.
 */
function formatCodeStyle(code: string): NumberStyle {
  const shown = code.replace(/"[^"]*"|\[[^\]]*]|\\./g, '');
  if (/[ymdhs]/i.test(shown)) return 'date';
  return shown.includes('%') ? 'percent' : 'plain';
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;

/** Streams the sheet, handing over each complete row, so that a table over the limit stops here. */
async function forEachRow(sheet: ZipEntry, visit: (rowNumber: number, rowXml: string) => void): Promise<void> {
  const source = Readable.from([sheet.data]);
  const xml = sheet.method === 8 ? source.pipe(createInflateRaw()) : source;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let rowNumber = 0;
  const visitCompleteRows = () => {
    let consumed = 0;
    ROW.lastIndex = 0;
    for (let match = ROW.exec(pending); match !== null; match = ROW.exec(pending)) {
      const number = Number(attribute(match[1], 'r'));
      rowNumber = number > 0 ? number : rowNumber + 1;
      visit(rowNumber, match[2] ?? '');
      consumed = ROW.lastIndex;
    }
    pending = pending.slice(consumed);
  };
  try {
    for await (const chunk of xml) {
      pending += decoder.write(chunk as Buffer);
      visitCompleteRows();
    }
    pending += decoder.end();
    visitCompleteRows();
  } finally {
    xml.destroy();
  }
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE_STRING = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;

function rowCells(rowXml: string, parts: WorkbookParts): string[] {
  const cells: string[] = [];
  let column = 0;
  for (const match of rowXml.matchAll(CELL)) {
    const reference = attribute(match[1], 'r');
    column = reference === undefined ? column + 1 : columnNumber(reference);
    cells[column - 1] = cellText(match[1], match[2] ?? '', parts);
  }
  return Array.from(cells, (cell) => cell ?? '');
}

/** "AB12" → 28. */
function columnNumber(reference: string): number {
  let number = 0;
  for (const character of reference.toUpperCase()) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    number = number * 26 + code - 64;
  }
  return number;
}

function cellText(attributes: string, content: string, parts: WorkbookParts): string {
  const type = attribute(attributes, 't') ?? 'n';
  if (type === 'inlineStr') return runText(INLINE_STRING.exec(content)?.[1] ?? '');
  const value = VALUE.exec(content)?.[1];
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return parts.sharedStrings[Number(value)] ?? '';
    case 'str':
      return decodeString(value);
    case 'b':
      return value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return decodeXml(value);
    case 'd':
      return dateText(new Date(/Z|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`));
    default: {
      const number = Number(value);
      if (value.trim() === '' || Number.isNaN(number)) return decodeXml(value);
      const style = parts.numberStyles[Number(attribute(attributes, 's') ?? 0)];
      if (style === 'date') return dateText(serialDate(number, parts.date1904));
      // Stored as 0.85, shown and meant as 85%.
      return style === 'percent' ? `${numberText(number * 100)}%` : numberText(number);
    }
  }
}

const excelPrecision = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 15, useGrouping: false });

/**
 * A number as Excel shows it in a wide enough cell: Excel keeps 15 significant digits, so an 18-digit
 * code typed as a number has already lost its last digits in Excel itself (913502000728319549 is
 * stored and shown as 913502000728320000); only a cell formatted as text keeps every digit.
 */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return excelPrecision.format(value);
}

/** Excel counts days from 1899-12-30 (or 1904-01-01), in no time zone. */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** YYYY-MM-DD, with the time of day only when there is one, and a bare time for a time-only cell. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const time = iso.endsWith(':00.000Z') ? iso.slice(11, 16) : iso.slice(11, 19);
  if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return time;
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

// ---------------------------------------------------------------------------------------------
// CSV

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Excel saves "CSV UTF-8" with a BOM and plain "CSV" in the ANSI code page, GBK on Chinese Windows. */
function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString('utf8', 3);
  const utf16 = utf16Encoding(buffer);
  if (utf16) return new TextDecoder(utf16).decode(buffer.subarray(2));
  try {
    return strictUtf8.decode(buffer);
  } catch {
    // GB18030 is a superset of GBK and GB2312.
    return iconv.decode(buffer, 'gb18030');
  }
}

/** Commas, unless the first line plainly separates with semicolons (European Excel) or tabs. */
function detectDelimiter(text: string): string {
  const firstLine = (text.match(/^.*\S.*$/m)?.[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (delimiter: string) => firstLine.split(delimiter).length - 1;
  const [best] = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: count(delimiter) })).sort((a, b) => b.count - a.count);
  return best.count > count(',') ? best.delimiter : ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** RFC 4180, leniently: CRLF, LF or CR line ends, quotes escaped by doubling, line breaks inside quotes. */
function readDelimitedText(text: string, table: TableBuilder): void {
  const delimiter = detectDelimiter(text).charCodeAt(0);
  const length = text.length;
  let position = 0;
  let rowNumber = 1;
  let cells: string[] = [];
  for (;;) {
    let value = '';
    if (text.charCodeAt(position) === QUOTE) {
      let from = position + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw unclosedQuote(rowNumber);
        value += text.slice(from, quote);
        if (text.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
        } else {
          position = quote + 1;
          break;
        }
      }
    }
    // Unquoted text, or anything stray between a closing quote and the delimiter.
    const start = position;
    while (position < length) {
      const code = text.charCodeAt(position);
      if (code === delimiter || code === LF || code === CR) break;
      position++;
    }
    cells.push(value + text.slice(start, position));
    const code = text.charCodeAt(position);
    if (code === delimiter) {
      position++;
      continue;
    }
    table.add(rowNumber, cells);
    rowNumber++;
    cells = [];
    position += code === CR && text.charCodeAt(position + 1) === LF ? 2 : 1;
    if (position >= length) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Matching headers

export interface ColumnSpec {
  key: string;
  /** Headings that name this column, e.g. ['uscc', '统一社会信用代码', '信用代码']; the key itself also matches. */
  labels: string[];
  required: boolean;
}

export interface HeaderMapping {
  indexByKey: Map<string, number>;
  /** Required columns no heading names. */
  missing: ColumnSpec[];
  /** Headings that name no column, and second headings for a column already found; both are ignored. */
  unknown: string[];
}

/** Compares headings ignoring case, spaces, full-width forms (（）vs ()) and the * that marks required columns. */
export function mapHeaders(headers: readonly string[], columns: readonly ColumnSpec[]): HeaderMapping {
  const keyByLabel = new Map<string, string>();
  for (const column of columns) {
    for (const label of [column.key, ...column.labels]) {
      const normalised = normaliseHeading(label);
      if (!keyByLabel.has(normalised)) keyByLabel.set(normalised, column.key);
    }
  }
  const indexByKey = new Map<string, number>();
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const normalised = normaliseHeading(header);
    if (normalised === '') return;
    const key = keyByLabel.get(normalised);
    if (key === undefined || indexByKey.has(key)) unknown.push(header);
    else indexByKey.set(key, index);
  });
  const missing = columns.filter((column) => column.required && !indexByKey.has(column.key));
  return { indexByKey, missing, unknown };
}

function normaliseHeading(heading: string): string {
  return heading.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Writing

export type CellInput = string | number | null | undefined;

export interface SheetColumn {
  header: string;
  key: string;
  /** In characters; by default fitted to the longest value (a Chinese character counts two). */
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: Record<string, CellInput>[];
}

/**
 * A cell that starts with = + - @ or a tab or carriage return is a formula to a spreadsheet that opens
 * or re-edits it; a leading apostrophe makes it text, as OWASP's CSV injection advice says.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      header: neutraliseFormula(column.header),
      key: column.key,
      width: column.width ?? fittedWidth(column, sheet.rows),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      worksheet.addRow(sheet.columns.map((column) => {
        const value = row[column.key];
        return typeof value === 'string' ? neutraliseFormula(value) : value ?? null;
      }));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * UTF-8 with a BOM, which Excel needs to show Chinese, CRLF line ends and RFC 4180 quoting. Excel turns
 * an all-digit code longer than 15 digits in a CSV into a rounded number; export such lists as .xlsx.
 */
export function writeCsv(columns: readonly Pick<SheetColumn, 'header' | 'key'>[], rows: readonly Record<string, CellInput>[]): string {
  return csvStart(columns) + csvRows(columns, rows);
}

/** The BOM and the header line, for a CSV written in parts. */
export function csvStart(columns: readonly Pick<SheetColumn, 'header' | 'key'>[]): string {
  return `\uFEFF${columns.map((column) => csvField(column.header)).join(',')}\r\n`;
}

/** Rows of a CSV written in parts, each ending in CRLF. */
export function csvRows(columns: readonly Pick<SheetColumn, 'header' | 'key'>[], rows: readonly Record<string, CellInput>[]): string {
  let text = '';
  for (const row of rows) text += `${columns.map((column) => csvField(row[column.key])).join(',')}\r\n`;
  return text;
}

function csvField(value: CellInput): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Excel refuses sheet names over 31 characters or with \ / ? * [ ] : in them. */
function sheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

const WIDE_CHARACTER = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function fittedWidth(column: SheetColumn, rows: readonly Record<string, CellInput>[]): number {
  let widest = displayWidth(column.header);
  for (const row of rows) {
    const value = row[column.key];
    if (value !== null && value !== undefined) widest = Math.max(widest, displayWidth(String(value)));
  }
  return Math.min(60, Math.max(8, widest + 2));
}

function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE_CHARACTER.test(character) ? 2 : 1;
  return width;
}
