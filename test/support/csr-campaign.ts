import { openCampaignWithBallots, type CampaignWithResults } from './campaign-with-results.js';
import { csv, ENTERPRISE_HEADER } from './directory-files.js';
import { usccs } from './small-directory.js';
import type { TestApp } from './test-app.js';

/**
 * 社会责任先进企业 through the public API, on top of openCampaignWithBallots (twelve enterprises
 * of the small directory). The enterprises' size bands are set in the directory, and eight of
 * them submit a csr-declaration through their own link:
 * - small band: A (strong all round), B (middling, no union), C (revenue 0 with donations: the
 *   ratio is undefined, so 公益 is missing), D (wage arrears: vetoed);
 * - medium band: E (best of the medium band), F;
 * - large band: G alone, so its min–max figures are 50;
 * - H has no size band in the directory: listed, not scored.
 * Enterprises 9–12 declare nothing.
 */
export interface CsrDeclaration {
  tax_paid: number;
  revenue: number;
  employees: number;
  local_hires: number;
  social_insurance_coverage: number;
  env_certifications: string[];
  env_penalty: boolean;
  safety_accident: boolean;
  wage_arrears: boolean;
  labour_dispute: boolean;
  union: boolean;
  tax_violation: boolean;
  donations: number;
  volunteer_hours: number;
}

const clean = { env_penalty: false, safety_accident: false, wage_arrears: false, labour_dispute: false, tax_violation: false };

export const CSR_DECLARATIONS = {
  A: { tax_paid: 1000, revenue: 10000, employees: 200, local_hires: 120, social_insurance_coverage: 100, env_certifications: ['iso14001', 'green_factory'], ...clean, union: true, donations: 50, volunteer_hours: 300 },
  B: { tax_paid: 100, revenue: 5000, employees: 50, local_hires: 30, social_insurance_coverage: 80, env_certifications: ['iso14001'], ...clean, union: false, donations: 0, volunteer_hours: 0 },
  C: { tax_paid: 10, revenue: 0, employees: 20, local_hires: 20, social_insurance_coverage: 100, env_certifications: ['none'], ...clean, union: true, donations: 5, volunteer_hours: 40 },
  D: { tax_paid: 3000, revenue: 40000, employees: 400, local_hires: 200, social_insurance_coverage: 100, env_certifications: ['iso14001', 'iso50001'], ...clean, wage_arrears: true, union: true, donations: 100, volunteer_hours: 500 },
  E: { tax_paid: 5000, revenue: 100000, employees: 800, local_hires: 500, social_insurance_coverage: 100, env_certifications: ['iso14001', 'iso50001', 'green_factory', 'clean_production'], ...clean, union: true, donations: 200, volunteer_hours: 1000 },
  F: { tax_paid: 2000, revenue: 50000, employees: 300, local_hires: 100, social_insurance_coverage: 90, env_certifications: ['iso50001'], ...clean, union: false, donations: 150, volunteer_hours: 60 },
  G: { tax_paid: 20000, revenue: 300000, employees: 3000, local_hires: 2000, social_insurance_coverage: 95, env_certifications: ['iso14001'], ...clean, union: true, donations: 600, volunteer_hours: 2000 },
  H: { tax_paid: 500, revenue: 8000, employees: 100, local_hires: 50, social_insurance_coverage: 100, env_certifications: ['iso14001'], ...clean, union: true, donations: 10, volunteer_hours: 10 },
} satisfies Record<string, CsrDeclaration>;
export type Applicant = keyof typeof CSR_DECLARATIONS;
export const APPLICANTS = Object.keys(CSR_DECLARATIONS) as Applicant[];

const SIZE_BAND: Record<Applicant, string> = { A: 'small', B: 'small', C: 'small', D: 'small', E: 'medium', F: 'medium', G: 'large', H: '' };

export interface CsrCampaign extends CampaignWithResults {
  /** The USCC of each applicant. */
  uscc: Record<Applicant, string>;
  /** Each applicant's link token. */
  tokens: Record<Applicant, string>;
}

/** The campaign of openCampaignWithBallots, open, with the eight declarations submitted. */
export async function openCampaignWithDeclarations(api: TestApp, admin: string, title?: string): Promise<CsrCampaign> {
  const campaign = await openCampaignWithBallots(api, admin, title);
  // The small directory's enterprises in import order; applicant i is enterprise i.
  const codes = usccs(12);
  const rows = codes.map((uscc, i) => [
    uscc, `江州测试${i + 1}有限公司`, `Jiangzhou Test ${i + 1} Co., Ltd.`, i % 2 ? 'Q02' : 'Q01', '制造业', i % 3 ? '日本' : '中国香港',
    i < APPLICANTS.length ? SIZE_BAND[APPLICANTS[i]!] : 'small', '王伟', '13800000000', `contact${i + 1}@example.com`,
  ]);
  const imported = await api.upload('/api/directory/import', { name: 'enterprises.csv', content: csv([ENTERPRISE_HEADER, ...rows]) }, { kind: 'enterprises' }, admin);
  if (imported.status !== 200) throw new Error(`setting the size bands failed: ${imported.status} ${imported.text}`);

  const links: { raterCode: string; link: string }[] = (await api.request('GET', `/api/campaigns/${campaign.campaignId}/invitations?pageSize=100`, { token: admin })).body.items;
  const tokenOf = new Map(links.map((l) => [l.raterCode, l.link.split('/s/')[1]!]));
  const uscc = {} as Record<Applicant, string>;
  const tokens = {} as Record<Applicant, string>;
  for (const [i, applicant] of APPLICANTS.entries()) {
    uscc[applicant] = codes[i]!;
    tokens[applicant] = tokenOf.get(codes[i]!)!;
    const submitted = await api.request('POST', `/api/s/${tokens[applicant]}/${campaign.evaluations['csr-declaration']}/submit`, { body: { data: CSR_DECLARATIONS[applicant] } });
    if (submitted.status !== 201) throw new Error(`declaring ${applicant} failed: ${submitted.status} ${submitted.text}`);
  }
  return { ...campaign, uscc, tokens };
}
