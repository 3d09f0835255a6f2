import { fieldProblems } from '../../api/errors';
import type { AssessmentDto, AssessmentItem } from './assessmentsApi';

export const EDITABLE_FIELDS = ['inspectionScore', 'selfInspectionScore', 'selfInspectionComplete', 'objectiveScore', 'vetoReason'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** What the office changed in one unit's row and has not saved yet. */
export type Draft = Partial<Pick<AssessmentDto, EditableField>>;
/** Drafts and cell errors by unit key. */
export type ByUnit<T> = Record<string, T>;
export type CellErrors = Partial<Record<EditableField, string>>;

export const unitKey = (unit: Pick<AssessmentDto, 'unitType' | 'code'>) => `${unit.unitType}:${unit.code}`;

/** Which fields a unit of each type has. */
export function appliesTo(unit: Pick<AssessmentDto, 'unitType'>, field: EditableField): boolean {
  if (field === 'objectiveScore') return unit.unitType === 'district';
  if (field === 'selfInspectionScore' || field === 'selfInspectionComplete') return unit.unitType === 'department';
  return true;
}

/** A veto reason as the server stores it: trimmed, and none when empty. */
const normalised = (field: EditableField, value: unknown) => (field === 'vetoReason' && typeof value === 'string' ? value.trim() || null : value);

/** The value shown: the unsaved one where there is one. */
export function currentValue<F extends EditableField>(unit: AssessmentDto, draft: Draft | undefined, field: F): AssessmentDto[F] {
  return draft && draft[field] !== undefined ? (draft[field] as AssessmentDto[F]) : unit[field];
}

/** The fields of a row that differ from what is saved. */
export function changedFields(unit: AssessmentDto, draft: Draft | undefined): EditableField[] {
  if (!draft) return [];
  return EDITABLE_FIELDS.filter((field) => draft[field] !== undefined && normalised(field, draft[field]) !== unit[field]);
}

/** The save request: only the rows with changes, each with only its changed fields. */
export function changedItems(units: readonly AssessmentDto[], drafts: ByUnit<Draft>): AssessmentItem[] {
  return units.flatMap((unit) => {
    const fields = changedFields(unit, drafts[unitKey(unit)]);
    if (fields.length === 0) return [];
    const item: AssessmentItem = { unitType: unit.unitType, code: unit.code };
    for (const field of fields) Object.assign(item, { [field]: normalised(field, drafts[unitKey(unit)]![field]) });
    return [item];
  });
}

const ITEM_FIELD = /^items\[(\d+)\]\.(\w+)$/;

/**
 * A refused save's problems placed on the cells they name (items[3].inspectionScore is the
 * fourth row sent); a problem with the unit itself (its type or code) goes to its first cell.
 */
export function cellErrorsOf(error: unknown, sent: readonly AssessmentItem[]): ByUnit<CellErrors> {
  const errors: ByUnit<CellErrors> = {};
  for (const problem of fieldProblems(error)) {
    const match = ITEM_FIELD.exec(problem.field);
    const item = match ? sent[Number(match[1])] : undefined;
    if (!match || !item) continue;
    const field = (EDITABLE_FIELDS as readonly string[]).includes(match[2]!) ? (match[2] as EditableField) : 'inspectionScore';
    const cells = (errors[unitKey(item)] ??= {});
    cells[field] = cells[field] ? `${cells[field]} ${problem.message}` : problem.message;
  }
  return errors;
}
