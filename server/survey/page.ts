import { createHash } from 'node:crypto';
import type { Satisfaction } from '../../shared/model/index.ts';
import type { SurveyStrings } from './strings.ts';

/**
 * The public survey page: one self-contained HTML document, no script, no external asset. Its only
 * style is the inline sheet below, allowed by hash in a CSP that allows nothing else; the form posts
 * back to the same address, so it works with JavaScript off. Every text from the store (subject, an
 * earlier comment) is escaped: a customer's words are text here, never markup.
 */
const CSS = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1b1f24}
main{max-width:40rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border-radius:8px;border:1px solid #d0d4da}
h1{font-size:1.5rem;margin-top:0}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-weight:600;margin-bottom:.5rem}
.scale{display:flex;flex-wrap:wrap;gap:.25rem}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.75rem;padding:.4rem;border:1px solid #8a929c;border-radius:6px;cursor:pointer}
.scale input:focus-visible+span{outline:3px solid #1a5fb4;outline-offset:2px}
textarea{width:100%;min-height:6rem;font:inherit;box-sizing:border-box}
button{font:inherit;padding:.6rem 1.2rem;background:#1a5fb4;color:#fff;border:0;border-radius:6px;cursor:pointer}
button:focus-visible{outline:3px solid #0b3a75;outline-offset:2px}
.hint{font-size:.875rem;color:#4a525c}
.error{border-left:4px solid #b3261e;padding-left:.75rem}
`;

const CSS_HASH = `'sha256-${createHash('sha256').update(CSS).digest('base64')}'`;

/** The Content-Security-Policy of every survey page: nothing but its own inline style and a form posting to itself. */
export const SURVEY_CSP = `default-src 'none'; style-src ${CSS_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function document(t: SurveyStrings, title: string, body: string): string {
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A radio scale from `from` to `to`; `labels` names some points (all of CSAT's, both ends of the others), read out with the number. */
function scale(name: string, legend: string, from: number, to: number, checked: number | null, labels: (n: number) => string, required: boolean): string {
  const options = [];
  for (let n = from; n <= to; n++) {
    const label = labels(n);
    options.push(
      `<label><input type="radio" name="${name}" value="${n}"${checked === n ? ' checked' : ''}${required && n === from ? ' required' : ''}><span>${n}</span>${label ? `<span class="hint">${escapeHtml(label)}</span>` : ''}</label>`,
    );
  }
  return `<fieldset><legend>${escapeHtml(legend)}</legend><div class="scale">${options.join('')}</div></fieldset>`;
}

/** Names the two ends of a scale. */
const ends = (from: number, to: number, [low, high]: readonly [string, string]) => (n: number) => (n === from ? low : n === to ? high : '');

export interface SurveyForm {
  ticketNumber: number | null;
  subject: string;
  /** The earlier answer, shown pre-filled: answering again replaces it. */
  previous: Satisfaction | null;
  /** Shown above the form after a refused answer. */
  error?: boolean;
}

export function surveyPage(t: SurveyStrings, form: SurveyForm): string {
  const p = form.previous;
  const error = form.error ? `<p class="error" role="alert"><strong>${escapeHtml(t.badAnswerTitle)}.</strong> ${escapeHtml(t.badAnswerBody)}</p>` : '';
  const body = `<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.intro(form.ticketNumber, form.subject))}</p>
${error}
<form method="post">
${scale('csat', t.csat, 1, 5, p?.csat ?? null, (n) => t.csatLabels[n - 1] ?? '', true)}
${scale('ces', `${t.ces} ${t.optional}`, 1, 7, p?.ces ?? null, ends(1, 7, t.cesEnds), false)}
${scale('nps', `${t.nps} ${t.optional}`, 0, 10, p?.nps ?? null, ends(0, 10, t.npsEnds), false)}
<p><label for="comment">${escapeHtml(t.comment)} ${escapeHtml(t.optional)}</label><br>
<textarea id="comment" name="comment" maxlength="5000" aria-describedby="comment-hint">${escapeHtml(p?.comment ?? '')}</textarea>
<span id="comment-hint" class="hint">${escapeHtml(t.commentHint)}</span></p>
<button type="submit">${escapeHtml(t.submit)}</button>
</form>`;
  return document(t, t.title, body);
}

export function thanksPage(t: SurveyStrings, selfPath: string): string {
  return document(t, t.thanks, `<h1>${escapeHtml(t.thanks)}</h1>
<p role="status">${escapeHtml(t.thanksBody)}</p>
<p><a href="${escapeHtml(selfPath)}">${escapeHtml(t.changeAnswer)}</a></p>`);
}

/** A page that says what went wrong, in the customer's words. */
export function problemPage(t: SurveyStrings, kind: 'invalid' | 'expired' | 'not_solved' | 'too_many'): string {
  const texts: Record<typeof kind, readonly [string, string]> = {
    invalid: [t.invalidTitle, t.invalidBody],
    expired: [t.expiredTitle, t.expiredBody],
    not_solved: [t.notSolvedTitle, t.notSolvedBody],
    too_many: [t.tooManyTitle, t.tooManyBody],
  };
  const [title, body] = texts[kind];
  return document(t, title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>`);
}
