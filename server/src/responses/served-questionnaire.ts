import type { DataSource } from 'typeorm';
import type { TargetGroup } from '../campaigns/campaign.entities.js';
import { RATINGS_VALUE, TARGETS_QUESTION } from '../questionnaires/questionnaire-rules.js';

export interface ServedTarget {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}


/** An evaluation's targets, in code order, as the rater sees them. */
export async function loadTargets(dataSource: DataSource, evaluationId: string, group: TargetGroup): Promise<ServedTarget[]> {
  const table = group === 'department' ? 'departments' : 'districts';
  const column = group === 'department' ? 'department_id' : 'district_id';
  const rows: { id: string; code: string; name_zh: string; name_en: string }[] = await dataSource.query(
    `SELECT t.id, u.code, u.name_zh, u.name_en FROM evaluation_targets t JOIN ${table} u ON u.id = t.${column} WHERE t.evaluation_id = $1 ORDER BY u.code`,
    [evaluationId],
  );
  return rows.map((r) => ({ id: r.id, code: r.code, nameZh: r.name_zh, nameEn: r.name_en || r.name_zh }));
}

type SurveyElement = { name?: string; type?: string; choices?: unknown[]; elements?: SurveyElement[] };

/** The questionnaire as served: the target checkbox's choices filled from the directory, bilingual. */
export function withTargets(survey: Record<string, unknown>, targets: ServedTarget[]): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(survey)) as { pages?: SurveyElement[] };
  const choices = targets.map((t) => ({ value: t.code, text: { default: t.nameZh, en: t.nameEn } }));
  const fill = (elements: SurveyElement[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.name === TARGETS_QUESTION && element.type === 'checkbox') element.choices = choices;
      if (element.type === 'panel') fill(element.elements);
    }
  };
  for (const page of copy.pages ?? []) fill(page.elements);
  return copy as Record<string, unknown>;
}

type PanelDynamic = SurveyElement & { valueName?: string; templateElements?: SurveyElement[] };

/**
 * The criteria of a rating questionnaire: the choice questions on each card of the
 * dynamic panel that holds the ratings. Their answers become rating rows.
 */
export function ratingCriteria(survey: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (elements: PanelDynamic[] | undefined) => {
    for (const element of elements ?? []) {
      if (element.type === 'paneldynamic' && (element.valueName ?? element.name) === RATINGS_VALUE) {
        for (const question of element.templateElements ?? []) {
          if ((question.type === 'radiogroup' || question.type === 'dropdown' || question.type === 'rating') && question.name) found.push(question.name);
        }
      }
      if (element.type === 'panel') visit(element.elements as PanelDynamic[]);
    }
  };
  for (const page of (survey.pages ?? []) as { elements?: PanelDynamic[] }[]) visit(page.elements);
  return found;
}
