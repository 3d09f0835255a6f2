import './letters.css';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Select, Spin, Typography } from 'antd';
import { memo, startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useLoaderData, useParams, useSearchParams } from 'react-router';
import { fetchCampaign, fetchInvitations } from '../../api/endpoints';
import type { CampaignDto, InvitationDto, InvitationStatus, RaterType } from '../../api/models';
import { i18next } from '../../i18n';
import { formatLetterDateTime } from '../../shared/format';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { AccessDenied } from '../AdminOnly';
import { ConsoleProviders } from '../ConsoleProviders';
import { LoadFailure } from '../LoadFailure';
import { QrCode } from '../QrCode';
import { qrCodeShape, type QrCodeShape } from '../qrCodeShape';
import { isAdmin } from '../roles';
import { CONSOLE_HOME, requireSignedInUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';

/**
 * Printable invitation letters, one A4 page each. A page of its own, outside the
 * console's frame, so that what prints is only the letters.
 */
export const loader = requireSignedInUser;

export function Component() {
  const user = useLoaderData<typeof loader>();
  return <ConsoleProviders>{isAdmin(user) ? <InvitationLettersPage /> : <LettersAccessDenied />}</ConsoleProviders>;
}

function LettersAccessDenied() {
  const { t } = useConsoleTranslation();
  return <AccessDenied extra={<Link to={CONSOLE_HOME}>{t('notFound.backToOverview')}</Link>} />;
}

/** The server's largest page of links. */
const FETCH_PAGE_SIZE = 2000;
/** Time spent drawing QR codes between two pauses, so the page keeps responding while it draws a thousand. */
const QR_TIME_SLICE_MS = 25;

/** Revoked invitations have no link, so no letter. */
type LetterScope = Exclude<InvitationStatus, 'revoked'>;
const SCOPES: readonly LetterScope[] = ['not-opened', 'opened', 'draft', 'submitted'];
const RATER_TYPES: readonly RaterType[] = ['enterprise', 'district'];

interface LetterData {
  campaign: CampaignDto;
  /** Links that can still be used; a revoked invitation has none. */
  invitations: (InvitationDto & { link: string })[];
}

async function fetchLetterData(campaignId: string, filter: { q?: string; raterType?: RaterType; status?: LetterScope }): Promise<LetterData> {
  const [campaign, invitations] = await Promise.all([fetchCampaign(campaignId), fetchAllInvitations(campaignId, filter)]);
  return { campaign, invitations: invitations.filter((invitation): invitation is InvitationDto & { link: string } => invitation.link !== null) };
}

async function fetchAllInvitations(campaignId: string, filter: { q?: string; raterType?: RaterType; status?: LetterScope }): Promise<InvitationDto[]> {
  const all: InvitationDto[] = [];
  for (let page = 1; ; page += 1) {
    const result = await fetchInvitations(campaignId, { ...filter, page, pageSize: FETCH_PAGE_SIZE });
    all.push(...result.items);
    if (result.items.length < FETCH_PAGE_SIZE || all.length >= result.total) return all;
  }
}

const pause = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

/** The QR codes of the links, drawn in batches with pauses between them; the list grows as they are ready. */
function useQrCodes(links: string[] | undefined): QrCodeShape[] {
  const [codes, setCodes] = useState<{ links: string[]; shapes: QrCodeShape[] }>();
  useEffect(() => {
    if (!links) return;
    let cancelled = false;
    const run = async () => {
      let next = 0;
      while (next < links.length && !cancelled) {
        const sliceStart = performance.now();
        const batch: QrCodeShape[] = [];
        while (next < links.length && performance.now() - sliceStart < QR_TIME_SLICE_MS) batch.push(qrCodeShape(links[next++]!));
        // A transition, so React renders the new letters in slices too.
        startTransition(() => setCodes((current) => ({ links, shapes: current?.links === links ? [...current.shapes, ...batch] : batch })));
        await pause();
      }
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [links]);
  return codes && codes.links === links ? codes.shapes : [];
}

function isScope(value: string | null): value is LetterScope {
  return SCOPES.includes(value as LetterScope);
}

function isRaterType(value: string | null): value is RaterType {
  return RATER_TYPES.includes(value as RaterType);
}

function InvitationLettersPage() {
  const { t } = useConsoleTranslation();
  useDocumentTitle(t('letters.title'));
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const status = isScope(params.get('status')) ? (params.get('status') as LetterScope) : undefined;
  const raterType = isRaterType(params.get('raterType')) ? (params.get('raterType') as RaterType) : undefined;
  const load = useCallback(() => fetchLetterData(id, { q, status, raterType }), [id, q, status, raterType]);
  const data = useRemoteData(load);
  // One array per load, so the QR codes are made again only when the letters change.
  const links = useMemo(() => data.data?.invitations.map((invitation) => invitation.link), [data.data]);
  const qrCodes = useQrCodes(links);
  const total = data.data?.invitations.length ?? 0;
  const ready = data.data !== undefined && !data.loading && qrCodes.length === total;

  const setFilter = (name: 'status' | 'raterType', value: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );

  const backParams = new URLSearchParams({ tab: 'links' });
  if (q) backParams.set('q', q);
  if (status) backParams.set('status', status);
  if (raterType) backParams.set('raterType', raterType);

  return (
    <div className="letters-page">
      <div className="letters-toolbar">
        <div className="letters-toolbar__row">
          <Link to={`${CONSOLE_HOME}/campaigns/${id}?${backParams.toString()}`} className="letters-toolbar__back">
            <ArrowLeftOutlined /> {t('letters.back')}
          </Link>
          <Typography.Title level={5} className="letters-toolbar__title">
            {t('letters.title')}
            {data.data && <Typography.Text type="secondary"> · {data.data.campaign.title}</Typography.Text>}
          </Typography.Title>
        </div>
        <div className="letters-toolbar__row">
          <Select
            aria-label={t('letters.scope')}
            value={status ?? 'all'}
            options={[
              { value: 'all', label: t('letters.allValid') },
              ...SCOPES.map((value) => ({ value, label: t(`links.statuses.${value}`) })),
            ]}
            onChange={(value: string) => setFilter('status', value === 'all' ? undefined : value)}
            className="letters-toolbar__select"
          />
          <Select
            aria-label={t('links.columns.type')}
            value={raterType ?? 'all'}
            options={[
              { value: 'all', label: t('letters.allTypes') },
              ...RATER_TYPES.map((value) => ({ value, label: t(`links.raterTypes.${value}`) })),
            ]}
            onChange={(value: string) => setFilter('raterType', value === 'all' ? undefined : value)}
            className="letters-toolbar__select"
          />
          {q && <Typography.Text type="secondary">“{q}”</Typography.Text>}
          <Typography.Text strong>{t('letters.count', { total })}</Typography.Text>
          <Button type="primary" icon={<PrinterOutlined />} disabled={!ready || total === 0} onClick={() => window.print()}>
            {t('actions.print')}
          </Button>
        </div>
        {data.data && total > 0 && !ready && (
          <div className="letters-toolbar__row letters-toolbar__progress" aria-live="polite">
            <Progress percent={Math.floor((qrCodes.length / total) * 100)} size="small" status="active" showInfo={false} />
            <Typography.Text type="secondary">{t('letters.generating', { done: qrCodes.length, total })}</Typography.Text>
          </div>
        )}
        {ready && total > 0 && <Typography.Text type="secondary">{t('letters.printHint')}</Typography.Text>}
      </div>

      {data.error !== undefined && (
        <div className="letters-message">
          <LoadFailure error={data.error} onRetry={data.reload} />
        </div>
      )}
      {data.loading && !data.data && (
        <div className="letters-message">
          <Spin /> {t('letters.loading')}
        </div>
      )}
      {data.data && total === 0 && (
        <div className="letters-message">
          <Alert type="info" showIcon title={t('letters.empty')} />
        </div>
      )}
      {data.data && <Letters data={data.data} qrCodes={qrCodes} />}
    </div>
  );
}

/** Letters whose QR code is ready; the rest follow as their codes are drawn. */
function Letters({ data, qrCodes }: { data: LetterData; qrCodes: QrCodeShape[] }) {
  const { campaign } = data;
  const deadline = useMemo(
    () =>
      campaign.closesAt
        ? { zh: formatLetterDateTime(campaign.closesAt, 'zh-CN'), en: formatLetterDateTime(campaign.closesAt, 'en') }
        : undefined,
    [campaign.closesAt],
  );
  return (
    <div className="letters">
      {data.invitations.slice(0, qrCodes.length).map((invitation, index) => (
        <Letter key={invitation.id} invitation={invitation} campaign={campaign} deadline={deadline} qrCode={qrCodes[index]!} />
      ))}
    </div>
  );
}

interface LetterProps {
  invitation: InvitationDto & { link: string };
  campaign: CampaignDto;
  /** The closing time in each language, when the campaign has one. */
  deadline: { zh: string; en: string } | undefined;
  qrCode: QrCodeShape;
}

// Every letter is in both languages, whatever the console's language.
const zh = i18next.getFixedT('zh-CN', 'console');
const en = i18next.getFixedT('en', 'console');

/** One bilingual A4 letter. Memoized: a thousand letters must not re-render for each new batch. */
const Letter = memo(function Letter({ invitation, campaign, deadline, qrCode }: LetterProps) {
  const names = { title: campaign.title, year: campaign.year };
  const body = invitation.raterType === 'enterprise' ? 'letters.bodyEnterprise' : 'letters.bodyDistrict';
  // A long link wraps after its last slash, keeping the personal token on one line.
  const slash = invitation.link.lastIndexOf('/') + 1;
  const linkHead = invitation.link.slice(0, slash);
  const linkToken = invitation.link.slice(slash);
  return (
    <article className="letter">
      <header className="letter__head">
        <h1 className="letter__title" lang="zh-CN">
          {zh('letters.heading', names)}
          <span className="letter__title-kind">{zh('letters.letterTitle')}</span>
        </h1>
        <p className="letter__title-en" lang="en">
          {en('letters.heading', names)} — {en('letters.letterTitle')}
        </p>
      </header>

      <section className="letter__addressee">
        <p lang="zh-CN" className="letter__salutation">
          {zh('letters.salutation', { name: addressee(invitation).zh })}
        </p>
        <p lang="en" className="letter__salutation letter__salutation--en">
          {en('letters.salutation', { name: addressee(invitation).en })}
        </p>
      </section>

      <p lang="zh-CN" className="letter__body">
        {zh(body, names)}
      </p>
      <p lang="en" className="letter__body letter__body--en">
        {en(body, names)}
      </p>

      <section className="letter__access">
        <div className="letter__label">
          {zh('letters.linkLabel')} · <span lang="en">{en('letters.linkLabel')}</span>
        </div>
        <div className="letter__link">
          {linkHead}
          <wbr />
          {linkToken}
        </div>
        <div className="letter__access-row">
          <div className="letter__access-text">
            <p lang="zh-CN">{zh('letters.howTo')}</p>
            <p lang="en">{en('letters.howTo')}</p>
            {deadline && (
              <div className="letter__deadline">
                <p lang="zh-CN">{zh('letters.deadline', { date: deadline.zh })}</p>
                <p lang="en">{en('letters.deadline', { date: deadline.en })}</p>
              </div>
            )}
          </div>
          <figure className="letter__qr">
            <QrCode shape={qrCode} label={invitation.link} className="letter__qr-code" />
            <figcaption>
              {zh('letters.scan')} · <span lang="en">{en('letters.scan')}</span>
            </figcaption>
          </figure>
        </div>
      </section>

      <section className="letter__confidential">
        <p lang="zh-CN">{zh('letters.confidential')}</p>
        <p lang="en">{en('letters.confidential')}</p>
      </section>

      <footer className="letter__footer">
        <div className="letter__code">
          {zh('letters.codeLabel')} / <span lang="en">{en('letters.codeLabel')}</span>: <span className="letter__mono">{invitation.raterCode}</span>
        </div>
        <div className="letter__signature">
          <div lang="zh-CN">{zh('letters.signature')}</div>
          <div lang="en">{en('letters.signature')}</div>
        </div>
      </footer>
    </article>
  );
});

/**
 * A district government is written to as its people's government, a development zone as
 * its administrative committee; an enterprise by its name.
 */
function addressee(invitation: { raterType: string; raterNameZh: string; raterNameEn: string }): { zh: string; en: string } {
  const nameEn = invitation.raterNameEn || invitation.raterNameZh;
  if (invitation.raterType !== 'district') return { zh: invitation.raterNameZh, en: nameEn };
  if (/(开发区|园区|新区)$/.test(invitation.raterNameZh)) {
    return { zh: `${invitation.raterNameZh}管理委员会`, en: `the Administrative Committee of ${nameEn}` };
  }
  return { zh: `${invitation.raterNameZh}人民政府`, en: `the People's Government of ${nameEn}` };
}
