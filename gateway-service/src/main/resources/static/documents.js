// My documents (cv-builder-service's /documents API, DOCUMENTS.md): the finalized CVs and cover letters, each with its
// versions; open, restore a version, download any version in every format, rename, change template, delete.
import { call, download } from './api.js';
import { $, el, fill, announce, report, when } from './dom.js';

const FORMATS = [['pdf', 'PDF', 'pdf'], ['docx', 'DOCX', 'docx'], ['html', 'HTML', 'html'], ['json-resume', 'JSON Resume', 'json']];
const TEMPLATES = ['default', 'professional', 'modern'];
const TYPE = { cv: 'CV', cover_letter: 'Cover letter' };

let docs = [];
let openId = null;

async function loadList() {
  const answer = await call('GET', '/documents?page=1&size=100');
  docs = answer.documents;
  renderList();
}

function renderList() {
  fill($('#docList'), docs.map(doc => el('li', {}, el('a', {
    href: '#/documents/' + encodeURIComponent(doc.id),
    class: 'item' + (doc.id === openId ? ' active' : ''),
    'aria-current': doc.id === openId ? 'page' : null
  }, el('span', { class: 'item-title' }, doc.title),
  el('span', { class: 'item-meta' }, `${TYPE[doc.doc_type] || doc.doc_type} · version ${doc.current_version} · ${when(doc.updated_at)}`)))));
  $('#docListEmpty').hidden = docs.length > 0;
}

function setHeader(doc, missing = false) {
  $('#docHeading').textContent = missing ? 'Document not found' : doc?.title || 'Choose a document';
  $('#renameDoc').disabled = !doc;
  $('#deleteDoc').disabled = !doc;
  $('#view-documents').classList.toggle('showing', Boolean(doc) || missing);
}

function downloads(doc, version) {
  return el('div', { class: 'row' }, FORMATS
    .filter(([format]) => format !== 'json-resume' || doc.doc_type === 'cv')
    .map(([format, label, extension]) => el('button', {
      type: 'button', class: 'ghost small',
      'aria-label': `Download ${label}` + (version ? ` of version ${version}` : ''),
      onclick: async () => {
        try {
          const name = await download(`/documents/${encodeURIComponent(doc.id)}/export?format=${format}`
            + (version ? `&version=${version}` : ''), `${doc.slug || 'document'}.${extension}`);
          announce('Downloaded ' + name + '.');
        } catch (error) { report(error); }
      }
    }, label)));
}

async function open(id) {
  openId = id;
  renderList();
  const body = $('#docBody');
  if (!id) {
    setHeader(null);
    fill(body, el('p', { class: 'muted placeholder' }, 'Your finalized CVs and cover letters, with every version.'));
    return;
  }
  let doc, versions;
  try {
    [{ document: doc }, versions] = await Promise.all([
      call('GET', `/documents/${encodeURIComponent(id)}`),
      call('GET', `/documents/${encodeURIComponent(id)}/versions`)]);
  } catch (error) {
    if (error.status !== 404) throw error;
    setHeader(null, true);
    fill(body, el('p', { class: 'muted placeholder' }, 'This document does not exist (any more).'));
    return;
  }
  if (openId !== id) return;
  setHeader(doc);
  const template = el('select', { id: 'docTemplate' }, TEMPLATES.map(code =>
    el('option', { value: code, selected: code === doc.template_code }, code[0].toUpperCase() + code.slice(1))));
  template.addEventListener('change', async () => {
    try {
      await call('PATCH', `/documents/${encodeURIComponent(id)}`, { template_code: template.value });
      announce('Template changed.');
      await refresh(id);
    } catch (error) { report(error); }
  });
  fill(body,
    el('div', { class: 'doc-card' },
      el('h3', {}, `${TYPE[doc.doc_type] || doc.doc_type} · version ${doc.current_version}`),
      el('p', { class: 'muted small-text' }, 'Updated ' + when(doc.updated_at)),
      el('div', { class: 'field' }, el('label', { for: 'docTemplate' }, 'Template'), template),
      downloads(doc, null)),
    el('div', { class: 'doc-card' },
      el('h3', {}, 'Versions'),
      el('ul', { class: 'versions', 'aria-label': 'Versions' }, versions.versions.slice().reverse().map(version =>
        el('li', { class: version.version === versions.current_version ? 'current' : '' },
          el('span', { class: 'grow-text' }, el('strong', {}, 'Version ' + version.version),
            ` · ${sourceOf(version)} · ${version.template_code} · ${when(version.created_at)}`),
          version.version === versions.current_version ? el('span', { class: 'chip' }, 'Current')
            : el('button', { type: 'button', class: 'ghost small', onclick: () => restore(id, version.version) },
              'Restore version ' + version.version),
          downloads(doc, version.version))))));
}

function sourceOf(version) {
  if (version.source === 'restore') return 'restored from version ' + version.restored_from;
  if (version.source === 'import') return 'imported';
  return 'finalized';
}

async function restore(id, version) {
  try {
    const answer = await call('POST', `/documents/${encodeURIComponent(id)}/versions/${version}/restore`);
    announce(answer.message + '.');
    await refresh(id);
  } catch (error) { report(error); }
}

async function refresh(id) {
  await loadList();
  await open(id);
}

$('#renameDoc').addEventListener('click', () => {
  const doc = docs.find(d => d.id === openId);
  $('#renameTitle').textContent = 'Rename document';
  $('#renameInput').value = doc?.title || '';
  $('#renameDialog').dataset.target = 'document';
  $('#renameDialog').showModal();
});
$('#renameForm').addEventListener('submit', async event => {
  if ($('#renameDialog').dataset.target !== 'document') return; // a conversation's rename (chat.js)
  event.preventDefault();
  event.stopImmediatePropagation();
  const title = $('#renameInput').value.trim();
  if (!title || !openId) return;
  try {
    await call('PATCH', `/documents/${encodeURIComponent(openId)}`, { title });
    $('#renameDialog').close();
    announce('Document renamed.');
    await refresh(openId);
  } catch (error) { report(error); }
}, { capture: true });
$('#renameDialog').addEventListener('close', () => {
  delete $('#renameDialog').dataset.target;
  $('#renameTitle').textContent = 'Rename conversation';
});

$('#deleteDoc').addEventListener('click', () => {
  const dialog = $('#confirmDialog');
  $('#confirmTitle').textContent = 'Delete document?';
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'ok' || !openId) return;
    try {
      await call('DELETE', `/documents/${encodeURIComponent(openId)}`);
      announce('Document deleted.');
      location.hash = '#/documents';
    } catch (error) { report(error); }
  }, { once: true });
});

export const documents = {
  async enter([id]) {
    await loadList();
    await open(id || null);
  },
  leave() {}
};
