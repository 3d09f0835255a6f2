import './awards.css';
import { StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { CampaignDto } from '../../api/models';
import { localName } from '../BilingualName';
import { isAdmin } from '../roles';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { voidBallot, type QualityFlagDto, type QualityKind } from './awardsApi';
import { ReasonModal } from './AwardsReasonModal';
import { formatRate } from './ranking/rankingFormat';
import type { ResultsDto } from './useResults';

const KINDS: readonly QualityKind[] = ['straight-lining', 'speeding', 'duplicate'];
const KIND_COLORS: Record<QualityKind, string> = {
  'straight-lining': 'orange',
  speeding: 'volcano',
  duplicate: 'purple',
};
/** Near copies listed by receipt before the rest are only counted. */
const LISTED_COPIES = 3;

/** One flagged ballot with every flag it got: the office voids ballots, not flags. */
interface FlaggedBallot {
  responseId: string;
  evaluationId: string;
  receipt: string;
  voided: boolean;
  flags: QualityFlagDto[];
}

function byBallot(flags: readonly QualityFlagDto[]): FlaggedBallot[] {
  const ballots = new Map<string, FlaggedBallot>();
  for (const flag of flags) {
    const ballot = ballots.get(flag.responseId);
    if (ballot) ballot.flags.push(flag);
    else ballots.set(flag.responseId, { responseId: flag.responseId, evaluationId: flag.evaluationId, receipt: flag.receipt, voided: flag.voided, flags: [flag] });
  }
  return [...ballots.values()];
}

interface QualityPanelProps {
  campaign: CampaignDto;
  results: ResultsDto;
  onReload: () => void;
}

/**
 * The ballots the computation flagged (SCORING.md §5): never dropped silently; the office checks
 * them and voids those it finds wanting, with a reason. A voided ballot leaves the scores at the
 * next computation, which also takes it off this list.
 */
export function QualityPanel({ campaign, results, onReload }: QualityPanelProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const admin = isAdmin(useCurrentUser());
  const editable = admin && campaign.status !== 'published';
  const [voiding, setVoiding] = useState<FlaggedBallot>();
  const ballots = useMemo(() => byBallot(results.dataQuality), [results.dataQuality]);
  // A ballot on the list is one the computation counted: voided since, the results are behind.
  const voided = ballots.filter((ballot) => ballot.voided).length;
  const evaluationTitle = (id: string) => {
    const evaluation = results.evaluations.find((candidate) => candidate.evaluationId === id);
    return evaluation ? localName(evaluation.titleZh, evaluation.titleEn) : id;
  };

  const submitVoid = async (reason: string) => {
    if (!voiding) return;
    await voidBallot(voiding.responseId, reason);
    setVoiding(undefined);
    void message.success(t('awards.quality.voidDone'));
    onReload();
  };

  const columns: TableColumnsType<FlaggedBallot> = [
    {
      key: 'receipt',
      title: t('awards.quality.columns.receipt'),
      render: (_, ballot) => <span className="console-monospace console-nowrap quality-receipt">{ballot.receipt}</span>,
    },
    { key: 'evaluation', title: t('awards.quality.columns.evaluation'), render: (_, ballot) => evaluationTitle(ballot.evaluationId) },
    {
      key: 'kind',
      title: t('awards.quality.columns.kind'),
      filters: KINDS.map((kind) => ({ value: kind, text: t(`awards.quality.kinds.${kind}`) })),
      onFilter: (value, ballot) => ballot.flags.some((flag) => flag.kind === value),
      render: (_, ballot) => (
        <Space size={4} wrap>
          {KINDS.filter((kind) => ballot.flags.some((flag) => flag.kind === kind)).map((kind) => (
            <Tag key={kind} color={KIND_COLORS[kind]}>
              {t(`awards.quality.kinds.${kind}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { key: 'detail', title: t('awards.quality.columns.detail'), width: 420, render: (_, ballot) => <QualityDetails flags={ballot.flags} /> },
    {
      key: 'status',
      title: t('awards.quality.columns.status'),
      filters: [
        { value: 'counted', text: t('awards.quality.counted') },
        { value: 'voided', text: t('awards.quality.voided') },
      ],
      onFilter: (value, ballot) => (value === 'voided') === ballot.voided,
      render: (_, ballot) => (ballot.voided ? <Tag color="error">{t('awards.quality.voided')}</Tag> : <Tag color="success">{t('awards.quality.counted')}</Tag>),
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: t('awards.quality.columns.actions'),
      render: (_, ballot) =>
        !ballot.voided && (
          <Button size="small" danger icon={<StopOutlined />} onClick={() => setVoiding(ballot)}>
            {t('awards.quality.void')}
          </Button>
        ),
    });
  }

  return (
    <Space orientation="vertical" size="middle" className="console-block awards-panel">
      <Typography.Paragraph type="secondary" className="quality-intro">
        {t('awards.quality.intro')}
      </Typography.Paragraph>
      {voided > 0 && editable && <Alert type="warning" showIcon title={t('awards.quality.recomputeHint')} role="status" />}
      <Typography.Text>{t('awards.quality.count', { count: ballots.length, voided })}</Typography.Text>
      <Table<FlaggedBallot>
        rowKey="responseId"
        size="small"
        columns={columns}
        dataSource={ballots}
        pagination={ballots.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('awards.quality.empty') }}
        rowClassName={(ballot) => (ballot.voided ? 'quality-row--voided' : '')}
        className="quality-table"
      />
      <ReasonModal
        open={voiding !== undefined}
        title={t('awards.quality.voidTitle', { receipt: voiding?.receipt ?? '' })}
        intro={t('awards.quality.voidIntro')}
        okText={t('awards.quality.voidOk')}
        reasonHint={t('awards.quality.voidReasonHint')}
        danger
        onSubmit={submitVoid}
        onClose={() => setVoiding(undefined)}
      />
    </Space>
  );
}

/** What made the ballot suspicious, in words and numbers: a line per kind of flag. */
function QualityDetails({ flags }: { flags: QualityFlagDto[] }) {
  const { t } = useConsoleTranslation();
  const duration = (seconds: number | null) => {
    if (seconds === null) return '—';
    const whole = Math.round(seconds);
    return whole < 60 ? t('awards.quality.seconds', { count: whole }) : t('awards.quality.minutes', { minutes: Math.floor(whole / 60), seconds: whole % 60 });
  };
  const lines: string[] = [];
  for (const flag of flags) {
    if (flag.kind === 'straight-lining') lines.push(t('awards.quality.detail.straight-lining', { share: formatRate(flag.share) }));
    if (flag.kind === 'speeding') lines.push(t('awards.quality.detail.speeding', { seconds: duration(flag.seconds), median: duration(flag.medianSeconds) }));
  }
  const copies = flags.filter((flag) => flag.kind === 'duplicate');
  if (copies.length === 1) {
    lines.push(t('awards.quality.detail.duplicate', { share: formatRate(copies[0]!.share), other: copies[0]!.otherReceipt ?? '—' }));
  } else if (copies.length > 1) {
    const receipts = copies.map((flag) => flag.otherReceipt ?? '—');
    const others = receipts.slice(0, LISTED_COPIES).join(t('awards.quality.listSeparator')) + (receipts.length > LISTED_COPIES ? ' …' : '');
    const least = Math.min(...copies.map((flag) => flag.share ?? 1));
    lines.push(t('awards.quality.detail.duplicates', { count: copies.length, share: formatRate(least), others }));
  }
  return (
    <div className="quality-detail">
      {lines.map((line, index) => (
        <div key={index}>{line}</div>
      ))}
    </div>
  );
}
