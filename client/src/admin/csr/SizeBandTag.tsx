import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { SizeBand } from './csrApi';

/** 大型 / 中型 / 小型 / 微型 from the directory, or a warning that the enterprise cannot be scored without one. */
export function SizeBandTag({ band }: { band: SizeBand | null }) {
  const { t } = useConsoleTranslation();
  if (band) return <Tag>{t(`directory.sizeBands.${band}`)}</Tag>;
  return (
    <Tooltip title={t('csr.noSizeBandHint')}>
      <Tag color="warning" icon={<WarningOutlined />}>
        {t('csr.noSizeBand')}
      </Tag>
    </Tooltip>
  );
}
