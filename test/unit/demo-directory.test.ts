import { demoDirectory, DEMO_INDUSTRIES, DEMO_INVESTOR_REGIONS, DEPARTMENT_CATEGORY_NAMES } from '../../server/src/demo/demo-directory.js';
import { validateUscc } from '../../server/src/directory/uscc.js';

const directory = demoDirectory();

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const unique = (values: readonly string[]) => new Set(values).size === values.length;

describe('demoDirectory', () => {
  it('has about forty departments in three or four categories, eleven districts and 1,200 enterprises', () => {
    expect(directory.departments.length).toBeGreaterThanOrEqual(38);
    expect(directory.departments.length).toBeLessThanOrEqual(45);
    const categories = countBy(directory.departments, (department) => department.category);
    expect(categories.size).toBeGreaterThanOrEqual(3);
    expect(categories.size).toBeLessThanOrEqual(4);
    for (const category of categories.keys()) expect(DEPARTMENT_CATEGORY_NAMES).toHaveProperty(category);
    expect(directory.districts).toHaveLength(11);
    expect(directory.enterprises).toHaveLength(1200);
  });

  it('is the same for the same seed and different for another', () => {
    expect(demoDirectory(2026)).toEqual(directory);
    const other = demoDirectory(7);
    expect(other.departments).toEqual(directory.departments);
    expect(other.enterprises.map((enterprise) => enterprise.uscc)).not.toEqual(directory.enterprises.map((enterprise) => enterprise.uscc));
  });

  it('numbers departments D01… and districts Q01…, with unique names', () => {
    expect(directory.departments.map((department) => department.code)).toEqual(
      directory.departments.map((_, index) => `D${String(index + 1).padStart(2, '0')}`));
    expect(directory.districts.map((district) => district.code)).toEqual(
      directory.districts.map((_, index) => `Q${String(index + 1).padStart(2, '0')}`));
    for (const list of [directory.departments, directory.districts]) {
      expect(unique(list.map((item) => item.nameZh))).toBe(true);
      expect(unique(list.map((item) => item.nameEn))).toBe(true);
    }
    expect(directory.departments.find((department) => department.nameZh === '市商务局')).toMatchObject({ nameEn: 'Municipal Bureau of Commerce' });
  });

  it('gives every district a kind and a well-formed division code of its own', () => {
    const kinds = countBy(directory.districts, (district) => district.kind);
    expect(kinds).toEqual(new Map([['district', 6], ['county-level-city', 1], ['county', 2], ['development-zone', 2]]));
    expect(unique(directory.districts.map((district) => district.divisionCode))).toBe(true);
    for (const district of directory.districts) expect(district.divisionCode).toMatch(/^3299\d\d$/);
  });

  it('gives every enterprise a valid unique USCC registered in its own district', () => {
    const divisionByCode = new Map(directory.districts.map((district) => [district.code, district.divisionCode]));
    for (const enterprise of directory.enterprises) {
      expect(validateUscc(enterprise.uscc)).toEqual({ ok: true, normalized: enterprise.uscc });
      expect(enterprise.uscc.slice(2, 8)).toBe(divisionByCode.get(enterprise.districtCode));
    }
    expect(unique(directory.enterprises.map((enterprise) => enterprise.uscc))).toBe(true);
  });

  it('names enterprises uniquely in both languages, as limited companies', () => {
    expect(unique(directory.enterprises.map((enterprise) => enterprise.nameZh))).toBe(true);
    expect(unique(directory.enterprises.map((enterprise) => enterprise.nameEn))).toBe(true);
    for (const enterprise of directory.enterprises) {
      expect(enterprise.nameZh).toMatch(/^[\u4e00-\u9fff（）]+有限公司$/);
      expect(enterprise.nameEn).toMatch(/^[A-Z][A-Za-z' ()-]+ Co\., Ltd\.$/);
    }
  });

  it('spreads enterprises unevenly: zones and central districts most, Hong Kong investors first, mostly small and medium', () => {
    const byDistrict = countBy(directory.enterprises, (enterprise) => enterprise.districtCode);
    expect([...byDistrict.keys()].sort()).toEqual(directory.districts.map((district) => district.code));
    const zones = directory.districts.filter((district) => district.kind === 'development-zone');
    const counties = directory.districts.filter((district) => district.kind === 'county');
    for (const zone of zones) for (const county of counties) expect(byDistrict.get(zone.code)!).toBeGreaterThan(3 * byDistrict.get(county.code)!);

    const byRegion = countBy(directory.enterprises, (enterprise) => enterprise.investorCountry);
    const [mostCommon] = [...byRegion.entries()].sort((a, b) => b[1] - a[1]);
    expect(mostCommon[0]).toBe('中国香港');
    expect(mostCommon[1]).toBeGreaterThan(0.3 * directory.enterprises.length);
    expect([...byRegion.keys()].every((region) => DEMO_INVESTOR_REGIONS.some((known) => known.zh === region))).toBe(true);
    expect([...countBy(directory.enterprises, (enterprise) => enterprise.industry).keys()].every((industry) => DEMO_INDUSTRIES.some((known) => known.zh === industry))).toBe(true);

    const bySize = countBy(directory.enterprises, (enterprise) => enterprise.sizeBand);
    expect((bySize.get('small')! + bySize.get('medium')!) / directory.enterprises.length).toBeGreaterThan(0.6);
    expect(bySize.get('large')!).toBeLessThan(bySize.get('micro')!);
  });

  it('gives every enterprise a contact with a Chinese name, a mobile number and a mailbox at a reserved domain', () => {
    for (const enterprise of directory.enterprises) {
      expect(enterprise.contactName).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(enterprise.contactPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(enterprise.contactEmail).toMatch(/^[a-z]+(\.[a-z]+)?@[a-z0-9]+-[a-z0-9]+\.example$/);
    }
  });
});
