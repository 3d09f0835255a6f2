import 'survey-core/survey-core.fontless.css';
import './surveyChinese';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Model, surveyLocalization, type CompletingEvent, type QuestionCheckboxModel, type QuestionPanelDynamicModel, type SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { formatDateTime, formatTime } from '../shared/format';
import type { Language } from '../shared/language';
import { showBallotProblems } from './ballotProblems';
import { DraftSaver, type SaveState } from './draftSaver';
import { localized, saveDraft, submitAnswers, type Answers, type Questionnaire, type Reply, type Submitted } from './raterLink';
import { fill, useLanguage } from './texts';

// The questionnaires keep their Chinese under "default" (JSON locale zh-cn) and their English under "en".
surveyLocalization.defaultLocale = 'zh-cn';
// The carousel's "3 / 7" rather than "3 of 7".
surveyLocalization.locales.en!.panelDynamicProgressText = '{0} / {1}';

/** The page's own system fonts and colours; survey-core's default theme asks for a web font. */
const THEME = {
  cssVariables: {
    '--sjs-font-family': 'var(--app-font-family)',
    '--sjs-primary-backcolor': '#1d4f91',
    '--sjs-primary-backcolor-dark': '#173f74',
    '--sjs-primary-backcolor-light': 'rgba(29, 79, 145, 0.1)',
    '--sjs-general-backcolor-dim': '#f5f6f8',
  },
};

const surveyLocale = (language: Language) => (language === 'en' ? 'en' : '');

function createModel(questionnaire: Questionnaire, language: Language): SurveyModel {
  const model = new Model(questionnaire.survey);
  model.applyTheme(THEME);
  model.locale = surveyLocale(language);
  // Completion is the server's receipt, shown by this screen, not survey-core's "thank you" page.
  model.showCompletedPage = false;
  // What is submitted then holds no answers to questions that were hidden.
  model.clearInvisibleValues = 'onHidden';
  if (questionnaire.data) model.data = questionnaire.data;
  const submitted = questionnaire.status === 'submitted';
  if (submitted) {
    model.readOnly = true;
    model.questionsOnPageMode = 'singlePage';
  }
  for (const question of model.getAllQuestions()) {
    // Read-only, the cards name the targets: the long list of them would only be in the way.
    if (submitted && (question as QuestionCheckboxModel).valuePropertyName) question.visible = false;
    if (question.getType() !== 'paneldynamic') continue;
    const cards = question as QuestionPanelDynamicModel;
    if (submitted) cards.displayMode = 'list';
    // survey-core shows a carousel's "3 / 7" only on wide screens: the card's title carries it instead.
    else if (cards.displayMode === 'carousel') {
      const title = cards.locTemplateTitle;
      const [zh, en] = ['', 'en'].map((locale) => title.getLocaleText(locale) || title.getLocaleText(''));
      const position = `{visiblePanelIndex} / {${cards.getValueName()}.length} · `;
      title.setLocaleText('', position + zh);
      title.setLocaleText('en', position + en);
    }
  }
  return model;
}

/**
 * survey-core 3.0 leaves cards without a target — `{ ratings: [{}, {}] }` — or a stale
 * card when the last ticked target is unticked, through a checkbox linked to a dynamic
 * panel by `valuePropertyName`. Cards without a target are dropped here.
 */
function dropUntargetedCards(model: SurveyModel): void {
  for (const question of model.getAllQuestions()) {
    const key = (question as QuestionCheckboxModel).valuePropertyName;
    if (question.getType() !== 'checkbox' || !key) continue;
    const name = question.getValueName();
    const cards: unknown = model.getValue(name);
    const kept = Array.isArray(cards) ? cards.filter((card: Answers | null) => card?.[key] !== undefined) : [];
    if (kept.length > 0) {
      if (kept.length < (cards as unknown[]).length) model.setValue(name, kept);
      continue;
    }
    for (const linked of model.getQuestionsByValueName(name)) {
      if (linked.getType() === 'paneldynamic' && (linked as QuestionPanelDynamicModel).panelCount > 0) (linked as QuestionPanelDynamicModel).panelCount = 0;
    }
  }
}

type Refusal = Reply<unknown> & { ok: false };

interface QuestionnaireScreenProps {
  token: string;
  questionnaire: Questionnaire;
  onBack: () => void;
  /** The answers as they stand when the screen closes, saved or not yet. */
  onLeave: (data: Answers) => void;
  onSaved: (savedAt: string) => void;
  onSubmitted: (data: Answers, submitted: Submitted) => void;
  /** The server will not take answers any more (campaign closed or not open, link revoked, submitted elsewhere). */
  onRefused: (reply: Refusal) => void;
}

/** One questionnaire: answered with autosave and submitted once, or, once submitted, its receipt and the answers read-only. */
export default function QuestionnaireScreen(props: QuestionnaireScreenProps) {
  const { token, questionnaire, onBack } = props;
  const [language, texts] = useLanguage();
  // What the survey's event handlers read when they run, not when they were attached.
  const live = useRef({ props, language, texts });
  live.current = { props, language, texts };
  const [saveState, setSaveState] = useState<SaveState>(questionnaire.savedAt ? { phase: 'saved', at: questionnaire.savedAt } : { phase: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [{ model, saver }] = useState(() => {
    const model = createModel(questionnaire, language);
    const saver = new DraftSaver(model.data, {
      send: (data, keepalive) => saveDraft(token, questionnaire.evaluationId, data, live.current.language, keepalive),
      onState: setSaveState,
      onSaved: (savedAt) => live.current.props.onSaved(savedAt),
      onRefused: (reply) => live.current.props.onRefused(reply),
    });
    return { model, saver };
  });

  // Switching language keeps the model, and with it the answers in progress.
  useEffect(() => {
    model.locale = surveyLocale(language);
  }, [model, language]);

  useEffect(() => {
    if (model.readOnly) return;
    const changed = () => {
      dropUntargetedCards(model);
      saver.change(model.data);
    };
    const pageChanged = () => void saver.flush();
    const submit = async (_: SurveyModel, options: CompletingEvent) => {
      options.allow = false;
      setUnplaced([]);
      setSubmitting(true);
      await saver.pause();
      const data = model.data;
      const reply = await submitAnswers(token, questionnaire.evaluationId, data, live.current.language);
      setSubmitting(false);
      const { props: current, language: now, texts: words } = live.current;
      if (reply.ok) return current.onSubmitted(data, reply.body);
      saver.resume();
      if (reply.status === 404 || reply.status === 409) return current.onRefused(reply);
      if (reply.errors?.length) setUnplaced(showBallotProblems(model, reply.errors, now));
      options.message = (reply.status > 0 && localized(reply, now)) || words.submitFailed;
    };
    // A phone switching apps or closing the tab may never come back: save on the way out.
    const hidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush(true);
    };
    const leaving = () => void saver.flush(true);
    model.onValueChanged.add(changed);
    model.onCurrentPageChanged.add(pageChanged);
    model.onCompleting.add(submit);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', leaving);
    return () => {
      model.onValueChanged.remove(changed);
      model.onCurrentPageChanged.remove(pageChanged);
      model.onCompleting.remove(submit);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', leaving);
      void saver.flush();
      live.current.props.onLeave(model.data);
    };
  }, [model, saver, token, questionnaire.evaluationId]);

  const submitted = questionnaire.status === 'submitted';
  let status: ReactNode = null;
  if (submitting) status = texts.submitting;
  else if (saveState.phase === 'saving') status = texts.save.saving;
  else if (saveState.phase === 'saved') status = fill(texts.save.saved, { time: formatTime(saveState.at, language) });
  else if (saveState.phase === 'failed')
    status = (
      <>
        {texts.save.failed}
        <button type="button" className="answer-save__retry" onClick={() => void saver.flush()}>
          {texts.save.retry}
        </button>
      </>
    );

  return (
    <div className="answer-questionnaire">
      <div className="answer-toolbar">
        <button type="button" className="answer-back" onClick={onBack}>
          {texts.back}
        </button>
        {!submitted && (
          <p className="answer-save" role="status" data-phase={submitting ? 'submitting' : saveState.phase}>
            {status}
          </p>
        )}
      </div>
      {submitted && <Receipt questionnaire={questionnaire} onBack={onBack} />}
      {unplaced.length > 0 && (
        <ul className="answer-problems" role="alert">
          {unplaced.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <Survey model={model} />
    </div>
  );
}

function Receipt({ questionnaire, onBack }: { questionnaire: Questionnaire; onBack: () => void }) {
  const [language, texts] = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="answer-receipt" aria-labelledby="answer-receipt-title">
      <div className="answer-receipt__icon" aria-hidden="true">
        ✓
      </div>
      <h1 id="answer-receipt-title" className="answer-receipt__title" tabIndex={-1} ref={heading}>
        {texts.receipt.title}
      </h1>
      <dl className="answer-receipt__facts">
        <dt>{texts.receipt.code}</dt>
        <dd className="answer-receipt__code">{questionnaire.receipt}</dd>
        {questionnaire.submittedAt && (
          <>
            <dt>{texts.receipt.time}</dt>
            <dd>{formatDateTime(questionnaire.submittedAt, language)}</dd>
          </>
        )}
      </dl>
      <p className="answer-receipt__hint">{texts.receipt.hint}</p>
      <button type="button" className="plain-button" onClick={onBack}>
        {texts.back}
      </button>
    </section>
  );
}
