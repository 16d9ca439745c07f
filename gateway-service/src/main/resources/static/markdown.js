// Model answers as Markdown: marked (Markdown → HTML) then DOMPurify (an allow-list sanitizer), both vendored in
// vendor/ (versions and sources in vendor/README.md). Two independent guards keep the model's words from becoming
// markup: raw HTML in the Markdown is escaped by the renderer, so `<script>` or `<img onerror>` show as text; and the
// result goes through DOMPurify with a short list of tags and attributes, returned as a DOM fragment (no innerHTML).
import { Marked } from './vendor/marked.esm.js';
import DOMPurify from './vendor/purify.es.js';
import { el, announce, report } from './dom.js';

const escapeHtml = text => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html({ text }) { return escapeHtml(text); }, // raw HTML of the model: literal text, never markup
    image({ href, text }) { // no images from the model (tracking pixels); the alt text links to the address
      return `<a href="${escapeHtml(href || '')}">${escapeHtml(text || href || '')}</a>`;
    }
  }
});

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'input'];
const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', node => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'INPUT' && node.getAttribute('type') !== 'checkbox') node.remove(); // task-list boxes only
});
const PURIFY = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'title', 'class', 'start', 'type', 'checked', 'disabled', 'align'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i, // no javascript:, data: or relative addresses
  RETURN_DOM_FRAGMENT: true
};

/** The Markdown text as a sanitized DocumentFragment, code blocks with a Copy button. */
export function renderMarkdown(text) {
  const fragment = purifier.sanitize(marked.parse(text || '').trim(), PURIFY);
  for (const pre of fragment.querySelectorAll('pre')) {
    const code = pre.textContent;
    const language = /language-([\w+-]+)/.exec(pre.querySelector('code')?.className || '')?.[1];
    const block = el('div', { class: 'code-block' },
      el('div', { class: 'code-head' }, el('span', {}, language || 'code'),
        el('button', { type: 'button', class: 'ghost tiny', onclick: () => copyText(code, 'Code copied.') }, 'Copy code')));
    pre.replaceWith(block);
    block.append(pre);
  }
  return fragment;
}

/** Puts text on the clipboard and says so. */
export async function copyText(text, done = 'Copied.') {
  try {
    await navigator.clipboard.writeText(text);
    announce(done);
  } catch (error) {
    report(new Error('Could not copy: ' + (error?.message || error)));
  }
}
