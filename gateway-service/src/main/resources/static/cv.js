// The conversational CV / cover-letter builder (cv-chat-api.md) with a live preview, progress and export.
import { ApiError, call, send, readEvents, download } from './api.js';
import { renderMarkdown } from './markdown.js';
import { $, el, fill, announce, report, when, bindComposer, typingDots } from './dom.js';

const SECTIONS = {
  cv: ['personal_info', 'summary', 'experience', 'education', 'skills', 'key_projects_achievements'],
  cover_letter: ['personal_info', 'company', 'position', 'opening', 'body_paragraphs', 'closing']
};
const LABELS = {
  personal_info: 'Personal info', summary: 'Summary', experience: 'Experience', education: 'Education',
  skills: 'Skills', key_projects_achievements: 'Key projects', company: 'Company', position: 'Position',
  opening: 'Opening', body_paragraphs: 'Body', closing: 'Closing'
};
let state = { sessionId: null, docType: 'cv', busy: false, documentId: null };
const placeholderNode = $('#cvPlaceholder');

const list = value => (Array.isArray(value) ? value : []);

function bubble(role, content) {
  const user = role === 'user';
  const node = el('div', { class: 'msg ' + (user ? 'user' : 'ai') },
    el('span', { class: 'sr-only' }, user ? 'You said: ' : 'Assistant: '),
    el('div', { class: user ? 'text' : 'text md' }, user ? content : renderMarkdown(content)));
  $('#cvMessages').append(node);
  $('#cvMessages').scrollTop = $('#cvMessages').scrollHeight;
  return node;
}

// ---- preview: the export's own HTML template (GET /chat/session/{id}/preview), in a shadow root with its styles
const previewHost = $('#cvPreview');
const previewRoot = previewHost.attachShadow({ mode: 'open' });
let previewAsked = 0;

/** The template's style sheet for the shadow root: `body` becomes the wrapper, print-only rules go. */
function previewSheet(css) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host { display: block; } .doc { padding: 1.1rem 1.2rem; background: #fff; }\n'
    + css.replace(/@page\s*\{[^}]*\}/g, '').replace(/(^|[\s,}])body(?=[\s.{:,])/g, '$1.doc'));
  return sheet;
}

async function renderPreview() {
  const asked = ++previewAsked;
  if (!state.sessionId) {
    previewRoot.adoptedStyleSheets = [];
    fill(previewRoot, el('p', { class: 'muted' }, 'Your document appears here as we talk.'));
    previewHost.classList.remove('template');
    return;
  }
  const template = $('#template').value;
  const response = await send('GET', `/chat/session/${encodeURIComponent(state.sessionId)}/preview?template=${encodeURIComponent(template)}`);
  // the style sheet is taken out as text (a <style> parsed into a document would count as inline style for the CSP);
  // the rest is parsed inert (nothing runs or loads)
  const css = [];
  const html = (await response.text()).replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, (_, text) => { css.push(text); return ''; });
  const page = new DOMParser().parseFromString(html, 'text/html');
  if (asked !== previewAsked) return;
  // the server escaped every value; the page is sanitized all the same before it is shown
  const body = purifyPreview(page.body);
  previewRoot.adoptedStyleSheets = [previewSheet(css.join('\n'))];
  fill(previewRoot, el('div', { class: `doc ${page.body.className}` }, body));
  previewHost.classList.add('template');
}

function purifyPreview(body) {
  body.querySelectorAll('script, style, link, iframe, object, embed, img').forEach(node => node.remove());
  for (const node of body.querySelectorAll('*')) {
    for (const attribute of [...node.attributes]) {
      const keep = attribute.name === 'class' || (attribute.name === 'href' && /^(mailto:|https?:)/i.test(attribute.value));
      if (!keep) node.removeAttribute(attribute.name);
    }
    if (node.tagName === 'A') { node.setAttribute('target', '_blank'); node.setAttribute('rel', 'noopener noreferrer'); }
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...[...body.childNodes].map(node => document.importNode(node, true)));
  return fragment;
}

function update({ data, progress, collected }) {
  state.data = data;
  state.progress = Math.max(0, Math.min(100, progress || 0));
  state.missing = SECTIONS[state.docType].filter(name => !(collected || []).includes(name));
  renderPreview().catch(report);
  const value = state.progress;
  $('#progressFill').style.width = value + '%';
  $('#progressValue').textContent = value + ' %';
  $('#progressBar').setAttribute('aria-valuenow', String(value));
  $('#progressBar').classList.toggle('complete', value >= 100);
  const missing = state.missing;
  $('#missingLead').textContent = missing.length ? 'Still missing:' : 'All sections collected — ready to finalize.';
  fill($('#missingList'), missing.map(name => el('li', { class: 'chip' }, LABELS[name] || name)));
  $('#finalize').disabled = !state.sessionId;
  $('#editFields').disabled = !state.sessionId;
  $('#jsonResume').hidden = state.docType !== 'cv';
  armFinalize(false);
}

function collectedOf(answer) {
  if (Array.isArray(answer.fields_collected)) return answer.fields_collected;
  // the start answer has no fields_collected: derive it from progress where the rule is known (CV: name+title only)
  return answer.progress >= 100 ? SECTIONS[state.docType] : [];
}

/** The downloads of the session's document (the server knows it: session.document_id), in every format. */
async function showDownloads(doc) {
  const id = state.documentId;
  $('#downloads').hidden = !id;
  if (!id) return;
  $('#openDocument').href = '#/documents/' + encodeURIComponent(id);
  doc ??= (await call('GET', '/documents/' + encodeURIComponent(id))).document;
  if (state.documentId !== id) return;
  state.document = doc;
  $('#finalizedNote').textContent = `“${doc.title}” — version ${doc.current_version}.`;
}

// ---- sessions
async function loadSessions() {
  const { sessions } = await call('GET', '/chat/sessions');
  const select = $('#cvSessions');
  fill(select, el('option', { value: '' }, 'New document'),
    sessions.map(s => el('option', { value: s.session_id },
      [s.title || 'Untitled', s.doc_type === 'cover_letter' ? 'Cover letter' : 'CV', when(s.updated_at), s.progress + ' %',
        s.status === 'completed' ? 'finalized' : ''].filter(Boolean).join(' · '))));
  select.value = state.sessionId || '';
}

function reset() {
  state = { sessionId: null, docType: $('#docType').value, busy: false, documentId: null };
  fill($('#cvMessages'), placeholderNode);
  $('#docType').disabled = false;
  $('#cvInput').placeholder = 'Tell me about yourself…';
  update({ data: null, progress: 0, collected: [] });
  showDownloads().catch(report);
}

async function openSession(id) {
  if (!id) { reset(); return; }
  const session = await call('GET', '/chat/session/' + encodeURIComponent(id));
  state = { sessionId: id, docType: session.doc_type, busy: false, documentId: session.document_id || null };
  $('#docType').value = session.doc_type;
  $('#docType').disabled = true;
  fill($('#cvMessages'));
  for (const message of session.conversation_history) {
    bubble(message.role, list(message.parts).map(p => p.text).join(''));
  }
  $('#cvInput').placeholder = 'Your answer…';
  update({ data: session.current_cv_data, progress: session.progress, collected: session.fields_collected });
  showDownloads().catch(report);
}

async function sendTurn(message) {
  state.busy = true;
  $('#cvSend').disabled = true;
  placeholderNode.remove();
  const question = bubble('user', message);
  const reply = bubble('model', '');
  reply.classList.add('pending');
  const body = reply.querySelector('.text');
  body.append(typingDots());
  $('#cvLive').textContent = 'The assistant is answering…';
  let responded = false; // a request that got no response at all did not reach the server: the text goes back
  try {
    let answer;
    if (!state.sessionId) {
      state.docType = $('#docType').value;
      const response = await send('POST', '/chat/start', { body: { initial_message: message, doc_type: state.docType } });
      responded = true;
      answer = await response.json();
      state.sessionId = answer.session_id;
      $('#docType').disabled = true;
      history.replaceState(null, '', '#/cv/' + answer.session_id);
    } else {
      const response = await send('POST', '/chat/message',
        { body: { session_id: state.sessionId, message }, accept: 'text/event-stream' });
      responded = true;
      let streamed = '';
      await readEvents(response, (data, name) => {
        if (name === 'chunk') { streamed += data.text || ''; body.textContent = streamed; }
        else if (name === 'done') answer = data;
        else if (name === 'error') throw new Error(data.error || 'The assistant could not answer.');
      });
      if (!answer) throw new Error('The connection ended before the answer was complete.');
    }
    body.replaceChildren(renderMarkdown(answer.message));
    reply.classList.remove('pending');
    $('#cvMessages').scrollTop = $('#cvMessages').scrollHeight;
    $('#cvLive').textContent = 'Assistant: ' + answer.message + ` Progress ${answer.progress} percent.`;
    update({ data: answer.cv_data, progress: answer.progress, collected: collectedOf(answer) });
    $('#cvInput').placeholder = 'Your answer…';
    loadSessions().catch(() => {});
  } catch (error) {
    if (!responded && !(error instanceof ApiError)) {
      question.remove();
      reply.remove();
      input.value = message;
      input.dispatchEvent(new Event('input'));
      report(new Error('Your answer could not be sent: no connection to the server. Press Send to try again.'));
      return;
    }
    reply.classList.remove('pending');
    reply.classList.add('failed');
    body.textContent = '';
    reply.append(el('p', { class: 'error-line', role: 'alert' }, error.message));
  } finally {
    state.busy = false;
    $('#cvSend').disabled = false;
  }
}

// ---- wiring
const input = $('#cvInput');
const takeInput = bindComposer(input, $('#cvForm'));
$('#cvForm').addEventListener('submit', event => {
  event.preventDefault();
  if (!input.value.trim() || state.busy) return;
  sendTurn(takeInput()).catch(report);
});
$('#docType').addEventListener('change', () => { if (!state.sessionId) reset(); });
$('#cvSessions').addEventListener('change', event => {
  location.hash = event.target.value ? '#/cv/' + event.target.value : '#/cv';
});

// ---- finalize: a warning first when sections are missing (a second press goes ahead)
function armFinalize(armed) {
  $('#finalizeForm').dataset.armed = armed ? 'yes' : '';
  const warning = $('#finalizeWarning');
  warning.hidden = !armed;
  if (armed) {
    warning.textContent = `Your document is ${state.progress} % complete. Still missing: `
      + state.missing.map(name => LABELS[name] || name).join(', ') + '. Finalize it anyway?';
  }
  $('#finalize').textContent = armed ? 'Finalize anyway' : 'Finalize document';
}

$('#finalizeForm').addEventListener('submit', async event => {
  event.preventDefault();
  if (!state.sessionId) return;
  if (state.missing?.length && !$('#finalizeForm').dataset.armed) { armFinalize(true); return; }
  armFinalize(false);
  const button = $('#finalize');
  button.disabled = true;
  try {
    const body = { template_code: $('#template').value };
    const title = $('#docTitle').value.trim();
    if (title) body.title = title;
    const answer = await call('POST', `/chat/session/${encodeURIComponent(state.sessionId)}/finalize`, body);
    state.documentId = answer.document.id;
    await showDownloads(answer.document);
    announce(answer.message);
    loadSessions().catch(() => {});
  } catch (error) {
    report(error);
  } finally {
    button.disabled = false;
  }
});
$('#template').addEventListener('change', () => renderPreview().catch(report));

$('#downloads').addEventListener('click', async event => {
  const format = event.target.closest('button[data-format]')?.dataset.format;
  const doc = state.document;
  if (!format || !doc) return;
  const extension = { pdf: 'pdf', docx: 'docx', html: 'html', 'json-resume': 'json' }[format];
  try {
    const name = await download(`/documents/${encodeURIComponent(doc.id)}/export?format=${format}`,
      `${doc.slug || 'document'}.${extension}`);
    announce('Downloaded ' + name + '.');
  } catch (error) { report(error); }
});

// ---- Chat / Preview tabs (phones)
function showTab(name) {
  $('#view-cv').dataset.tab = name;
  $('#tabChat').setAttribute('aria-selected', String(name === 'chat'));
  $('#tabPreview').setAttribute('aria-selected', String(name === 'preview'));
}
$('#tabChat').addEventListener('click', () => showTab('chat'));
$('#tabPreview').addEventListener('click', () => showTab('preview'));

// ---- editing the fields by hand (PATCH /chat/session/{id}/data, a JSON Merge Patch)
const human = key => key.replace(/_/g, ' ').replace(/^./, c => c.toUpperCase());
let editSeq = 0;

/** A form for a value of the data: strings → inputs, string lists → textareas (a line each), objects → fieldsets. */
function editor(key, value) {
  const id = 'edit-' + (++editSeq);
  if (typeof value === 'string') {
    const long = value.length > 80 || ['summary', 'opening', 'closing', 'description', 'details'].includes(key);
    const input = el(long ? 'textarea' : 'input', { id, 'data-key': key, 'data-kind': 'text' });
    input.value = value;
    return el('div', { class: 'field' }, el('label', { for: id }, human(key)), input);
  }
  if (Array.isArray(value) && value.every(item => typeof item === 'string')) {
    const area = el('textarea', { id, 'data-key': key, 'data-kind': 'lines' });
    area.value = value.join('\n');
    return el('div', { class: 'field' }, el('label', { for: id }, human(key) + ' (one a line)'), area);
  }
  if (Array.isArray(value)) {
    return el('fieldset', { class: 'edit-group', 'data-key': key, 'data-kind': 'items' }, el('legend', {}, human(key)),
      value.map((item, i) => el('fieldset', { class: 'edit-group', 'data-kind': 'item' },
        el('legend', {}, `${human(key)} ${i + 1}`), Object.entries(item).map(([k, v]) => editor(k, v)))));
  }
  if (value && typeof value === 'object') {
    return el('fieldset', { class: 'edit-group', 'data-key': key, 'data-kind': 'object' }, el('legend', {}, human(key)),
      Object.entries(value).map(([k, v]) => editor(k, v)));
  }
  return null;
}

/** Reads a container of editors back into an object. */
function readEditors(container) {
  const result = {};
  for (const node of container.children) {
    const target = node.matches('.field') ? node.querySelector('[data-kind]') : node;
    const key = target?.dataset.key;
    if (!key) continue;
    const kind = target.dataset.kind;
    if (kind === 'text') result[key] = target.value.trim();
    else if (kind === 'lines') result[key] = target.value.split('\n').map(line => line.trim()).filter(Boolean);
    else if (kind === 'object') result[key] = readEditors(target);
    else if (kind === 'items') result[key] = [...target.children].filter(c => c.dataset.kind === 'item').map(readEditors);
  }
  return result;
}

$('#editFields').addEventListener('click', () => {
  if (!state.data) return;
  fill($('#editFieldsBox'), Object.entries(state.data).map(([key, value]) => editor(key, value)));
  $('#editError').textContent = '';
  $('#editDialog').showModal();
});
$('#editCancel').addEventListener('click', () => $('#editDialog').close());
$('#editDialog').addEventListener('close', () => fill($('#editFieldsBox'))); // no stale fields left in the page
$('#editForm').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    const answer = await call('PATCH', `/chat/session/${encodeURIComponent(state.sessionId)}/data`,
      { cv_data: readEditors($('#editFieldsBox')) });
    $('#editDialog').close();
    update({ data: answer.cv_data, progress: answer.progress, collected: answer.fields_collected });
    announce('Changes saved.');
    loadSessions().catch(() => {});
  } catch (error) {
    $('#editError').textContent = error.message;
  }
});

export const cvBuilder = {
  async enter([id]) {
    if ((id || null) !== state.sessionId || !id) await openSession(id || null);
    await loadSessions();
  },
  leave() {}
};
