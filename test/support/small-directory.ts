import { seededRandom } from '../../server/src/common/random.js';
import { makeUscc } from '../../server/src/directory/uscc.js';
import { csv, DEPARTMENT_HEADER, DISTRICT_HEADER, ENTERPRISE_HEADER } from './directory-files.js';
import type { TestApp } from './test-app.js';

export function usccs(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(makeUscc(random));
  return [...codes];
}

/** Three departments, two districts and `enterprises` enterprises, imported through the API. */
export async function importSmallDirectory(api: TestApp, token: string, enterprises = 5): Promise<{ usccs: string[] }> {
  const departments = csv([DEPARTMENT_HEADER, ['D01', '市商务局', 'Municipal Bureau of Commerce', '综合管理类'], ['D02', '市税务局', 'Municipal Taxation Bureau', '执法监督类'], ['D03', '市供电公司', 'City Power Supply Company', '公共服务类']]);
  const districts = csv([DISTRICT_HEADER, ['Q01', '江东区', 'Jiangdong District', '区'], ['Q02', '江州经济技术开发区', 'Jiangzhou Economic and Technological Development Zone', '开发区']]);
  const codes = usccs(enterprises);
  const enterpriseRows = codes.map((uscc, i) => [uscc, `江州测试${i + 1}有限公司`, `Jiangzhou Test ${i + 1} Co., Ltd.`, i % 2 ? 'Q02' : 'Q01', '制造业', i % 3 ? '日本' : '中国香港', 'small', '王伟', '13800000000', `contact${i + 1}@example.com`]);
  for (const [kind, content] of [['departments', departments], ['districts', districts], ['enterprises', csv([ENTERPRISE_HEADER, ...enterpriseRows])]] as const) {
    const response = await api.upload('/api/directory/import', { name: `${kind}.csv`, content }, { kind }, token);
    if (response.status !== 200) throw new Error(`importing ${kind} failed: ${response.status} ${response.text}`);
  }
  return { usccs: codes };
}
