import { describe, expect, it } from 'vitest';
import { escapeHtml, fillTemplate, leftoverPlaceholders, PLACEHOLDERS, templateToHtml, type TemplateContext } from '../../../shared/rules/macro-template.ts';

const ctx: TemplateContext = {
  contact: { name: 'Carla Maria Customer', email: 'carla@customer.example' },
  account: { name: 'Acme & Sons' },
  ticket: { number: 42, subject: 'Export fails' },
  agent: { name: 'Alex Morgan' },
};

describe('fillTemplate', () => {
  it('fills every known placeholder from the ticket, its customer and the agent', () => {
    const template = PLACEHOLDERS.map((p) => `{{${p}}}`).join('|');
    const filled = fillTemplate(template, ctx);
    expect(filled.text).toBe('Carla|Carla Maria Customer|carla@customer.example|Acme & Sons|#42|Export fails|Alex|Alex Morgan');
    expect(filled.problems).toEqual([]);
  });

  it('accepts spaces inside the braces and leaves other text as written', () => {
    expect(fillTemplate('Hi {{ contact.first_name }}, {single} {{', ctx).text).toBe('Hi Carla, {single} {{');
  });

  it('reports unknown and empty placeholders once each, in order, and keeps them visible in the text', () => {
    const filled = fillTemplate('{{contact.nickname}} at {{account.name}} {{ticket.number}} {{contact.nickname}}', { ...ctx, account: null, ticket: { number: null, subject: 'x' } });
    expect(filled.problems).toEqual([
      { name: 'contact.nickname', reason: 'unknown' },
      { name: 'account.name', reason: 'empty' },
      { name: 'ticket.number', reason: 'empty' },
    ]);
    expect(filled.text).toBe('{{contact.nickname}} at {{account.name}} {{ticket.number}} {{contact.nickname}}');
    expect(filled.parts.filter((p) => p.type === 'placeholder').map((p) => p.type === 'placeholder' && p.known)).toEqual([false, true, true, false]);
  });

  it('treats a blank value as empty, never as a silent gap', () => {
    expect(fillTemplate('Dear {{contact.first_name}}', { contact: { name: '   ', email: 'x@y.z' } }).problems).toEqual([{ name: 'contact.first_name', reason: 'empty' }]);
  });
});

describe('templateToHtml', () => {
  it('escapes every value and literal, one paragraph per line', () => {
    const filled = fillTemplate('Hi {{contact.name}},\n\n<b>bold?</b> & "quotes"', { contact: { name: '<img src=x onerror=alert(1)>', email: 'e@x.io' } });
    expect(templateToHtml(filled)).toBe('<p>Hi &lt;img src=x onerror=alert(1)&gt;,</p><p></p><p>&lt;b&gt;bold?&lt;/b&gt; &amp; &quot;quotes&quot;</p>');
  });

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href='x'>&"</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;');
  });
});

describe('leftoverPlaceholders', () => {
  it('finds placeholders still in a text about to be sent, each once', () => {
    expect(leftoverPlaceholders('Hi {{contact.first_name}}, {{ account.name }} {{contact.first_name}}')).toEqual(['{{contact.first_name}}', '{{account.name}}']);
    expect(leftoverPlaceholders('Hi Carla, {not one}')).toEqual([]);
  });
});
