import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, fieldProblems } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { localName } from '../BilingualName';
import { ReasonModal } from '../results/AwardsReasonModal';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useIsDesktop } from '../useIsDesktop';
import { useReportError } from '../useReportError';
import { CsrCorrectionModal } from './CsrCorrectionModal';
import { checkFigure, resetFigure, type CsrDeclarationDto, type CsrFigureName, type CsrFigureStateDto } from './csrApi';
import { formatFigure, SOURCE_COLORS, sourceLabel } from './csrFigures';
import { SizeBandTag } from './SizeBandTag';

interface CsrDeclarationDrawerProps {
  campaignId: string;
  /** The declaration shown; none closes the drawer. */
  declaration: CsrDeclarationDto | undefined;
  editable: boolean;
  /** The declaration as the server answered a check. */
  onChanged: (next: CsrDeclarationDto) => void;
  onClose: () => void;
}

/** A verification the server accepts only with a reason: the figure now counts as an authority's record. */
interface PendingVerification {
  figure: CsrFigureName;
  why: string;
}

/** One declaration's fourteen figures: as declared, as they count and why, with the office's actions on each. */
export function CsrDeclarationDrawer({ campaignId, declaration, editable, onChanged, onClose }: CsrDeclarationDrawerProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const isDesktop = useIsDesktop();
  const language = currentLanguage();
  // Keyed by USCC and figure: the drawer stays mounted from one declaration to the next.
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState<CsrFigureName>();
  const [correcting, setCorrecting] = useState<CsrFigureStateDto>();
  const [verifying, setVerifying] = useState<PendingVerification>();
  const uscc = declaration?.uscc ?? '';
  const label = (figure: CsrFigureName) => t(`csr.figures.${figure}`);

  const accepted = (next: CsrDeclarationDto, figure: CsrFigureName, done: string) => {
    onChanged(next);
    setErrors((previous) => ({ ...previous, [`${uscc}:${figure}`]: undefined }));
    void message.success(done);
  };

  /** Runs an action on one figure; a refusal that names a field is shown under the figure. */
  const act = async (figure: CsrFigureName, action: () => Promise<void>) => {
    setBusy(figure);
    try {
      await action();
    } catch (error) {
      const problems = fieldProblems(error);
      if (error instanceof ApiError && problems.length > 0) setErrors((previous) => ({ ...previous, [`${uscc}:${figure}`]: problems.map((problem) => problem.message).join(' ') }));
      else reportError(error);
    } finally {
      setBusy(undefined);
    }
  };

  const verify = (figure: CsrFigureName) =>
    act(figure, async () => {
      try {
        accepted(await checkFigure(campaignId, uscc, figure, { action: 'verify' }), figure, t('csr.done.verified', { figure: label(figure) }));
      } catch (error) {
        // Going back to the declared value over an authority's record needs a reason: asked for, then sent again.
        const why = fieldProblems(error).find((problem) => problem.field === 'reason');
        if (!why) throw error;
        setVerifying({ figure, why: why.message });
      }
    });

  const reset = (figure: CsrFigureName) => act(figure, async () => accepted(await resetFigure(campaignId, uscc, figure), figure, t('csr.done.reset', { figure: label(figure) })));

  return (
    <Drawer
      open={declaration !== undefined}
      onClose={onClose}
      size={isDesktop ? 720 : '100%'}
      title={declaration ? localName(declaration.nameZh, declaration.nameEn) : ' '}
      destroyOnHidden
      className="csr-drawer"
    >
      {declaration && (
        <>
          <div className="csr-drawer__facts">
            <Typography.Text className="console-monospace">{declaration.uscc}</Typography.Text>
            <SizeBandTag band={declaration.sizeBand} />
            <Typography.Text type="secondary">{t('csr.submittedAt', { time: formatDateTime(declaration.submittedAt, language) })}</Typography.Text>
            <Typography.Text type="secondary">{t('csr.receipt', { receipt: declaration.receipt })}</Typography.Text>
          </div>
          {declaration.voided && <Alert type="warning" showIcon title={t('csr.voidedAlert')} className="console-form-alert" />}
          {!declaration.sizeBand && <Alert type="warning" showIcon title={t('csr.noSizeBandHint')} className="console-form-alert" />}
          <div className="csr-figures">
            {declaration.figures.map((state) => (
              <section key={state.figure} className="csr-figure" data-figure={state.figure} aria-label={label(state.figure)}>
                <div className="csr-figure__head">
                  <Typography.Text strong>{label(state.figure)}</Typography.Text>
                  <Tag color={SOURCE_COLORS[state.source]} className="csr-source">
                    {sourceLabel(state, t, language)}
                  </Tag>
                </div>
                <dl className="csr-figure__values">
                  <div>
                    <dt>{t('csr.fields.declared')}</dt>
                    <dd>{formatFigure(state.figure, state.declared, t, language)}</dd>
                  </div>
                  <div>
                    <dt>{t('csr.fields.value')}</dt>
                    <dd className="csr-figure__value">{formatFigure(state.figure, state.value, t, language)}</dd>
                  </div>
                  {state.source !== 'declared' && state.previous !== null && JSON.stringify(state.previous) !== JSON.stringify(state.value) && (
                    <div>
                      <dt>{t('csr.fields.previous')}</dt>
                      <dd>{formatFigure(state.figure, state.previous, t, language)}</dd>
                    </div>
                  )}
                  {state.reason && (
                    <div className="csr-figure__reason">
                      <dt>{t('csr.fields.reason')}</dt>
                      <dd>{state.reason}</dd>
                    </div>
                  )}
                  {state.updatedAt && (
                    <div>
                      <dt>{t('csr.fields.updatedAt')}</dt>
                      <dd>{formatDateTime(state.updatedAt, language)}</dd>
                    </div>
                  )}
                </dl>
                {errors[`${uscc}:${state.figure}`] && (
                  <Typography.Text type="danger" role="alert" className="csr-figure__error">
                    {errors[`${uscc}:${state.figure}`]}
                  </Typography.Text>
                )}
                {editable && (
                  <Space wrap size={4} className="csr-figure__actions">
                    {state.declared !== null && state.source !== 'verified' && (
                      <Button size="small" icon={<CheckOutlined />} loading={busy === state.figure} onClick={() => void verify(state.figure)}>
                        {t('csr.actions.verify')}
                      </Button>
                    )}
                    <Button size="small" icon={<EditOutlined />} disabled={busy === state.figure} onClick={() => setCorrecting(state)}>
                      {t('csr.actions.correct')}
                    </Button>
                    {(state.source === 'verified' || state.source === 'corrected') && (
                      <Popconfirm
                        title={t('csr.resetConfirm.title')}
                        description={t('csr.resetConfirm.content', { figure: label(state.figure) })}
                        okText={t('csr.actions.reset')}
                        cancelText={t('actions.cancel')}
                        onConfirm={() => reset(state.figure)}
                      >
                        <Button size="small" icon={<RollbackOutlined />} disabled={busy === state.figure}>
                          {t('csr.actions.reset')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                )}
              </section>
            ))}
          </div>
          <CsrCorrectionModal
            campaignId={campaignId}
            uscc={declaration.uscc}
            state={correcting}
            onSaved={(next) => {
              const figure = correcting!.figure;
              setCorrecting(undefined);
              accepted(next, figure, t('csr.done.corrected', { figure: label(figure) }));
            }}
            onClose={() => setCorrecting(undefined)}
          />
          <ReasonModal
            open={verifying !== undefined}
            title={verifying ? t('csr.verifyWithReason.title', { figure: label(verifying.figure) }) : ''}
            intro={verifying?.why}
            okText={t('csr.verifyWithReason.ok')}
            reasonHint={t('csr.verifyWithReason.hint')}
            onSubmit={async (reason) => {
              const figure = verifying!.figure;
              const next = await checkFigure(campaignId, uscc, figure, { action: 'verify', reason });
              setVerifying(undefined);
              accepted(next, figure, t('csr.done.verified', { figure: label(figure) }));
            }}
            onClose={() => setVerifying(undefined)}
          />
        </>
      )}
    </Drawer>
  );
}
