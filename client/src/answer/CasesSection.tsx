import './cases.css';
import { useState, type FormEvent } from 'react';
import { formatDateTime } from '../shared/format';
import type { Language } from '../shared/language';
import { casesTexts } from './casesTexts';
import { raiseComplaint, rateHandling } from './casesApi';
import { localized, type HandlingRating, type RaterCase, type Reply } from './raterLink';
import { fill, useLanguage } from './texts';

const RATINGS: HandlingRating[] = ['satisfied', 'basically', 'dissatisfied'];

interface Props {
  token: string;
  cases: RaterCase[];
  onCase: (updated: RaterCase) => void;
  formOpen: boolean;
  onCloseForm: () => void;
}

/** Loaded by the landing page only once the rater opens the complaint form or has cases. */
export default function CasesSection({ token, cases, onCase, formOpen, onCloseForm }: Props) {
  return (
    <>
      {formOpen && (
        <ComplaintForm
          token={token}
          onClose={onCloseForm}
          onSent={(raised) => {
            onCase(raised);
            onCloseForm();
          }}
        />
      )}
      <ul className="answer-cases">
        {cases.map((c) => (
          <CaseItem key={c.id} token={token} item={c} onCase={onCase} />
        ))}
      </ul>
    </>
  );
}

/** The server's message and its listed problems, or the network's. */
function problem(reply: Reply<unknown> & { ok: false }, language: Language): string {
  if (!reply.status) return casesTexts(language).network;
  return [localized(reply, language), ...(reply.errors ?? []).map((e) => localized(e, language))].filter(Boolean).join(' ');
}

function ComplaintForm({ token, onClose, onSent }: { token: string; onClose: () => void; onSent: (raised: RaterCase) => void }) {
  const [language] = useLanguage();
  const t = casesTexts(language);
  const [text, setText] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const reply = await raiseComplaint(token, text, shared, language);
    setBusy(false);
    if (reply.ok) onSent(reply.body);
    else setError(problem(reply, language));
  };
  return (
    <form className="answer-complaint" onSubmit={submit}>
      <h3 className="answer-complaint__title">{t.form}</h3>
      <label htmlFor="complaint-text">{t.text}</label>
      <textarea id="complaint-text" rows={6} maxLength={20000} required autoFocus value={text} aria-describedby="complaint-count" onChange={(e) => setText(e.target.value)} />
      <span id="complaint-count" className="answer-complaint__count">
        {text.length} / 20000
      </span>
      <fieldset>
        <legend>{t.share}</legend>
        <label>
          <input type="radio" name="identity" checked={shared} onChange={() => setShared(true)} /> {t.shareYes}
        </label>
        <label>
          <input type="radio" name="identity" checked={!shared} onChange={() => setShared(false)} /> {t.shareNo}
        </label>
      </fieldset>
      <p className="answer-complaint__how">{t.how}</p>
      {error && (
        <p className="answer-cases__error" role="alert">
          {error}
        </p>
      )}
      <div className="answer-complaint__actions">
        <button type="submit" className="plain-button" disabled={busy || !text.trim()}>
          {busy ? t.sending : t.send}
        </button>
        <button type="button" className="plain-button plain-button--quiet" onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function CaseItem({ token, item, onCase }: { token: string; item: RaterCase; onCase: (updated: RaterCase) => void }) {
  const [language] = useLanguage();
  const t = casesTexts(language);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { status, unit } = item;
  const phase =
    status === 'rejected' ? 'rejected'
    : status === 'replied' || status === 'closed' ? status
    : unit && ['assigned', 'in-progress', 'reopened'].includes(status) ? 'handling'
    : 'received';
  const rate = async (rating: HandlingRating) => {
    setBusy(true);
    const reply = await rateHandling(token, item.id, rating, language);
    setBusy(false);
    setError(reply.ok ? '' : problem(reply, language));
    if (reply.ok) onCase(reply.body);
  };
  return (
    <li className="answer-case">
      <div className="answer-case__head">
        <span className="answer-case__number">
          {item.number}
        </span>
        <span className="answer-case__status" data-phase={phase}>
          {fill(t.status[phase], { unit: unit ? (language === 'en' ? unit.nameEn : unit.nameZh) : '' })}
        </span>
      </div>
      <p className="answer-case__meta">
        {formatDateTime(item.createdAt, language)}
        {item.source === 'ballot' && ` · ${t.fromBallot}`}
      </p>
      <p className="answer-case__text">{item.text}</p>
      {phase === 'rejected' && <p className="answer-case__reason">{item.rejectReason}</p>}
      {item.reply && (
        <div className="answer-case__reply">
          <strong>
            {t.reply}
            {item.repliedAt && ` · ${formatDateTime(item.repliedAt, language)}`}
          </strong>
          <p>{item.reply}</p>
        </div>
      )}
      {item.canRate && (
        <div className="answer-case__rating" role="group" aria-label={t.rate}>
          <span>{t.rate}</span>
          {RATINGS.map((rating) => (
            <button key={rating} type="button" className="answer-case__rate" aria-pressed={item.handlingRating === rating} disabled={busy} onClick={() => void rate(rating)}>
              {t.ratings[rating]}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="answer-cases__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
