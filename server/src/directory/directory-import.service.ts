import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCode, type RowError } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import type { Table } from '../common/tabular.js';
import { DIRECTORY_COLUMNS, KEY_PROPERTY, parseFields, unknownDistrict, type DirectoryKind } from './directory-columns.js';
import { locateColumns, MAX_REPORTED_ERRORS, readUploadedTable, rowError, type UploadedFile } from './upload.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ParsedRecord = Record<string, string | null>;

/** Where each list lives: its table, and the database column of each record property. */
const STORAGE: Record<DirectoryKind, { table: string; columns: Record<string, { column: string; type: 'text' | 'uuid'; nullable: boolean }> }> = {
  departments: {
    table: 'departments',
    columns: {
      code: { column: 'code', type: 'text', nullable: false },
      nameZh: { column: 'name_zh', type: 'text', nullable: false },
      nameEn: { column: 'name_en', type: 'text', nullable: false },
      category: { column: 'category', type: 'text', nullable: false },
    },
  },
  districts: {
    table: 'districts',
    columns: {
      code: { column: 'code', type: 'text', nullable: false },
      nameZh: { column: 'name_zh', type: 'text', nullable: false },
      nameEn: { column: 'name_en', type: 'text', nullable: false },
      kind: { column: 'kind', type: 'text', nullable: false },
      divisionCode: { column: 'division_code', type: 'text', nullable: true },
    },
  },
  enterprises: {
    table: 'enterprises',
    columns: {
      uscc: { column: 'uscc', type: 'text', nullable: false },
      nameZh: { column: 'name_zh', type: 'text', nullable: false },
      nameEn: { column: 'name_en', type: 'text', nullable: false },
      districtId: { column: 'district_id', type: 'uuid', nullable: false },
      industry: { column: 'industry', type: 'text', nullable: false },
      investorCountry: { column: 'investor_country', type: 'text', nullable: false },
      sizeBand: { column: 'size_band', type: 'text', nullable: true },
      contactName: { column: 'contact_name', type: 'text', nullable: false },
      contactPhone: { column: 'contact_phone', type: 'text', nullable: false },
      contactEmail: { column: 'contact_email', type: 'text', nullable: false },
    },
  },
};

/**
 * Imports one of the office's lists from .xlsx or .csv. Every row is checked first; any
 * error answers 422 with all of them and writes nothing. A valid file is upserted by
 * code/USCC in one transaction.
 */
@Injectable()
export class DirectoryImportService {
  constructor(private readonly dataSource: DataSource) {}

  async importFile(kind: DirectoryKind, file: UploadedFile, options: { dryRun: boolean }): Promise<ImportCounts> {
    const table = await readUploadedTable(file);
    return this.dataSource.transaction(async (manager) => {
      const records = await this.parse(kind, table, manager);
      const counts = await this.upsert(manager, kind, records, options.dryRun);
      if (!options.dryRun) {
        describeMutation({ entity: `directory.${kind}`, entityId: file.originalname.slice(0, 200), before: null, after: { ...counts, rows: records.length } });
      }
      return counts;
    });
  }

  private async parse(kind: DirectoryKind, table: Table, manager: EntityManager): Promise<ParsedRecord[]> {
    const indexByKey = locateColumns(table, DIRECTORY_COLUMNS[kind]);

    const errors: RowError[] = [];
    const records: ParsedRecord[] = [];
    const keyProperty = KEY_PROPERTY[kind];
    const firstRowOfKey = new Map<string, number>();
    const districtIds = kind === 'enterprises' ? await this.districtIdsByCode(manager) : null;

    for (const row of table.rows) {
      const { record, problems } = parseFields(kind, (spec) => {
        const index = indexByKey.get(spec.key);
        return index === undefined ? undefined : row.cells[index];
      });
      for (const problem of problems) errors.push(rowError(row.rowNumber, problem.spec.key, problem.messages));
      let rowValid = problems.length === 0;
      if (districtIds && record.districtCode) {
        const districtId = districtIds.get(record.districtCode);
        if (districtId) record.districtId = districtId;
        else {
          errors.push(rowError(row.rowNumber, 'district_code', unknownDistrict(record.districtCode)));
          rowValid = false;
        }
      }
      const key = record[keyProperty];
      if (key) {
        const first = firstRowOfKey.get(key);
        if (first !== undefined) {
          const column = keyProperty === 'uscc' ? 'uscc' : 'code';
          errors.push(rowError(row.rowNumber, column, { zh: `与第 ${first} 行重复：${key}`, en: `duplicates row ${first}: ${key}` }));
          rowValid = false;
        } else firstRowOfKey.set(key, row.rowNumber);
      }
      if (rowValid) records.push(record);
      if (errors.length >= MAX_REPORTED_ERRORS) break;
    }
    if (errors.length > 0) throw new AppError(ErrorCode.ImportInvalid, { errors: errors.slice(0, MAX_REPORTED_ERRORS) });
    return records;
  }

  async districtIdsByCode(manager: EntityManager): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await manager.query('SELECT id, code FROM districts');
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** Compares with what is stored, then inserts and updates in a few set-based statements. */
  async upsert(manager: EntityManager, kind: DirectoryKind, records: ParsedRecord[], dryRun: boolean): Promise<ImportCounts> {
    const { table, columns } = STORAGE[kind];
    const properties = Object.keys(columns);
    const keyProperty = KEY_PROPERTY[kind];
    const keyColumn = columns[keyProperty]!.column;
    const normalise = (property: string, value: string | null | undefined) => (value ?? (columns[property]!.nullable ? null : ''));

    const select = properties.map((p) => `${columns[p]!.column}::text AS "${p}"`).join(', ');
    const existing: ParsedRecord[] = await manager.query(`SELECT ${select} FROM ${table} WHERE ${keyColumn} = ANY($1::text[])`, [records.map((r) => r[keyProperty])]);
    const stored = new Map(existing.map((r) => [r[keyProperty]!, r]));

    const toInsert: ParsedRecord[] = [];
    const toUpdate: ParsedRecord[] = [];
    for (const record of records) {
      const before = stored.get(record[keyProperty]!);
      if (!before) toInsert.push(record);
      else if (properties.some((p) => normalise(p, before[p]) !== normalise(p, record[p]))) toUpdate.push(record);
    }
    const counts = { created: toInsert.length, updated: toUpdate.length, unchanged: records.length - toInsert.length - toUpdate.length };
    if (dryRun) return counts;

    const arrays = (rows: ParsedRecord[]) => properties.map((p) => rows.map((r) => normalise(p, r[p])));
    const unnest = properties.map((p, i) => `$${i + 1}::${columns[p]!.type}[]`).join(', ');
    const names = properties.map((p) => columns[p]!.column);
    for (const chunk of chunks(toInsert, 5000)) {
      await manager.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`, arrays(chunk));
    }
    for (const chunk of chunks(toUpdate, 5000)) {
      const assignments = names.filter((n) => n !== keyColumn).map((n) => `${n} = v.${n}`).join(', ');
      await manager.query(
        `UPDATE ${table} AS t SET ${assignments}, updated_at = now() FROM unnest(${unnest}) AS v(${names.join(', ')}) WHERE t.${keyColumn} = v.${keyColumn}`,
        arrays(chunk),
      );
    }
    return counts;
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
