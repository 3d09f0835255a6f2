import {
  fetchDepartments,
  fetchDistricts,
  fetchEnterprises,
  saveDepartment,
  saveDistrict,
  saveEnterprise,
} from '../../api/endpoints';
import type { DirectoryKind, DistrictInputDto, DistrictKind, EnterpriseInputDto, SizeBand } from '../../api/models';

export const DISTRICT_KINDS: readonly DistrictKind[] = ['district', 'county-level-city', 'county', 'development-zone'];
export const SIZE_BANDS: readonly SizeBand[] = ['large', 'medium', 'small', 'micro'];

/** The field that identifies a record of each list; the server upserts by it. */
export const KEY_FIELD: Record<DirectoryKind, 'code' | 'uscc'> = {
  departments: 'code',
  districts: 'code',
  enterprises: 'uscc',
};

/** The fields of each list's form, named as the server names them in its per-field problems. */
export const FORM_FIELDS: Record<DirectoryKind, readonly string[]> = {
  departments: ['code', 'nameZh', 'nameEn', 'category'],
  districts: ['code', 'nameZh', 'nameEn', 'kind', 'divisionCode'],
  enterprises: ['uscc', 'nameZh', 'nameEn', 'districtCode', 'industry', 'investorCountry', 'sizeBand', 'contactName', 'contactPhone', 'contactEmail'],
};

/** What the record form holds: the server's property names, as text. */
export type RecordFormValues = Record<string, string | undefined>;

/** A record of a list as form values: its text fields, with no value where the server has null. */
export function toFormValues(record: object): RecordFormValues {
  const values: RecordFormValues = {};
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'string') values[name] = value;
  }
  return values;
}

const text = (value: string | undefined) => value?.trim() ?? '';

/** Whether the list already has a record with exactly this key (searching matches parts of codes too). */
export async function recordExists(kind: DirectoryKind, key: string): Promise<boolean> {
  const query = { q: key, pageSize: 100 };
  switch (kind) {
    case 'departments':
      return (await fetchDepartments(query)).items.some((item) => item.code === key);
    case 'districts':
      return (await fetchDistricts(query)).items.some((item) => item.code === key);
    case 'enterprises':
      return (await fetchEnterprises(query)).items.some((item) => item.uscc === key.toUpperCase());
  }
}

/** Creates or updates one record; every field is sent, since the server replaces the record. */
export async function saveRecord(kind: DirectoryKind, key: string, values: RecordFormValues): Promise<{ nameZh: string; nameEn: string }> {
  switch (kind) {
    case 'departments':
      return saveDepartment(key, { nameZh: text(values.nameZh), nameEn: text(values.nameEn), category: text(values.category) });
    case 'districts':
      return saveDistrict(key, {
        nameZh: text(values.nameZh),
        nameEn: text(values.nameEn),
        kind: text(values.kind) as DistrictInputDto['kind'],
        divisionCode: text(values.divisionCode),
      });
    case 'enterprises':
      return saveEnterprise(key, {
        nameZh: text(values.nameZh),
        nameEn: text(values.nameEn),
        districtCode: text(values.districtCode),
        industry: text(values.industry),
        investorCountry: text(values.investorCountry),
        // Left out when empty: the server then stores no size band.
        sizeBand: (text(values.sizeBand) || undefined) as EnterpriseInputDto['sizeBand'],
        contactName: text(values.contactName),
        contactPhone: text(values.contactPhone),
        contactEmail: text(values.contactEmail),
      });
  }
}
