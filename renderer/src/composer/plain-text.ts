/**
 * The plain-text rendering of the composer's HTML: what email clients without HTML and search see.
 * Paragraphs are separated by a blank line, list items get "- " or "1. ", a link whose text is not
 * its address gets the address in brackets, code blocks keep their lines.
 */
export function htmlToPlainText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const blocks = blockText(doc.body, '');
  return blocks
    .join('\n\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCKS = new Set(['P', 'DIV', 'PRE', 'UL', 'OL', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR']);

function blockText(parent: Element, indent: string): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline.trim() !== '') out.push(inline);
    inline = '';
  };
  for (const node of parent.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && BLOCKS.has((node as Element).tagName)) {
      flush();
      out.push(...elementBlock(node as Element, indent));
    } else {
      inline += inlineText(node);
    }
  }
  flush();
  return out;
}

function elementBlock(el: Element, indent: string): string[] {
  switch (el.tagName) {
    case 'PRE':
      return [el.textContent.replace(/\n$/, '')];
    case 'HR':
      return ['---'];
    case 'UL':
    case 'OL': {
      const items = [...el.children].filter((c) => c.tagName === 'LI');
      const start = Number(el.getAttribute('start') ?? '1') || 1;
      const lines = items.map((li, i) => {
        const marker = el.tagName === 'OL' ? `${start + i}. ` : '- ';
        const [first = '', ...rest] = blockText(li, `${indent}  `);
        return [`${indent}${marker}${first.trimStart()}`, ...rest].join('\n');
      });
      return [lines.join('\n')];
    }
    case 'BLOCKQUOTE':
      return [blockText(el, indent).join('\n\n').replace(/^/gm, '> ')];
    default: {
      const text = [...el.childNodes].map(inlineText).join('');
      return text.trim() === '' ? [] : [text];
    }
  }
}

function inlineText(node: ChildNode): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as Element;
  if (el.tagName === 'BR') return '\n';
  if (BLOCKS.has(el.tagName)) return `\n${elementBlock(el, '').join('\n')}\n`;
  const text = [...el.childNodes].map(inlineText).join('');
  if (el.tagName === 'A') {
    const href = el.getAttribute('href') ?? '';
    const bare = href.replace(/^mailto:/, '');
    return href && text.trim() !== bare && text.trim() !== href ? `${text} (${bare})` : text;
  }
  return text;
}
