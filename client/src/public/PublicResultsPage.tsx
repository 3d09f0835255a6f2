import './public-results.css';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';
import { changeLanguage } from '../i18n';
import { OFFICE_TIME_ZONE } from '../shared/format';
import { isLanguage, DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { LanguageToggle } from '../shared/LanguageToggle';
import { PageLoading } from '../shared/PageLoading';
import { PlainFrame } from '../shared/PlainFrame';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { PUBLIC_RESULTS_TEXTS } from './publicResultsTexts';
import { AWARDS, categoryName, compareCategories, type Names } from './resultNames';

type PublicResultsDto = components['schemas']['PublicResultsDto'];
type PublicAwardDto = components['schemas']['PublicAwardDto'];

/**
 * The awards of a published campaign, for everyone, in Chinese and English. Outside the console:
 * no sign-in, no antd, only the router, i18next for the language and the API client.
 */
export function Component() {
  const { slug = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const texts = PUBLIC_RESULTS_TEXTS[language];
  const [state, setState] = useState<{ results?: PublicResultsDto; error?: unknown }>({});
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);

  useEffect(() => {
    let current = true;
    setState({});
    unwrap(api.GET('/api/public/results/{slug}', { params: { path: { slug } } })).then(
      (results) => current && setState({ results }),
      (error: unknown) => current && setState({ error }),
    );
    return () => {
      current = false;
    };
  }, [slug, attempt]);

  const notPublished = state.error instanceof ApiError && state.error.status === 404;
  useDocumentTitle(state.results ? texts.heading(state.results.year) : notPublished ? texts.notPublished.title : undefined);

  return (
    <div className="public-results-page">
      <PlainFrame brand={t('appName')} toggle={<LanguageToggle active={language} onChange={(next) => void changeLanguage(next)} label={t('language')} />}>
        {state.results && <Results results={state.results} language={language} />}
        {notPublished && (
          <section className="plain-message" role="alert">
            <h1 className="plain-message__title">{texts.notPublished.title}</h1>
            <p className="plain-message__text">{texts.notPublished.text}</p>
          </section>
        )}
        {state.error !== undefined && !notPublished && (
          <section className="plain-message" role="alert">
            <p className="plain-message__text">{texts.failed}</p>
            <button type="button" className="plain-button" onClick={retry}>
              {texts.retry}
            </button>
          </section>
        )}
        {!state.results && state.error === undefined && <PageLoading />}
      </PlainFrame>
    </div>
  );
}

function Results({ results, language }: { results: PublicResultsDto; language: Language }) {
  const texts = PUBLIC_RESULTS_TEXTS[language];
  const announced = AWARDS.filter((award) => results.categories.some((line) => line.unitType === award.unitType) || results.awards.some((a) => a.award === award.kind));
  return (
    <article className="public-results">
      <header className="public-results__head">
        <h1 className="public-results__title">{texts.heading(results.year)}</h1>
        <p className="public-results__subtitle" lang={language === 'en' ? 'zh-CN' : 'en'}>
          {texts.subheading(results.year)}
        </p>
        <p className="public-results__campaign">
          {results.title} · <time dateTime={results.publishedAt}>{texts.published(formatDate(results.publishedAt, language))}</time>
        </p>
        <p className="public-results__intro">{texts.intro}</p>
      </header>
      {results.awards.length === 0 && <p className="public-results__none">{texts.noAwards}</p>}
      {announced.map((award) => (
        <section key={award.kind} className="public-results__award" aria-labelledby={`award-${award.kind}`}>
          <h2 id={`award-${award.kind}`} className="public-results__award-title">
            <BilingualText names={award.names} language={language} />
          </h2>
          {texts.awardNotes[award.kind] && <p className="public-results__award-note">{texts.awardNotes[award.kind]}</p>}
          {categoriesOf(results, award.unitType, award.kind).map((category) => (
            <Category key={category} category={category} awards={results.awards.filter((a) => a.award === award.kind && a.category === category)} language={language} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Category({ category, awards, language }: { category: string; awards: PublicAwardDto[]; language: Language }) {
  const texts = PUBLIC_RESULTS_TEXTS[language];
  const ordered = [...awards].sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.code.localeCompare(b.code));
  return (
    <section className="public-results__category">
      <h3 className="public-results__category-title">
        <BilingualText names={{ zh: category, en: categoryName(category, 'en') }} language={language} />
      </h3>
      {ordered.length === 0 ? (
        <p className="public-results__none">{texts.none}</p>
      ) : (
        <ol className="public-results__units">
          {ordered.map((unit) => (
            <li key={unit.code} className="public-results__unit">
              <BilingualText names={{ zh: unit.nameZh, en: unit.nameEn }} language={language} />
              <span className="public-results__figures">
                {unit.rank !== null && <span>{texts.rank(unit.rank)}</span>}
                {unit.composite !== null && (
                  <span>
                    {texts.composite} {unit.composite.toFixed(2)}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The name in the page's language, the other language's below it (where it differs). */
function BilingualText({ names, language }: { names: Names; language: Language }) {
  const english = language === 'en';
  const primary = english ? names.en || names.zh : names.zh;
  const secondary = english ? names.zh : names.en;
  return (
    <span className="public-results__names">
      <span className="public-results__name" lang={english && names.en ? 'en' : 'zh-CN'}>
        {primary}
      </span>
      {secondary && secondary !== primary && (
        <span className="public-results__name-secondary" lang={english ? 'zh-CN' : 'en'}>
          {secondary}
        </span>
      )}
    </span>
  );
}

/** The categories of a unit type: those the results rank, and any an award names. */
function categoriesOf(results: PublicResultsDto, unitType: string, kind: string): string[] {
  const names = new Set(results.categories.filter((line) => line.unitType === unitType).map((line) => line.category));
  for (const award of results.awards) if (award.award === kind) names.add(award.category);
  return [...names].sort(compareCategories);
}

function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeZone: OFFICE_TIME_ZONE }).format(new Date(iso));
}
