/**
 * Macro templates: a body with {{placeholders}} filled from the ticket, its customer and the agent.
 * A placeholder that is unknown, or known but empty here (a contact without an account), is never
 * filled with nothing and never sent as "{{…}}" silently: it stays in the text, and is reported so the
 * UI can highlight it and ask before sending.
 */

export const PLACEHOLDERS = [
  'contact.first_name',
  'contact.name',
  'contact.email',
  'account.name',
  'ticket.number',
  'ticket.subject',
  'agent.first_name',
  'agent.name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** What a template is filled from; anything missing makes its placeholders "empty". */
export interface TemplateContext {
  contact?: { name: string; email: string } | null;
  account?: { name: string } | null;
  ticket?: { number: number | null; subject: string } | null;
  agent?: { name: string } | null;
}

export type TemplatePart = { type: 'text'; text: string } | { type: 'placeholder'; name: string; value: string | null; known: boolean };

export interface PlaceholderProblem {
  /** As written between the braces, trimmed. */
  name: string;
  reason: 'unknown' | 'empty';
}

export interface FilledTemplate {
  /** The filled text; problem placeholders stay as `{{name}}`. */
  text: string;
  parts: TemplatePart[];
  /** Each problem placeholder once, in order of first appearance. */
  problems: PlaceholderProblem[];
}

/** `{{ name }}`: letters, digits, dots, underscores and dashes; spaces inside the braces are allowed. */
const PLACEHOLDER_RE = /\{\{\s*([^{}\s]*)\s*\}\}/g;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';
const nonEmpty = (s: string | null | undefined) => (s !== null && s !== undefined && s.trim() !== '' ? s : null);

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** The value of a known placeholder in this context, or null when there is nothing to fill it with. */
export function placeholderValue(name: Placeholder, ctx: TemplateContext): string | null {
  switch (name) {
    case 'contact.first_name':
      return nonEmpty(ctx.contact && firstName(ctx.contact.name));
    case 'contact.name':
      return nonEmpty(ctx.contact?.name);
    case 'contact.email':
      return nonEmpty(ctx.contact?.email);
    case 'account.name':
      return nonEmpty(ctx.account?.name);
    case 'ticket.number':
      return ctx.ticket?.number === null || ctx.ticket?.number === undefined ? null : `#${ctx.ticket.number}`;
    case 'ticket.subject':
      return nonEmpty(ctx.ticket?.subject);
    case 'agent.first_name':
      return nonEmpty(ctx.agent && firstName(ctx.agent.name));
    case 'agent.name':
      return nonEmpty(ctx.agent?.name);
  }
}

export function fillTemplate(template: string, ctx: TemplateContext): FilledTemplate {
  const parts: TemplatePart[] = [];
  const problems: PlaceholderProblem[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER_RE)) {
    const at = match.index;
    if (at > last) parts.push({ type: 'text', text: template.slice(last, at) });
    const name = match[1] ?? '';
    const known = isPlaceholder(name);
    const value = known ? placeholderValue(name, ctx) : null;
    parts.push({ type: 'placeholder', name, value, known });
    if (value === null && !problems.some((p) => p.name === name)) problems.push({ name, reason: known ? 'empty' : 'unknown' });
    last = at + match[0].length;
  }
  if (last < template.length) parts.push({ type: 'text', text: template.slice(last) });
  const text = parts.map((p) => (p.type === 'text' ? p.text : (p.value ?? `{{${p.name}}}`))).join('');
  return { text, parts, problems };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/**
 * The filled template as rich text for the editor: every value and every literal HTML-escaped (a
 * contact named "<b>Eve</b>" is text, not markup), one paragraph per line, blank lines kept as
 * empty paragraphs.
 */
export function templateToHtml(filled: FilledTemplate): string {
  return filled.text
    .split(/\r?\n/)
    .map((line) => (line === '' ? '<p></p>' : `<p>${escapeHtml(line)}</p>`))
    .join('');
}

/** Placeholders still written in a text about to be sent (unfilled, or typed by hand). */
export function leftoverPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_RE)].map((m) => `{{${m[1] ?? ''}}}`))];
}
