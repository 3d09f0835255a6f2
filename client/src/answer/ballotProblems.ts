import type { PageModel, Question, QuestionPanelDynamicModel, SurveyModel } from 'survey-core';
import type { Language } from '../shared/language';
import { localized, type FieldProblem } from './raterLink';

interface Located {
  question: Question;
  /** The dynamic panel and the card the question sits on, for `ratings[2].attitude`. */
  card?: { owner: QuestionPanelDynamicModel; index: number };
}

/** `question`, `question-Comment`, `matrix.row`, `ratings[2].attitude`, `ratings[2].attitude-Comment`. */
const FIELD = /^([^.[]+?)(?:-Comment)?(?:\[(\d+)\]\.([^.[]+?)(?:-Comment)?)?(?:\..*)?$/;

function byName(model: SurveyModel, name: string): Question | undefined {
  return model.getQuestionByName(name) ?? model.getQuestionByValueName(name) ?? undefined;
}

function locate(model: SurveyModel, field: string): Located | undefined {
  const [, name, index, inner] = FIELD.exec(field) ?? [];
  if (!name) return undefined;
  if (index === undefined || !inner) {
    const question = byName(model, name);
    return question && { question };
  }
  const owner = [model.getQuestionByName(name), ...model.getQuestionsByValueName(name)].find(
    (question): question is QuestionPanelDynamicModel => question?.getType() === 'paneldynamic',
  );
  const question = owner?.panels[Number(index)]?.getQuestionByName(inner) as Question | undefined;
  if (question) return { question, card: { owner: owner!, index: Number(index) } };
  return owner && { question: owner };
}

/**
 * Puts the server's per-question messages under the questions they are about
 * and brings the first one into view (its page, its card of the carousel).
 * Returns the messages that no question could take, to be shown on their own.
 */
export function showBallotProblems(model: SurveyModel, problems: FieldProblem[], language: Language): string[] {
  const unplaced: string[] = [];
  let first: Located | undefined;
  for (const problem of problems) {
    const text = localized(problem, language) ?? problem.field;
    const located = locate(model, problem.field);
    if (!located) {
      unplaced.push(text);
      continue;
    }
    located.question.addError(text);
    first ??= located;
  }
  if (first) {
    const { question, card } = first;
    const page = (card?.owner ?? question).page as PageModel | undefined;
    if (page && page !== model.currentPage) model.currentPage = page;
    if (card) card.owner.currentIndex = card.index;
    question.focus(true);
  }
  return unplaced;
}
