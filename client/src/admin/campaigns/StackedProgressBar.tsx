import { Tooltip } from 'antd';
import type { ProgressCountsDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { PROGRESS_SEGMENTS, SEGMENT_COLORS, segmentCounts, shareOf } from './progressFigures';

/** One bar split into submitted, draft, opened only and not opened, with the counts on hover or tap. */
export function StackedProgressBar({ counts }: { counts: ProgressCountsDto }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const parts = segmentCounts(counts);
  const lines = PROGRESS_SEGMENTS.map((segment) =>
    t('progress.segmentShare', {
      label: t(`progress.segments.${segment}`),
      count: parts[segment],
      share: formatPercent(shareOf(parts[segment], counts), language),
    }),
  );
  return (
    <Tooltip
      title={
        <>
          {lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </>
      }
    >
      <div className="console-stacked-bar" role="img" aria-label={lines.join('; ')}>
        {PROGRESS_SEGMENTS.map((segment) =>
          parts[segment] > 0 ? (
            <span
              key={segment}
              className="console-stacked-bar__part"
              style={{ flexGrow: parts[segment], background: SEGMENT_COLORS[segment] }}
            />
          ) : null,
        )}
      </div>
    </Tooltip>
  );
}

/** What the colours of the bars and the chart mean. */
export function ProgressLegend() {
  const { t } = useConsoleTranslation();
  return (
    <ul className="console-progress-legend">
      {PROGRESS_SEGMENTS.map((segment) => (
        <li key={segment}>
          <span className="console-progress-legend__swatch" style={{ background: SEGMENT_COLORS[segment] }} />
          {t(`progress.segments.${segment}`)}
        </li>
      ))}
    </ul>
  );
}
