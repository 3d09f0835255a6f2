import './awards.css';
import { CheckCircleOutlined, ExportOutlined, PrinterOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { changeCampaignStatus } from '../../api/endpoints';
import { ApiError, describeError } from '../../api/errors';
import type { CampaignDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { AWARDS, categoryName, compareCategories, CSR_CATEGORY } from '../../public/resultNames';
import { formatDateTime } from '../../shared/format';
import { BilingualName, localName } from '../BilingualName';
import { isAdmin } from '../roles';
import { CONSOLE_HOME, useCurrentUser } from '../session';
import { IN_PAGES } from '../tablePagination';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { clearAwardOverride, confirmAwards, overrideAward, type AwardDto, type AwardKind, type AwardUnitType } from './awardsApi';
import { ReasonModal } from './AwardsReasonModal';
import { AwardBadge, FlagTags } from './ranking/FlagTags';
import { byRankThenScore, formatRate, formatScore } from './ranking/rankingFormat';
import type { ResultsDto } from './useResults';

/** SCORING.md §3: the flag where the rank is not clear enough to award without a second look. */
const NEEDS_REVIEW = '差异不显著，需复核';

interface AwardsPanelProps {
  campaign: CampaignDto;
  results: ResultsDto;
  /** Loads the results again (after an override, a confirmation). */
  onReload: () => void;
  /** Loads the campaign again (after publishing). */
  onCampaignChanged: () => void;
}

/**
 * The office's decision on the awards: per award and category, what the rules propose, the
 * overrides with their reasons, the confirmation and publishing. Leadership reads it only.
 */
export function AwardsPanel({ campaign, results, onReload, onCampaignChanged }: AwardsPanelProps) {
  const { t } = useConsoleTranslation();
  const admin = isAdmin(useCurrentUser());
  const editable = admin && campaign.status !== 'published';
  return (
    <Space orientation="vertical" size="middle" className="console-block awards-panel">
      <DecisionCard campaign={campaign} results={results} onReload={onReload} onCampaignChanged={onCampaignChanged} />
      <Alert type="info" showIcon title={t('awards.reviewHint')} />
      {AWARDS.map((award) => (
        <AwardCard key={award.kind} campaignId={campaign.id} kind={award.kind} unitType={award.unitType} results={results} editable={editable} onReload={onReload} />
      ))}
    </Space>
  );
}

/** Where the decision stands: computed, confirmed, published; and the buttons that move it on. */
function DecisionCard({ campaign, results, onReload, onCampaignChanged }: AwardsPanelProps) {
  const { t } = useConsoleTranslation();
  const { modal, message } = App.useApp();
  const reportError = useReportError();
  const admin = isAdmin(useCurrentUser());
  const language = currentLanguage();
  const [refusal, setRefusal] = useState<ApiError>();
  const confirmed = results.awardsConfirmedAt !== null;
  const closed = campaign.status === 'closed';
  const published = campaign.status === 'published';

  const confirm = () =>
    modal.confirm({
      title: t('awards.confirm.title'),
      content: t('awards.confirm.content'),
      okText: t('awards.confirm.button'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        setRefusal(undefined);
        try {
          await confirmAwards(campaign.id);
          void message.success(t('awards.confirm.done'));
        } catch (error) {
          // Outdated results or an open campaign: said where the button is, until acted on.
          if (error instanceof ApiError && error.status === 409) setRefusal(error);
          else reportError(error);
        }
        onReload();
      },
    });

  const publish = () =>
    modal.confirm({
      title: t('awards.publish.title'),
      content: t('awards.publish.content'),
      okText: t('awards.publish.button'),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await changeCampaignStatus(campaign.id, 'publish');
          void message.success(t('awards.publish.done'));
        } catch (error) {
          reportError(error);
        }
        onCampaignChanged();
        onReload();
      },
    });

  const time = (iso: string) => formatDateTime(iso, language);
  const items: DescriptionsProps['items'] = [
    { key: 'computedAt', label: t('awards.status.computedAt'), children: time(results.computedAt) },
    {
      key: 'configHash',
      label: t('awards.status.configHash'),
      children: (
        <Typography.Text code copyable={{ text: results.configHash }}>
          {results.configHash.slice(0, 12)}
        </Typography.Text>
      ),
    },
    {
      key: 'confirmedAt',
      label: t('awards.status.confirmedAt'),
      children: confirmed ? (
        <Tag icon={<CheckCircleOutlined />} color="success" className="awards-confirmed">
          {time(results.awardsConfirmedAt!)}
        </Tag>
      ) : (
        <Tag color="warning">{t('awards.status.notConfirmed')}</Tag>
      ),
    },
  ];
  if (campaign.publishedAt) items.push({ key: 'publishedAt', label: t('awards.status.publishedAt'), children: time(campaign.publishedAt) });

  return (
    <Card
      title={t('awards.status.title')}
      extra={
        <Space wrap>
          <Link to={`${CONSOLE_HOME}/campaigns/${campaign.id}/report`}>
            <PrinterOutlined /> {t('awards.links.report')}
          </Link>
          {published && (
            <a href={`/results/${encodeURIComponent(campaign.slug)}`} target="_blank" rel="noreferrer">
              <ExportOutlined /> {t('awards.links.publicPage')}
            </a>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} items={items} />
      {refusal && <Alert type="error" showIcon title={describeError(refusal)} closable onClose={() => setRefusal(undefined)} className="awards-refusal" />}
      {admin && !published && (
        <div className="awards-actions">
          <div className="awards-actions__step">
            <Button type={confirmed ? 'default' : 'primary'} icon={<CheckCircleOutlined />} disabled={!closed || confirmed} onClick={confirm}>
              {t('awards.confirm.button')}
            </Button>
            {!closed && <Typography.Text type="secondary">{t('awards.confirm.needsClosed')}</Typography.Text>}
            {closed && confirmed && <Typography.Text type="success">{t('awards.confirm.confirmed', { time: time(results.awardsConfirmedAt!) })}</Typography.Text>}
          </div>
          <div className="awards-actions__step">
            <Button type={confirmed ? 'primary' : 'default'} icon={<SendOutlined />} disabled={!closed || !confirmed} onClick={publish}>
              {t('awards.publish.button')}
            </Button>
            {!confirmed && <Typography.Text type="secondary">{t('awards.publish.needsConfirmation')}</Typography.Text>}
          </div>
        </div>
      )}
      {published && campaign.publishedAt && (
        <Typography.Paragraph type="secondary" className="awards-actions">
          {t('awards.publish.published', { time: time(campaign.publishedAt) })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/**
 * A unit an award may go to, as the awards table shows it: a department or district of the
 * composite, or an enterprise of the 社会责任先进企业 selection.
 */
interface Candidate {
  unitType: AwardUnitType;
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  rank: number | null;
  composite: number | null;
  /** From the resampling; the CSR selection has none. */
  pInQuota: number | null;
  flags: string[];
  /** What the rules propose. */
  proposed: boolean;
  /** The rules may award it: not vetoed, and whatever else its award asks. */
  eligible: boolean;
}

function candidatesOf(results: ResultsDto, unitType: AwardUnitType): Candidate[] {
  if (unitType === 'enterprise') {
    return (results.csr?.enterprises ?? []).map((enterprise) => ({
      unitType,
      code: enterprise.uscc,
      nameZh: enterprise.nameZh,
      nameEn: enterprise.nameEn,
      category: CSR_CATEGORY,
      rank: enterprise.rank,
      composite: enterprise.composite,
      pInQuota: null,
      flags: [...enterprise.vetoReasons, ...enterprise.flags],
      proposed: enterprise.proposed,
      // Vetoed, or without an indicator to rank it by: the rules cannot award it.
      eligible: enterprise.rank !== null,
    }));
  }
  return results.composite
    .filter((unit) => unit.unitType === unitType)
    .map((unit) => ({
      unitType,
      code: unit.code,
      nameZh: unit.nameZh,
      nameEn: unit.nameEn,
      category: unit.category,
      rank: unit.rank,
      composite: unit.composite,
      pInQuota: unit.pInQuota,
      flags: unit.flags,
      proposed: unit.inQuota,
      eligible: unit.eligible,
    }));
}

/** A candidate with the office's decision on it. */
interface AwardRow {
  unit: Candidate;
  award: AwardDto | undefined;
}

interface AwardCardProps {
  campaignId: string;
  kind: AwardKind;
  unitType: AwardUnitType;
  results: ResultsDto;
  editable: boolean;
  onReload: () => void;
}

/** One award: a table per category, every unit of the category with the rules' proposal and the decision. */
function AwardCard({ campaignId, kind, unitType, results, editable, onReload }: AwardCardProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const units = candidatesOf(results, unitType);
  const categories = [...new Set(units.map((unit) => unit.category))].sort(compareCategories);
  const awarded = results.awards.filter((award) => award.award === kind && award.awarded).length;
  // The CSR selection lists every applicant, thousands possibly, where a category has a few dozen units.
  const everyApplicant = unitType === 'enterprise';
  const decisions = new Map(results.awards.filter((award) => award.unitType === unitType).map((award) => [award.code, award]));
  if (units.length === 0) return null;
  return (
    <Card
      title={
        <span>
          {t(`awards.kinds.${kind}`)}
          <Tag color="gold" className="awards-count">
            {awarded}
          </Tag>
        </span>
      }
      className="awards-card"
      data-award={kind}
    >
      {categories.map((category) => {
        const quota = results.categories.find((line) => line.unitType === unitType && line.category === category);
        const rows: AwardRow[] = units
          .filter((unit) => unit.category === category)
          .sort(byRankThenScore((unit) => unit.rank, (unit) => unit.composite))
          .map((unit) => ({ unit, award: decisions.get(unit.code) }));
        if (everyApplicant) rows.sort(decidedFirst);
        return (
          <section key={category} className="awards-category" data-category={category}>
            <Typography.Title level={5} className="awards-category__title">
              {language === 'en' ? `${categoryName(category, 'en')} (${category})` : category}
              {quota && (
                <Typography.Text type="secondary" className="awards-category__quota">
                  {t('awards.category.quota', { quota: quota.quota, eligible: quota.eligible })}
                </Typography.Text>
              )}
            </Typography.Title>
            <AwardTable campaignId={campaignId} kind={kind} rows={rows} resampled={!everyApplicant} paged={everyApplicant} editable={editable} onReload={onReload} />
          </section>
        );
      })}
    </Card>
  );
}

/** What the rules propose and what the office overrode, ahead of the rest; the order stays the ranking's within each. */
function decidedFirst(a: AwardRow, b: AwardRow): number {
  const decided = ({ unit, award }: AwardRow) => (unit.proposed || award?.overrideReason != null ? 0 : 1);
  return decided(a) - decided(b);
}

interface Pending {
  row: AwardRow;
  awarded: boolean;
}

interface AwardTableProps {
  campaignId: string;
  kind: AwardKind;
  rows: AwardRow[];
  /** The composite's ranks were resampled: each unit has its probability of a place. */
  resampled: boolean;
  /** Too many rows for one page. */
  paged: boolean;
  editable: boolean;
  onReload: () => void;
}

function AwardTable({ campaignId, kind, rows, resampled, paged, editable, onReload }: AwardTableProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [pending, setPending] = useState<Pending>();
  const awardName = t(`awards.kinds.${kind}`);

  const saveOverride = async (reason: string) => {
    if (!pending) return;
    await overrideAward(campaignId, pending.row.unit.unitType, pending.row.unit.code, pending.awarded, reason);
    setPending(undefined);
    void message.success(t('awards.override.done'));
    onReload();
  };

  const backToProposal = async (row: AwardRow) => {
    try {
      await clearAwardOverride(campaignId, row.unit.unitType, row.unit.code);
      void message.success(t('awards.back.done'));
    } catch (error) {
      reportError(error);
    }
    onReload();
  };

  const columns: TableColumnsType<AwardRow> = [
    { key: 'rank', title: t('awards.columns.rank'), width: 64, render: (_, { unit }) => unit.rank ?? '—' },
    {
      key: 'unit',
      title: t('awards.columns.unit'),
      width: 220,
      render: (_, { unit }) => (
        <div>
          <BilingualName zh={unit.nameZh} en={unit.nameEn} strong />
          <Typography.Text type="secondary" className="console-monospace">
            {unit.code}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'composite', title: t('awards.columns.composite'), align: 'right', width: 100, render: (_, { unit }) => <Typography.Text strong>{formatScore(unit.composite)}</Typography.Text> },
    ...(resampled ? [{ key: 'pInQuota', title: t('awards.columns.pInQuota'), align: 'right' as const, width: 100, render: (_: unknown, { unit }: AwardRow) => formatRate(unit.pInQuota) }] : []),
    { key: 'flags', title: t('awards.columns.flags'), width: 180, render: (_, { unit }) => <FlagTags flags={unit.flags} /> },
    {
      key: 'proposal',
      title: t('awards.columns.proposal'),
      width: 100,
      render: (_, { unit }) =>
        unit.proposed ? <Tag color="gold">{t('awards.proposed')}</Tag> : <Typography.Text type="secondary">{t(unit.eligible ? 'awards.notProposed' : 'awards.notEligible')}</Typography.Text>,
    },
    {
      key: 'decision',
      title: t('awards.columns.decision'),
      width: 220,
      render: (_, { award }) => (
        <div className="awards-decision">
          {award?.awarded ? <AwardBadge label={t('awards.awarded')} /> : <Tag>{t('awards.withheld')}</Tag>}
          {award?.overrideReason != null && (
            <>
              <Tag color="purple">{t('awards.overridden')}</Tag>
              <Typography.Text type="secondary" className="awards-decision__reason">
                {t('awards.overrideReason', { reason: award.overrideReason })}
              </Typography.Text>
            </>
          )}
        </div>
      ),
    },
  ];
  if (editable) {
    columns.push({
      key: 'actions',
      title: t('awards.columns.actions'),
      // Always in reach, however wide the flags make the table.
      fixed: 'right',
      render: (_, row) => {
        const awarded = row.award?.awarded ?? false;
        const overridden = row.award?.overrideReason != null;
        // Turning an override back into what the rules propose is the same as removing it.
        const toggleIsBack = overridden && !awarded === row.unit.proposed;
        // The rules exclude a vetoed or ungated unit: the office corrects its inputs, not the award.
        const awardable = awarded || row.unit.eligible;
        return (
          <Space wrap size={4}>
            {!toggleIsBack && awardable && (
              <Button size="small" danger={awarded} onClick={() => setPending({ row, awarded: !awarded })}>
                {t(awarded ? 'awards.actions.withhold' : 'awards.actions.award')}
              </Button>
            )}
            {overridden && (
              <Popconfirm
                title={t('awards.back.title')}
                description={t('awards.back.content', { name: localName(row.unit.nameZh, row.unit.nameEn) })}
                okText={t('awards.actions.back')}
                cancelText={t('actions.cancel')}
                onConfirm={() => backToProposal(row)}
              >
                <Button size="small" icon={<RollbackOutlined />}>
                  {t('awards.actions.back')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    });
  }

  const name = pending ? localName(pending.row.unit.nameZh, pending.row.unit.nameEn) : '';
  return (
    <>
      <Table<AwardRow>
        rowKey={(row) => row.unit.code}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={paged && IN_PAGES}
        scroll={{ x: 'max-content' }}
        rowClassName={({ unit, award }) =>
          [award?.awarded ? 'awards-row--awarded' : '', unit.flags.includes(NEEDS_REVIEW) ? 'awards-row--review' : ''].filter(Boolean).join(' ')
        }
        locale={{ emptyText: t('awards.category.empty') }}
        className="awards-table"
      />
      <ReasonModal
        open={pending !== undefined}
        title={pending?.awarded ? t('awards.override.awardTitle', { name, award: awardName }) : t('awards.override.withholdTitle', { name, award: awardName })}
        intro={pending?.awarded ? t('awards.override.awardIntro') : t('awards.override.withholdIntro')}
        okText={t('awards.override.ok')}
        reasonHint={t('awards.override.reasonHint')}
        danger={pending?.awarded === false}
        onSubmit={saveOverride}
        onClose={() => setPending(undefined)}
      />
    </>
  );
}
