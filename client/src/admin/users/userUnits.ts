import type { FormInstance } from 'antd';
import { fieldProblems } from '../../api/errors';
import type { UserDto, UserRole } from '../../api/models';
import { localName } from '../BilingualName';

export type UserUnit = NonNullable<UserDto['unit']>;
export type UnitKind = UserUnit['kind'];

/** The kind of unit a role works for: department users a department, district users a district, the others none. */
export function unitKindOf(role: UserRole | undefined): UnitKind | null {
  return role === 'department' || role === 'district' ? role : null;
}

/** The unit to preselect for a role: the user's own unit if it is of the role's kind, else none yet. */
export function unitCodeForRole(role: UserRole | undefined, unit: UserUnit | null): string | undefined {
  return unit && unit.kind === unitKindOf(role) ? unit.code : undefined;
}

/** A unit as the console names it: its code, then its name in the UI language. */
export function unitLabel(unit: { code: string; nameZh: string; nameEn: string }): string {
  return `${unit.code} ${localName(unit.nameZh, unit.nameEn)}`;
}

/**
 * Puts the problems a 400 answer lists under the form's fields. Answers whether any
 * belonged to one of `fields`; the caller reports the error otherwise.
 */
export function showFieldProblems(form: FormInstance, fields: readonly string[], error: unknown): boolean {
  const problems = fieldProblems(error).filter((problem) => fields.includes(problem.field));
  if (problems.length === 0) return false;
  form.setFields(problems.map((problem) => ({ name: problem.field, errors: [problem.message] })));
  return true;
}
