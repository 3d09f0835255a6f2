import { TrophyOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { flagExplanation, flagLabel, flagTone } from '../resultLabels';

/** The scoring flags as tags, each explained in its tooltip. */
export function FlagTags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return null;
  return (
    <span className="results-flags">
      {flags.map((flag) => (
        <Tooltip key={flag} title={flagExplanation(flag)}>
          <Tag color={flagTone(flag)} className="results-flag">
            {flagLabel(flag)}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

/** Marks a unit the rules (or the office) give the award. */
export function AwardBadge({ label }: { label?: string }) {
  const { t } = useConsoleTranslation();
  return (
    <Tag icon={<TrophyOutlined />} color="gold" className="results-award">
      {label ?? t('results.awarded')}
    </Tag>
  );
}

/** Each flag, and what it means in words. */
export function FlagList({ flags }: { flags: readonly string[] }) {
  return (
    <ul className="results-flag-list">
      {flags.map((flag) => (
        <li key={flag}>
          <FlagTags flags={[flag]} />
          <Typography.Text className="results-flag-list__text">{flagExplanation(flag) ?? flagLabel(flag)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}
