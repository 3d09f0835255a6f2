import './answer.css';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { formatDateTime } from '../shared/format';
import { browserLanguage, reflectLanguageInDocument, storedLanguage, storeLanguage, type Language } from '../shared/language';
import { LanguageToggle } from '../shared/LanguageToggle';
import { PlainFrame } from '../shared/PlainFrame';
import { listCases, localized, lookUpRaterLink, type Questionnaire, type RaterCase, type RaterLinkOverview, type Reply } from './raterLink';
import { fill, LanguageContext, textsFor, useLanguage } from './texts';

// survey-core is most of the page's weight: the list of questionnaires shows without it.
const loadQuestionnaireScreen = () => import('./QuestionnaireScreen');
const QuestionnaireScreen = lazy(loadQuestionnaireScreen);
// The complaint form and the cases: only for a rater who opens the form or has cases.
const CasesSection = lazy(() => import('./CasesSection'));

type Refusal = Reply<unknown> & { ok: false };

type Lookup =
  | { phase: 'loading' }
  | { phase: 'invalid' }
  | { phase: 'failed'; reply: Refusal }
  | { phase: 'found'; overview: RaterLinkOverview };

const tokenFromPath = () => decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
const openFromAddress = () => new URLSearchParams(window.location.search).get('q');

/**
 * The open questionnaire (?q=<evaluationId>) lives in the address, so that a
 * phone's back button returns to the list and a reload reopens the questionnaire.
 */
function useOpenQuestionnaire(): [string | null, (id: string | null) => void] {
  const [open, setOpen] = useState(openFromAddress);
  useEffect(() => {
    const follow = () => setOpen(openFromAddress());
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const navigate = useCallback((id: string | null) => {
    if (id) window.history.pushState({ fromList: true }, '', `?q=${encodeURIComponent(id)}`);
    else if ((window.history.state as { fromList?: boolean } | null)?.fromList) window.history.back();
    else window.history.replaceState(null, '', window.location.pathname);
    setOpen(id);
    window.scrollTo(0, 0);
  }, []);
  return [open, navigate];
}

/** The rater's page behind a personal link: their questionnaires, each answered, saved as they go and submitted once. */
export function Component() {
  const [token] = useState(tokenFromPath);
  const [language, setLanguage] = useState<Language>(() => storedLanguage() ?? browserLanguage());
  const texts = textsFor(language);
  const [lookup, setLookup] = useState<Lookup>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [openId, navigate] = useOpenQuestionnaire();

  useEffect(() => {
    reflectLanguageInDocument(language);
    document.title = `${texts.pageTitle} · ${texts.appShortName}`;
  }, [language, texts]);

  useEffect(() => {
    let current = true;
    setLookup({ phase: 'loading' });
    void lookUpRaterLink(token, language).then((reply) => {
      if (!current) return;
      if (reply.ok) setLookup({ phase: 'found', overview: reply.body });
      else setLookup(reply.status === 404 ? { phase: 'invalid' } : { phase: 'failed', reply });
      if (reply.ok && reply.body.campaign.status === 'open') void loadQuestionnaireScreen();
    });
    return () => {
      current = false;
    };
    // Not on a language switch: titles and messages come in both languages.
  }, [token, attempt]);

  const update = useCallback((evaluationId: string, patch: Partial<Questionnaire>) => {
    setLookup((previous) => {
      if (previous.phase !== 'found') return previous;
      const questionnaires = previous.overview.questionnaires.map((q) => (q.evaluationId === evaluationId ? { ...q, ...patch } : q));
      return { ...previous, overview: { ...previous.overview, questionnaires } };
    });
  }, []);

  const backToList = () => {
    setRefusal(null);
    navigate(null);
    setAttempt((count) => count + 1);
  };

  let content: ReactNode;
  if (refusal) {
    content = <RefusedMessage reply={refusal} onBack={backToList} />;
  } else if (lookup.phase === 'loading') {
    content = <Loading />;
  } else if (lookup.phase === 'invalid') {
    content = <InvalidLink />;
  } else if (lookup.phase === 'failed') {
    const { reply } = lookup;
    content = (
      <Message title={texts.loadFailed} text={reply.status ? (localized(reply, language) ?? fill(texts.errors.server, { status: String(reply.status) })) : texts.errors.network}>
        <button type="button" className="plain-button" onClick={() => setAttempt((count) => count + 1)}>
          {texts.retry}
        </button>
      </Message>
    );
  } else {
    const { overview } = lookup;
    const { campaign } = overview;
    const open = overview.questionnaires.find((q) => q.evaluationId === openId);
    if (campaign.status === 'draft') {
      content = <Message title={texts.notOpen.title} subtitle={campaign.title} text={campaign.opensAt ? fill(texts.notOpen.opensAt, { time: formatDateTime(campaign.opensAt, language) }) : texts.notOpen.later} />;
    } else if (open && (campaign.status === 'open' || open.status === 'submitted')) {
      const { evaluationId } = open;
      content = (
        <Suspense fallback={<Loading />}>
          <QuestionnaireScreen
            // A submitted questionnaire is shown anew: its receipt and the answers read-only.
            key={`${evaluationId}:${open.status === 'submitted'}`}
            token={token}
            questionnaire={open}
            onBack={() => navigate(null)}
            onLeave={(data) => update(evaluationId, { data })}
            onSaved={(savedAt) => update(evaluationId, { status: 'draft', savedAt })}
            onSubmitted={(data, { receipt, submittedAt }) => {
              update(evaluationId, { status: 'submitted', data, receipt, submittedAt });
              window.scrollTo(0, 0);
            }}
            onRefused={setRefusal}
          />
        </Suspense>
      );
    } else {
      content = <Landing token={token} overview={overview} onOpen={navigate} />;
    }
  }

  return (
    <LanguageContext value={language}>
      <PlainFrame
        brand={texts.appName}
        toggle={
          <LanguageToggle
            active={language}
            label={texts.language}
            onChange={(choice) => {
              storeLanguage(choice);
              setLanguage(choice);
            }}
          />
        }
      >
        {content}
      </PlainFrame>
    </LanguageContext>
  );
}

function Loading() {
  const [, texts] = useLanguage();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      {texts.loading}
    </div>
  );
}

function Message({ title, subtitle, text, children }: { title: string; subtitle?: string; text?: string; children?: ReactNode }) {
  return (
    <section className="plain-message" role="alert">
      <h1 className="plain-message__title">{title}</h1>
      {subtitle && <p className="plain-message__subtitle">{subtitle}</p>}
      {text && <p className="plain-message__text">{text}</p>}
      {children}
    </section>
  );
}

/** The server would not take the answers: the campaign closed or has not opened, or the questionnaire was submitted elsewhere. */
function RefusedMessage({ reply, onBack }: { reply: Refusal; onBack: () => void }) {
  const [language, texts] = useLanguage();
  const message = localized(reply, language) ?? '';
  const title = reply.code === 'CAMPAIGN_CLOSED' ? texts.closed.title : reply.code === 'CAMPAIGN_NOT_OPEN' ? texts.notOpen.title : undefined;
  return (
    <Message title={title ?? message} text={title && message}>
      <button type="button" className="plain-button" onClick={onBack}>
        {texts.back}
      </button>
    </Message>
  );
}

/** Shown in both languages at once: the rater may not be able to read the other one. */
function InvalidLink() {
  const [language, texts] = useLanguage();
  const other = textsFor(language === 'en' ? 'zh-CN' : 'en');
  return (
    <section className="plain-message" role="alert">
      <div className="answer-invalid__icon" aria-hidden="true">
        !
      </div>
      <h1 className="plain-message__title">{texts.invalid.title}</h1>
      <p className="plain-message__subtitle" lang={language === 'en' ? 'zh-CN' : 'en'}>
        {other.invalid.title}
      </p>
      <p className="plain-message__text">{texts.invalid.hint}</p>
    </section>
  );
}

function Landing({ token, overview, onOpen }: { token: string; overview: RaterLinkOverview; onOpen: (evaluationId: string) => void }) {
  const [language, texts] = useLanguage();
  const { campaign, rater } = overview;
  const closed = campaign.status !== 'open';
  return (
    <article className="answer-overview">
      <header className="answer-overview__header">
        <h1 className="answer-overview__campaign">{campaign.title}</h1>
        <p className="answer-overview__greeting">{fill(texts.greeting, { name: language === 'en' ? rater.nameEn : rater.name })}</p>
        {!closed && <p className="answer-overview__intro">{texts.intro}</p>}
        {!closed && campaign.closesAt && <p className="answer-overview__intro">{fill(texts.closesAt, { time: formatDateTime(campaign.closesAt, language) })}</p>}
      </header>
      {closed && (
        <section className="answer-notice" role="status">
          <h2 className="answer-notice__title">{texts.closed.title}</h2>
          <p className="answer-notice__text">{texts.closed.text}</p>
        </section>
      )}
      <h2 className="answer-overview__section-title">{texts.questionnaires}</h2>
      {overview.questionnaires.length === 0 ? (
        <p className="answer-overview__empty">{texts.empty}</p>
      ) : (
        <ul className="questionnaire-list">
          {overview.questionnaires.map((q) => (
            <li key={q.evaluationId} className="questionnaire-item" data-kind={q.kind}>
              <div className="questionnaire-item__text">
                <span className="questionnaire-item__title" id={`title-${q.evaluationId}`}>
                  {language === 'en' ? q.titleEn : q.title}
                </span>
                <span className="questionnaire-item__status" data-status={q.status}>
                  {fill(texts.status[q.status], { time: q.savedAt ? formatDateTime(q.savedAt, language) : '', receipt: q.receipt ?? '' })}
                </span>
              </div>
              {(!closed || q.status === 'submitted') && (
                <button type="button" className="plain-button" aria-describedby={`title-${q.evaluationId}`} onClick={() => onOpen(q.evaluationId)}>
                  {texts.open[q.status]}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {rater.type === 'enterprise' && <Complaints token={token} open={!closed} />}
      <section className="answer-privacy" aria-labelledby="answer-privacy-title">
        <h2 className="answer-overview__section-title" id="answer-privacy-title">
          {texts.privacy.title}
        </h2>
        <ul>
          <li>{texts.privacy.stored}</li>
          <li>{texts.privacy.access}</li>
          <li>{texts.privacy.published}</li>
        </ul>
      </section>
    </article>
  );
}

/** An enterprise's problems and complaints: a button to raise one while the campaign is open, and its cases. */
function Complaints({ token, open }: { token: string; open: boolean }) {
  const [language, texts] = useLanguage();
  const [cases, setCases] = useState<RaterCase[]>([]);
  const [formOpen, setFormOpen] = useState(false);
  const raise = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void listCases(token, language).then((reply) => reply.ok && setCases(reply.body));
  }, [token]);
  if (!open && !cases.length) return null;
  return (
    <section className="answer-cases-section" aria-labelledby="answer-cases-title">
      <h2 className="answer-overview__section-title" id="answer-cases-title">
        {texts.complaints.title}
      </h2>
      {open && (
        <button ref={raise} type="button" className="plain-button" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)}>
          {texts.complaints.raise}
        </button>
      )}
      {(formOpen || cases.length > 0) && (
        <Suspense fallback={<Loading />}>
          <CasesSection
            token={token}
            cases={cases}
            onCase={(changed) => setCases((list) => [...list.filter((c) => c.id !== changed.id), changed].sort((a, b) => a.number.localeCompare(b.number)))}
            formOpen={formOpen}
            onCloseForm={() => {
              setFormOpen(false);
              raise.current?.focus();
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
