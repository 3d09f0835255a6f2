// This module is the only one in the console that loads survey-core and survey-react-ui: the
// questionnaire tab imports it lazily, and the public answer page has its own screen.
import 'survey-core/survey-core.fontless.css';
import 'survey-core/i18n/simplified-chinese';
import { useEffect, useMemo, useRef } from 'react';
import { Model, surveyLocalization, type SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import type { EvaluationKind } from '../../api/models';
import { pathsByObject, ROOT_PATH } from './jsonText';
import type { SurveyJson } from './questionnaireApi';

// As on the answer page: the questionnaires keep their Chinese under "default" (JSON locale zh-cn).
surveyLocalization.defaultLocale = 'zh-cn';

/** The console's own fonts; survey-core's default theme would ask for a web font. */
const THEME = { cssVariables: { '--sjs-font-family': 'inherit', '--sjs-primary-backcolor': '#1d4f91' } };

export type PreviewLanguage = 'zh' | 'en';
const surveyLocale = (language: PreviewLanguage) => (language === 'en' ? 'en' : '');

/** What survey-core says of the JSON: its message and the path of the object it is about. */
export interface SurveyCoreProblem {
  message: string;
  path: string;
}

interface SurveyPreviewProps {
  survey: SurveyJson;
  kind: EvaluationKind;
  language: PreviewLanguage;
  /** Called with survey-core's JSON errors each time the questionnaire changes, and the questionnaire they are about. */
  onProblems: (problems: SurveyCoreProblem[], survey: SurveyJson) => void;
}

const EXAMPLE_TARGETS: Record<'department' | 'district', [string, string][]> = {
  department: [['示例部门一', 'Example department 1'], ['示例部门二', 'Example department 2'], ['示例部门三', 'Example department 3']],
  district: [['示例区县一', 'Example district 1'], ['示例区县二', 'Example district 2']],
};

/**
 * The server fills the targets from the directory when it serves the questionnaire; the preview
 * shows examples in their place, so that ticking one opens its rating card.
 */
function withExampleTargets(survey: SurveyJson, kind: EvaluationKind): SurveyJson {
  if (kind === 'csr-declaration') return survey;
  const examples = EXAMPLE_TARGETS[kind === 'enterprise-rates-districts' ? 'district' : 'department'];
  const choices = examples.map(([zh, en], i) => ({ value: `EXAMPLE-${i + 1}`, text: { default: zh, en } }));
  const fill = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as Record<string, unknown>[]) {
      if (element?.name === 'targets' && element.type === 'checkbox') element.choices = choices;
      if (element?.type === 'panel') fill(element.elements);
    }
  };
  const copy = JSON.parse(JSON.stringify(survey)) as { pages?: { elements?: unknown }[] };
  if (Array.isArray(copy.pages)) for (const page of copy.pages) fill(page?.elements);
  return copy as SurveyJson;
}

/** The questionnaire as a rater would see it, rebuilt on every change at the page and with the answers the previous one had. */
export default function SurveyPreview({ survey, kind, language, onProblems }: SurveyPreviewProps) {
  const previous = useRef<SurveyModel | null>(null);
  const languageNow = useRef(language);
  languageNow.current = language;
  const { model, paths } = useMemo(() => {
    const json = withExampleTargets(survey, kind);
    const next = new Model(json);
    next.applyTheme(THEME);
    next.showCompletedPage = false;
    next.locale = surveyLocale(languageNow.current);
    const old = previous.current;
    if (old) {
      next.data = old.data;
      if (old.currentPageNo < next.visiblePageCount) next.currentPageNo = old.currentPageNo;
    }
    return { model: next, paths: pathsByObject(json) };
  }, [survey, kind]);

  useEffect(() => {
    previous.current = model;
    onProblems((model.jsonErrors ?? []).map((error) => ({ message: error.message, path: (error.jsonObj && paths.get(error.jsonObj)) || ROOT_PATH })), survey);
  }, [model, paths, survey, onProblems]);

  useEffect(() => {
    model.locale = surveyLocale(language);
  }, [model, language]);

  // A completed preview starts again rather than showing an empty page.
  useEffect(() => {
    const restart = (sender: SurveyModel) => sender.clear(true, true);
    model.onComplete.add(restart);
    return () => model.onComplete.remove(restart);
  }, [model]);

  return <Survey model={model} />;
}
