import './answer.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { describeError } from '../api/errors';
import { i18next, registerTranslations, type Language } from '../i18n';
import { answerEn, answerZh } from '../i18n/resources/answer';
import { PageLoading } from '../shared/PageLoading';
import { PlainPage } from '../shared/PlainPage';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { lookUpRaterLink, type QuestionnaireSummary, type RaterLinkLookup, type RaterLinkOverview } from './raterLink';

registerTranslations('answer', { 'zh-CN': answerZh, en: answerEn });

type PageState = { outcome: 'loading' } | RaterLinkLookup;

export function Component() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation('answer');
  const [state, setState] = useState<PageState>({ outcome: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useDocumentTitle(t('pageTitle'));

  // Reloads on language change too: the server localizes titles by Accept-Language.
  useEffect(() => {
    const controller = new AbortController();
    setState({ outcome: 'loading' });
    void lookUpRaterLink(token, controller.signal).then((lookup) => {
      if (!controller.signal.aborted) setState(lookup);
    });
    return () => controller.abort();
  }, [token, attempt, i18n.language]);

  return (
    <PlainPage>
      {state.outcome === 'loading' && <PageLoading />}
      {state.outcome === 'invalid' && <InvalidLink />}
      {state.outcome === 'failed' && (
        <section className="plain-message" role="alert">
          <h1 className="plain-message__title">{t('loadFailed')}</h1>
          <p className="plain-message__text">{describeError(state.error)}</p>
          <button type="button" className="plain-button" onClick={() => setAttempt((count) => count + 1)}>
            {t('retry')}
          </button>
        </section>
      )}
      {state.outcome === 'found' && <QuestionnaireOverview overview={state.overview} />}
    </PlainPage>
  );
}

/** Shown in both languages at once: the rater may not be able to read the default one. */
function InvalidLink() {
  const { t, i18n } = useTranslation('answer');
  const primary: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const secondary: Language = primary === 'en' ? 'zh-CN' : 'en';
  const translateIn = (language: Language) => i18next.getFixedT(language, 'answer');
  return (
    <section className="plain-message" role="alert">
      <div className="answer-invalid__icon" aria-hidden="true">
        !
      </div>
      <h1 className="plain-message__title" lang={primary}>
        {translateIn(primary)('invalid.title')}
      </h1>
      <p className="plain-message__subtitle" lang={secondary}>
        {translateIn(secondary)('invalid.title')}
      </p>
      <p className="plain-message__text">{t('invalid.hint')}</p>
    </section>
  );
}

function QuestionnaireOverview({ overview }: { overview: RaterLinkOverview }) {
  const { t } = useTranslation('answer');
  return (
    <article className="answer-overview">
      <header className="answer-overview__header">
        <h1 className="answer-overview__campaign">{overview.campaign.title}</h1>
        <p className="answer-overview__greeting">{t('greeting', { name: overview.rater.name })}</p>
        <p className="answer-overview__intro">{t('intro')}</p>
      </header>
      <h2 className="answer-overview__section-title">{t('questionnaires')}</h2>
      {overview.questionnaires.length === 0 ? (
        <p className="answer-overview__empty">{t('empty')}</p>
      ) : (
        <ul className="questionnaire-list">
          {overview.questionnaires.map((questionnaire) => (
            <QuestionnaireItem key={questionnaire.evaluationId} questionnaire={questionnaire} />
          ))}
        </ul>
      )}
    </article>
  );
}

const KNOWN_STATUSES = ['not_started', 'in_progress', 'submitted', 'closed'] as const;
type KnownStatus = (typeof KNOWN_STATUSES)[number];

function isKnownStatus(status: string): status is KnownStatus {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

function QuestionnaireItem({ questionnaire }: { questionnaire: QuestionnaireSummary }) {
  const { t } = useTranslation('answer');
  const { status } = questionnaire;
  const statusLabel = isKnownStatus(status) ? t(`status.${status}`) : status;
  return (
    <li className="questionnaire-item" data-kind={questionnaire.kind}>
      <span className="questionnaire-item__title">{questionnaire.title}</span>
      <span className="questionnaire-item__status" data-status={status}>
        {statusLabel}
      </span>
    </li>
  );
}
