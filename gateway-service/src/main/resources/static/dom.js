// Tiny DOM helpers. Everything that comes from a user or the model is inserted as text, never as HTML.

/** Creates an element: el('button', {class: 'x', onclick: fn, 'aria-label': '...'}, 'text', childNode, ...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (value === true) node.setAttribute(name, '');
    else node.setAttribute(name, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/** Announces a short status line to screen readers and shows it in the status bar. */
export function announce(text, kind = 'info') {
  const status = $('#status');
  status.textContent = text;
  status.dataset.kind = kind;
  clearTimeout(announce.timer);
  if (text) announce.timer = setTimeout(() => { status.textContent = ''; }, kind === 'error' ? 8000 : 4000);
}

/** Shows an error's message (ApiError messages are the API's own sentences). */
export const report = error => announce(error?.message || String(error), 'error');

/** A date string of the API as a short local date and time ("" for nothing). */
export function when(iso) {
  if (!iso) return '';
  const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : iso + 'Z');
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A growing textarea that sends its form on Enter (Shift+Enter for a new line). */
export function bindComposer(textarea, form) {
  const grow = () => {
    textarea.style.height = 'auto';
    textarea.style.height = Math.min(textarea.scrollHeight, 200) + 'px';
  };
  textarea.addEventListener('input', grow);
  textarea.addEventListener('keydown', event => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  /** Takes the trimmed text out of the box (and shrinks it back). */
  return () => {
    const text = textarea.value.trim();
    textarea.value = '';
    grow();
    return text;
  };
}

/** The three animated dots of an answer that has not started yet. */
export const typingDots = () => el('span', { class: 'typing', 'aria-hidden': 'true' }, el('i'), el('i'), el('i'));

/** The note shown under an answer about a sensitive topic ({primary_category, message} of the API). */
export const disclaimerNote = disclaimer =>
  el('p', { class: 'disclaimer', role: 'note' }, el('strong', {}, 'Please note: '), disclaimer.message || '');
