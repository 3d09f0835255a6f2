import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** CSV text from rows of cells, quoted where needed. */
export function csv(rows: (string | number)[][]): string {
  return rows.map((row) => row.map((cell) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(',')).join('\r\n') + '\r\n';
}

export const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');
export const utf8WithBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** An .xlsx with one sheet of these rows, the first being the header. */
export async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

export const DEPARTMENT_HEADER = ['code', 'name_zh', 'name_en', 'category'];
export const DISTRICT_HEADER = ['code', 'name_zh', 'name_en', 'kind'];
export const ENTERPRISE_HEADER = ['uscc', 'name_zh', 'name_en', 'district_code', 'industry', 'investor_country', 'size_band', 'contact_name', 'contact_phone', 'contact_email'];
