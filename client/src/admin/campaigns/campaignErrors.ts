import type { FormInstance } from 'antd';
import { ApiError, describeError, fieldProblems } from '../../api/errors';

/**
 * Puts a failed save's problems on the form's fields: the validation problems the
 * server lists, and a taken slug. Answers whether it could; the caller reports the rest.
 */
export function showCampaignProblems(form: FormInstance, fieldNames: readonly string[], error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'SLUG_TAKEN' && fieldNames.includes('slug')) {
    form.setFields([{ name: 'slug', errors: [describeError(error)] }]);
    return true;
  }
  const problems = fieldProblems(error).filter((problem) => fieldNames.includes(problem.field));
  if (problems.length === 0) return false;
  form.setFields(problems.map((problem) => ({ name: problem.field, errors: [problem.message] })));
  return true;
}
