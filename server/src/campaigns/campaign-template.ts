import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/app-config.js';
import type { EvaluationKind, RaterGroup, TargetGroup } from './campaign.entities.js';

export interface EvaluationTemplate {
  kind: EvaluationKind;
  titleZh: string;
  titleEn: string;
  raterGroup: RaterGroup;
  targetGroup: TargetGroup | null;
}

/** The four evaluations of a "service-month" campaign (DESIGN.md §"The job", step 2). */
export const SERVICE_MONTH: EvaluationTemplate[] = [
  { kind: 'enterprise-rates-departments', titleZh: '千家外商投资企业评议机关', titleEn: "Foreign-invested enterprises rate the city's departments", raterGroup: 'enterprise', targetGroup: 'department' },
  { kind: 'enterprise-rates-districts', titleZh: '测评各县（市）、区投资环境', titleEn: "Investment environment of the districts", raterGroup: 'enterprise', targetGroup: 'district' },
  { kind: 'district-rates-departments', titleZh: '各县（市）、区政府评议市级有关部门', titleEn: "District governments rate the city's departments", raterGroup: 'district', targetGroup: 'department' },
  { kind: 'csr-declaration', titleZh: '社会责任先进企业申报', titleEn: 'Corporate social responsibility declaration', raterGroup: 'enterprise', targetGroup: null },
];

/** The SurveyJS questionnaire of an evaluation kind, from surveys/. */
export function questionnaireTemplate(kind: EvaluationKind): Record<string, any> {
  return JSON.parse(readFileSync(path.join(projectRoot, 'surveys', `${kind}.json`), 'utf8')) as Record<string, any>;
}
