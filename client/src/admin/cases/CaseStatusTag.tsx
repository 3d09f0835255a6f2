import { Tag } from 'antd';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { CaseStatus } from './caseApi';
import { CASE_STATUS_COLORS } from './caseCategories';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useConsoleTranslation();
  return <Tag color={CASE_STATUS_COLORS[status]}>{t(`cases.statuses.${status}`)}</Tag>;
}
