import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  mapHeaders, MAX_ROWS, neutraliseFormula, readTable, TableError, writeCsv, writeXlsx,
  type ColumnSpec, type Table, type TableErrorCode,
} from '../../server/src/common/tabular.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function workbookBuffer(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip of deflated text files, for workbooks as producers other than exceljs write them. */
function zip(files: Record<string, string>): Buffer {
  const records: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    records.push(local, nameBytes, compressed);
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(directory.length / 2, 8);
  end.writeUInt16LE(directory.length / 2, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...records, directoryBytes, end]);
}

async function tableError(read: Promise<Table>): Promise<TableError> {
  const error = await read.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TableError);
  return error as TableError;
}

describe('readTable: CSV', () => {
  const expected: Table = {
    headers: ['统一社会信用代码', '企业名称', '联系电话'],
    headerRowNumber: 1,
    rows: [
      { rowNumber: 2, cells: ['913502000728319549', '江州恒昌贸易有限公司', '13812345678'] },
      { rowNumber: 3, cells: ['91329971MA0000000X', '丸星精工（江州）有限公司', '0512-88886666'] },
    ],
  };
  const text = '统一社会信用代码,企业名称,联系电话\n913502000728319549,江州恒昌贸易有限公司,13812345678\n91329971MA0000000X,丸星精工（江州）有限公司,0512-88886666\n';

  it('reads UTF-8 without a BOM', async () => {
    await expect(readTable(utf8(text), 'list.csv')).resolves.toEqual(expected);
  });

  it('reads UTF-8 with a BOM and CRLF line ends', async () => {
    await expect(readTable(utf8('\uFEFF' + text.replaceAll('\n', '\r\n')), 'list.csv')).resolves.toEqual(expected);
  });

  it('reads GBK, as Excel saves Chinese CSV', async () => {
    const gbk = iconv.encode(text.replaceAll('\n', '\r\n'), 'gbk');
    expect(gbk.includes(Buffer.from('江州', 'utf8'))).toBe(false);
    await expect(readTable(gbk, '名单.CSV')).resolves.toEqual(expected);
  });

  it('reads UTF-16 tab-separated text, as Excel saves "Unicode text"', async () => {
    const tabbed = text.replaceAll(',', '\t').replaceAll('\n', '\r\n');
    const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]);
    await expect(readTable(buffer, 'list.txt')).resolves.toEqual(expected);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks, counting rows as Excel does', async () => {
    const csv = 'name,address,note\r\n"Hang Cheong Trading (Jiangzhou) Co., Ltd.","1 River Road,\r\nLinjiang","He said ""yes"""\r\nplain, spaced ,""\r\n';
    await expect(readTable(utf8(csv), 'a.csv')).resolves.toEqual({
      headers: ['name', 'address', 'note'],
      headerRowNumber: 1,
      rows: [
        { rowNumber: 2, cells: ['Hang Cheong Trading (Jiangzhou) Co., Ltd.', '1 River Road,\r\nLinjiang', 'He said "yes"'] },
        { rowNumber: 3, cells: ['plain', 'spaced', ''] },
      ],
    });
  });

  it('skips empty rows but keeps the row numbers Excel shows, and takes the first row with content as the header', async () => {
    const csv = '\n,,\nuscc,name\n\n ,\n91440300708461136T,Tencent-like\na\nb,c,d,,\n';
    await expect(readTable(utf8(csv), 'a.csv')).resolves.toEqual({
      headers: ['uscc', 'name'],
      headerRowNumber: 3,
      rows: [
        { rowNumber: 6, cells: ['91440300708461136T', 'Tencent-like'] },
        { rowNumber: 7, cells: ['a', ''] },
        { rowNumber: 8, cells: ['b', 'c', 'd'] },
      ],
    });
  });

  it('uses a semicolon or tab delimiter when the header line plainly does', async () => {
    await expect(readTable(utf8('a;b;c\n1;2,5;3\n'), 'a.csv')).resolves.toEqual({ headers: ['a', 'b', 'c'], headerRowNumber: 1, rows: [{ rowNumber: 2, cells: ['1', '2,5', '3'] }] });
    await expect(readTable(utf8('a\tb\n1\t2\n'), 'a.csv')).resolves.toEqual({ headers: ['a', 'b'], headerRowNumber: 1, rows: [{ rowNumber: 2, cells: ['1', '2'] }] });
    await expect(readTable(utf8('"a;x",b\n1;2,3\n'), 'a.csv')).resolves.toEqual({ headers: ['a;x', 'b'], headerRowNumber: 1, rows: [{ rowNumber: 2, cells: ['1;2', '3'] }] });
  });

  it('reads a last line without a line break, ending in an empty field', async () => {
    await expect(readTable(utf8('a,b,c\n1,2,'), 'a.csv')).resolves.toEqual({ headers: ['a', 'b', 'c'], headerRowNumber: 1, rows: [{ rowNumber: 2, cells: ['1', '2', ''] }] });
  });

  it('reads exactly MAX_ROWS data rows and refuses one more', async () => {
    const lines = (count: number) => 'n\n' + Array.from({ length: count }, (_, index) => `${index}\n`).join('');
    const table = await readTable(utf8(lines(MAX_ROWS)), 'big.csv');
    expect(table.rows).toHaveLength(MAX_ROWS);
    expect(table.rows[MAX_ROWS - 1]).toEqual({ rowNumber: MAX_ROWS + 1, cells: [String(MAX_ROWS - 1)] });
    const error = await tableError(readTable(utf8(lines(MAX_ROWS + 1)), 'big.csv'));
    expect(error.code).toBe<TableErrorCode>('too-many-rows');
    expect(error.messages.zh).toContain('50,000');
  });

  it('says which row opens a quote that never closes', async () => {
    const error = await tableError(readTable(utf8('a,b\n1,2\n3,"four\n5,6\n'), 'a.csv'));
    expect(error.code).toBe<TableErrorCode>('unreadable');
    expect(error.messages).toEqual({ zh: 'CSV 文件第 3 行的引号没有闭合。', en: 'Row 3 of the CSV file opens a quotation mark that is never closed.' });
  });
});

describe('readTable: .xlsx', () => {
  it('turns every kind of cell into the text Excel shows', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('企业');
      sheet.addRow(['code as text', 'code as number', 'phone', 'date', 'date and time', 'rich text', 'link', 'formula', 'text formula', 'flag', 'error', 'sum']);
      sheet.addRow([
        '913502000728319549',
        913502000728319549,
        13812345678,
        new Date(Date.UTC(2026, 4, 20)),
        new Date(Date.UTC(2026, 4, 20, 9, 30)),
        { richText: [{ text: '江州' }, { text: '恒昌', font: { bold: true } }] },
        { text: 'write to us', hyperlink: 'mailto:office@hangcheong.example' },
        { formula: 'C2*2', result: 27624691356 },
        { formula: 'A2&"X"', result: '913502000728319549X' },
        true,
        { error: '#N/A' },
        0.1 + 0.2,
      ]);
    });
    const table = await readTable(buffer, 'list.xlsx');
    expect(table.rows).toEqual([{
      rowNumber: 2,
      cells: [
        '913502000728319549',
        // Excel keeps 15 significant digits of a number; only a text cell keeps all 18.
        '913502000728320000',
        '13812345678',
        '2026-05-20',
        '2026-05-20 09:30',
        '江州恒昌',
        'write to us',
        '27624691356',
        '913502000728319549X',
        'TRUE',
        '#N/A',
        '0.3',
      ],
    }]);
  });

  it('reads a percentage as it is shown, not as the fraction Excel stores', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('rates');
      sheet.addRow(['built in', 'two decimals', 'custom', 'plain', 'quoted %']);
      sheet.addRow([0.85, 0.9125, 1, 0.85, 7]);
      sheet.getCell('A2').numFmt = '0%';
      sheet.getCell('B2').numFmt = '0.00%';
      sheet.getCell('C2').numFmt = '#,##0.0%;[Red]-#,##0.0%';
      sheet.getCell('E2').numFmt = '0" %"';
    });
    const table = await readTable(buffer, 'rates.xlsx');
    expect(table.rows[0]!.cells).toEqual(['85%', '91.25%', '100%', '0.85', '7']);
  });

  it('reads the first visible worksheet, from the first row with content', async () => {
    const buffer = await workbookBuffer((workbook) => {
      workbook.addWorksheet('hidden', { state: 'hidden' }).addRow(['not', 'this']);
      const sheet = workbook.addWorksheet('list');
      sheet.getCell('B3').value = ' uscc ';
      sheet.getCell('C3').value = 'name';
      sheet.getCell('B5').value = '91440300708461136T';
      sheet.getCell('C5').value = '  padded  ';
      sheet.getCell('E5').value = 'beyond the headers';
      workbook.addWorksheet('later').addRow(['nor', 'this']);
    });
    await expect(readTable(buffer, 'list.xlsx')).resolves.toEqual({
      headers: ['', 'uscc', 'name'],
      headerRowNumber: 3,
      rows: [{ rowNumber: 5, cells: ['', '91440300708461136T', 'padded', '', 'beyond the headers'] }],
    });
  });

  it('gets back what writeXlsx wrote, formulas neutralised on the way out and restored on the way in', async () => {
    const rows = [
      { uscc: '91440300708461136T', name: '=HYPERLINK("http://evil.example","click")', phone: '+86 138 1234 5678', score: 87.5 },
      { uscc: '913502000728319549', name: '江州恒昌贸易有限公司', phone: null, score: -3 },
    ];
    const buffer = await writeXlsx([{ name: 'Enterprises', columns: [
      { header: 'uscc', key: 'uscc' }, { header: 'name', key: 'name' }, { header: 'phone', key: 'phone' }, { header: 'score', key: 'score' },
    ], rows }]);
    await expect(readTable(buffer, 'export.xlsx')).resolves.toEqual({
      headers: ['uscc', 'name', 'phone', 'score'],
      headerRowNumber: 1,
      rows: [
        { rowNumber: 2, cells: ['91440300708461136T', '=HYPERLINK("http://evil.example","click")', '+86 138 1234 5678', '87.5'] },
        { rowNumber: 3, cells: ['913502000728319549', '江州恒昌贸易有限公司', '', '-3'] },
      ],
    });
  });

  it('stops at the row limit', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('list');
      sheet.addRow(['n']);
      for (let index = 0; index < 11; index++) sheet.addRow([index]);
    });
    await expect(readTable(buffer, 'list.xlsx', { maxRows: 11 })).resolves.toMatchObject({ rows: { length: 11 } });
    const error = await tableError(readTable(buffer, 'list.xlsx', { maxRows: 10 }));
    expect(error.code).toBe<TableErrorCode>('too-many-rows');
  });

  it('reads past rows that are formatted but blank without counting them', async () => {
    const buffer = await workbookBuffer((workbook) => {
      const sheet = workbook.addWorksheet('list');
      sheet.addRow(['n']);
      sheet.addRow(['only row']);
      for (let row = 3; row <= 500; row++) sheet.getCell(row, 1).border = { top: { style: 'thin' } };
    });
    await expect(readTable(buffer, 'list.xlsx', { maxRows: 10 })).resolves.toEqual({ headers: ['n'], headerRowNumber: 1, rows: [{ rowNumber: 2, cells: ['only row'] }] });
  });

  it('reads what other producers write: chart sheets, prefixes, phonetic guides, inline strings, custom date formats, the 1904 calendar', async () => {
    const buffer = zip({
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      'xl/worksheets/data.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
        <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>成立日</x:t></x:is></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:r><x:t>编</x:t></x:r><x:r><x:t>号</x:t></x:r></x:is></x:c></x:row>
        <x:row r="2" spans="1:4"><x:c r="A2" t="str"><x:f>"丸星"&amp;"精工"</x:f><x:v>丸星精工</x:v></x:c><x:c r="B2" s="1"><x:v>45000</x:v></x:c><x:c r="C2" s="2"><x:v>45000.5</x:v></x:c><x:c r="D2" s="3"><x:v>7</x:v></x:c></x:row>
        <x:row r="3" customFormat="1" s="2"/>
        <x:row><x:c><x:v>1</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="d"><x:v>2026-05-20T00:00:00</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
        </x:sheetData></x:worksheet>`,
      'xl/chartsheets/sheet1.xml': '<chartsheet><drawing r:id="rId1"/></chartsheet>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>hidden</t></is></c></row></sheetData></worksheet>',
      'xl/sharedStrings.xml': `<sst count="3" uniqueCount="3">
        <si><t>会社名</t><rPh sb="0" eb="3"><t>カイシャメイ</t></rPh><phoneticPr fontId="1"/></si>
        <si><r><t>A &amp; B</t></r><r><rPr><b/></rPr><t xml:space="preserve"> Ltd._x0009_x</t></r></si>
        <si><t/></si></sst>`,
      'xl/styles.xml': `<styleSheet><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="&quot;NO.&quot;0"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/><xf numFmtId="14"><alignment wrapText="1"/></xf><xf numFmtId="177"/></cellXfs></styleSheet>`,
      'xl/workbook.xml': `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets>
        <sheet name="Chart" sheetId="3" r:id="rId5"/><sheet name="Hidden" sheetId="1" state="hidden" r:id="rId1"/><sheet name="名簿" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships>
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/>
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
        <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        <Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
    });
    await expect(readTable(buffer, 'from-libreoffice.xlsx')).resolves.toEqual({
      headers: ['会社名', '成立日', 'A & B Ltd.\tx', '编号'],
      headerRowNumber: 1,
      rows: [
        { rowNumber: 2, cells: ['丸星精工', '2027-03-16', '2027-03-16 12:00', '7'] },
        { rowNumber: 4, cells: ['1', 'FALSE', '2026-05-20', ''] },
      ],
    });
  });
});

describe('readTable: files that are not tables', () => {
  const cases: [string, Buffer, string, TableErrorCode, RegExp][] = [
    ['a PDF', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj', 'latin1'), 'list.pdf', 'unsupported-type', /\.xlsx/],
    ['a binary file named .csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'list.csv', 'unsupported-type', /\.xlsx/],
    ['a legacy .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'list.xls', 'unsupported-type', /另存为/],
    ['an HTML table named .xls', utf8('<table><tr><td>1</td></tr></table>'), 'export.xls', 'unsupported-type', /另存为/],
    ['text named .xlsx', utf8('uscc,name\n'), 'list.xlsx', 'unreadable', /损坏/],
    ['a truncated .xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), 'list.xlsx', 'unreadable', /损坏/],
    ['an empty .csv', Buffer.alloc(0), 'list.csv', 'empty', /表头/],
    ['a CSV of blank lines', utf8('\r\n , ,\r\n\r\n'), 'list.csv', 'empty', /表头/],
  ];

  it.each(cases)('refuses %s', async (_, buffer, fileName, code, zh) => {
    const error = await tableError(readTable(buffer, fileName));
    expect(error.code).toBe(code);
    expect(error.messages.zh).toMatch(zh);
    expect(error.message).toBe(error.messages.en);
  });

  it('refuses a zip that is not a workbook and a workbook with nothing in it', async () => {
    const truncated = (await workbookBuffer((workbook) => workbook.addWorksheet('a').addRow(['x']))).subarray(0, 300);
    expect((await tableError(readTable(truncated, 'list.xlsx'))).code).toBe<TableErrorCode>('unreadable');
    const blank = await workbookBuffer((workbook) => workbook.addWorksheet('empty'));
    expect((await tableError(readTable(blank, 'list.xlsx'))).code).toBe<TableErrorCode>('empty');
  });
});

describe('mapHeaders', () => {
  const columns: ColumnSpec[] = [
    { key: 'uscc', labels: ['uscc', '统一社会信用代码', '信用代码'], required: true },
    { key: 'name', labels: ['name', '企业名称'], required: true },
    { key: 'phone', labels: ['phone', '联系电话(手机)'], required: false },
    { key: 'email', labels: ['email', '电子邮箱'], required: true },
  ];

  it('matches ignoring case, spaces, full-width parentheses and required-marks', () => {
    const result = mapHeaders(['* 统一社会信用代码 ', 'NAME', '联系电话（手机）＊', '备注', '', '信用代码'], columns);
    expect(result.indexByKey).toEqual(new Map([['uscc', 0], ['name', 1], ['phone', 2]]));
    expect(result.missing.map((column) => column.key)).toEqual(['email']);
    expect(result.unknown).toEqual(['备注', '信用代码']);
  });

  it('leaves optional columns out of missing', () => {
    expect(mapHeaders(['Uscc', '企业名称', 'E-mail', '电子邮箱'], columns)).toEqual({
      indexByKey: new Map([['uscc', 0], ['name', 1], ['email', 3]]),
      missing: [],
      unknown: ['E-mail'],
    });
  });
});

describe('writing', () => {
  it('neutralises what a spreadsheet would take for a formula', () => {
    expect(['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx', 'safe', '', "'=already"].map(neutraliseFormula))
      .toEqual(["'=1+1", "'+86 138", "'-2", "'@SUM(A1)", "'\tx", "'\rx", 'safe', '', "'=already"]);
  });

  it('writes a bold frozen header and widths fitted to the content', async () => {
    const buffer = await writeXlsx([
      { name: 'Scores: 2026/Q1', columns: [
        { header: 'code', key: 'code' },
        { header: '企业名称', key: 'name' },
        { header: 'note', key: 'note', width: 30 },
      ], rows: [{ code: 'D01', name: '江州恒昌汽车零部件有限公司', note: null }] },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Scores_ 2026_Q1');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBe(28);
    expect(sheet.getColumn(3).width).toBe(30);
    expect(sheet.getCell('C2').value).toBeNull();
  });

  it('writes CSV with a BOM, CRLF, RFC 4180 quoting and neutralised formulas, and reads it back', async () => {
    const columns = [{ header: 'name', key: 'name' }, { header: 'note', key: 'note' }, { header: 'score', key: 'score' }];
    const rows = [
      { name: '恒昌 "HK", Ltd.', note: '=cmd|"/c calc"!A1', score: -1.5 },
      { name: 'two\nlines', note: null, score: 0 },
    ];
    const csv = writeCsv(columns, rows);
    expect(csv).toBe('\uFEFFname,note,score\r\n"恒昌 ""HK"", Ltd.","\'=cmd|""/c calc""!A1",-1.5\r\n"two\nlines",,0\r\n');
    await expect(readTable(utf8(csv), 'export.csv')).resolves.toEqual({
      headers: ['name', 'note', 'score'],
      headerRowNumber: 1,
      rows: [
        { rowNumber: 2, cells: ['恒昌 "HK", Ltd.', '=cmd|"/c calc"!A1', '-1.5'] },
        { rowNumber: 3, cells: ['two\nlines', '', '0'] },
      ],
    });
  });
});
