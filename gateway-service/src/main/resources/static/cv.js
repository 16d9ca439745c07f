// The conversational CV / cover-letter builder (cv-chat-api.md) with a live preview, progress and export.
import { call, send, readEvents, download } from './api.js';
import { $, el, fill, announce, report, bindComposer, typingDots } from './dom.js';

const SECTIONS = {
  cv: ['personal_info', 'summary', 'experience', 'education', 'skills', 'key_projects_achievements'],
  cover_letter: ['personal_info', 'company', 'position', 'opening', 'body_paragraphs', 'closing']
};
const LABELS = {
  personal_info: 'Personal info', summary: 'Summary', experience: 'Experience', education: 'Education',
  skills: 'Skills', key_projects_achievements: 'Key projects', company: 'Company', position: 'Position',
  opening: 'Opening', body_paragraphs: 'Body', closing: 'Closing'
};
const DOCS = 'cvchat.documents';

let state = { sessionId: null, docType: 'cv', busy: false };
const placeholderNode = $('#cvPlaceholder');

const text = value => (typeof value === 'string' ? value.trim() : '');
const list = value => (Array.isArray(value) ? value : []);

function documentsBySession() { return JSON.parse(sessionStorage.getItem(DOCS) || '{}'); }

function bubble(role, content) {
  const node = el('div', { class: 'msg ' + (role === 'user' ? 'user' : 'ai') },
    el('span', { class: 'sr-only' }, role === 'user' ? 'You said: ' : 'Assistant: '),
    el('div', { class: 'text' }, content));
  $('#cvMessages').append(node);
  $('#cvMessages').scrollTop = $('#cvMessages').scrollHeight;
  return node;
}

// ---- preview
function section(title, ...children) {
  const content = children.flat().filter(Boolean);
  return content.length ? el('section', { class: 'pv-section' }, el('h4', {}, title), content) : null;
}

function renderCv(data) {
  const info = data.personal_info || {};
  const contact = ['email', 'phone', 'location', 'linkedin', 'website'].map(k => text(info[k])).filter(Boolean);
  const skills = data.skills || {};
  const skillRows = [['Core', skills.core_competencies], ['Software', skills.software_proficiency],
    ['Languages', skills.language_fluency], ['Certifications', skills.certifications]]
    .filter(([, items]) => list(items).length)
    .map(([name, items]) => el('p', { class: 'pv-skill' }, el('strong', {}, name + ': '), list(items).join(', ')));
  return [
    el('header', { class: 'pv-head' },
      el('h3', { class: 'pv-name' }, text(info.full_name) || 'Your name'),
      text(info.title) ? el('p', { class: 'pv-title' }, info.title) : null,
      contact.length ? el('p', { class: 'pv-contact' }, contact.join(' · ')) : null),
    section('Summary', text(data.summary) ? el('p', {}, data.summary) : null),
    section('Experience', list(data.experience).map(job => el('div', { class: 'pv-entry' },
      el('p', { class: 'pv-entry-head' }, el('strong', {}, [text(job.title), text(job.company)].filter(Boolean).join(' — ')),
        el('span', { class: 'pv-dates' }, [text(job.start_date), text(job.end_date)].filter(Boolean).join(' – '))),
      text(job.location) ? el('p', { class: 'pv-sub' }, job.location) : null,
      list(job.description_bullets).length ? el('ul', {}, list(job.description_bullets).map(b => el('li', {}, b))) : null))),
    section('Education', list(data.education).map(school => el('div', { class: 'pv-entry' },
      el('p', { class: 'pv-entry-head' },
        el('strong', {}, [text(school.degree), text(school.field_of_study)].filter(Boolean).join(', ') || text(school.institution)),
        el('span', { class: 'pv-dates' }, text(school.graduation_date))),
      el('p', { class: 'pv-sub' }, text(school.institution)),
      text(school.details) ? el('p', {}, school.details) : null))),
    section('Skills', skillRows),
    section('Key projects & achievements', list(data.key_projects_achievements).map(project => el('div', { class: 'pv-entry' },
      el('p', {}, el('strong', {}, text(project.name)), text(project.description) ? ' — ' + project.description : ''),
      list(project.key_areas_used).length ? el('p', { class: 'pv-sub' }, list(project.key_areas_used).join(' · ')) : null))),
    section('Awards & recognitions', list(data.awards_and_recognitions).length
      ? el('ul', {}, list(data.awards_and_recognitions).map(a => el('li', {}, a))) : null)
  ];
}

function renderLetter(data) {
  const info = data.personal_info || {};
  const recipient = data.recipient || {};
  const company = data.company || {};
  return [
    el('header', { class: 'pv-head' },
      el('h3', { class: 'pv-name' }, text(info.full_name) || 'Your name'),
      el('p', { class: 'pv-contact' }, ['email', 'phone', 'location'].map(k => text(info[k])).filter(Boolean).join(' · '))),
    text(company.name) ? el('p', { class: 'pv-sub' }, [text(recipient.name), text(recipient.title), text(company.name),
      text(company.address)].filter(Boolean).join(', ')) : null,
    text(data.position) ? el('p', {}, el('strong', {}, 'Re: ' + data.position)) : null,
    el('p', {}, 'Dear ' + (text(recipient.name) || 'Hiring Manager') + ','),
    text(data.opening) ? el('p', {}, data.opening) : null,
    list(data.body_paragraphs).map(p => el('p', {}, p)),
    text(data.closing) ? el('p', {}, data.closing) : null,
    text(info.full_name) ? el('p', {}, 'Sincerely,', el('br'), info.full_name) : null
  ];
}

function update({ data, progress, collected }) {
  const preview = $('#cvPreview');
  fill(preview, data ? (state.docType === 'cover_letter' ? renderLetter(data) : renderCv(data))
    : el('p', { class: 'muted' }, 'Your document appears here as we talk.'));
  const value = Math.max(0, Math.min(100, progress || 0));
  $('#progressFill').style.width = value + '%';
  $('#progressValue').textContent = value + ' %';
  $('#progressBar').setAttribute('aria-valuenow', String(value));
  $('#progressBar').classList.toggle('complete', value >= 100);
  const missing = SECTIONS[state.docType].filter(name => !(collected || []).includes(name));
  $('#missingLead').textContent = missing.length ? 'Still missing:' : 'All sections collected — ready to finalize.';
  fill($('#missingList'), missing.map(name => el('li', { class: 'chip' }, LABELS[name] || name)));
  $('#finalize').disabled = !state.sessionId;
  $('#jsonResume').hidden = state.docType !== 'cv';
}

function collectedOf(answer) {
  if (Array.isArray(answer.fields_collected)) return answer.fields_collected;
  // the start answer has no fields_collected: derive it from progress where the rule is known (CV: name+title only)
  return answer.progress >= 100 ? SECTIONS[state.docType] : [];
}

function showDownloads() {
  const doc = state.sessionId ? documentsBySession()[state.sessionId] : null;
  $('#downloads').hidden = !doc;
  if (doc) $('#finalizedNote').textContent = `“${doc.title}” — version ${doc.current_version}.`;
}

// ---- sessions
async function loadSessions() {
  const { sessions } = await call('GET', '/chat/sessions');
  const select = $('#cvSessions');
  fill(select, el('option', { value: '' }, 'New document'),
    sessions.map(s => el('option', { value: s.session_id },
      `${s.doc_type === 'cover_letter' ? 'Cover letter' : 'CV'} · ${s.progress} %${s.status === 'completed' ? ' · finalized' : ''}`)));
  select.value = state.sessionId || '';
}

function reset() {
  state = { sessionId: null, docType: $('#docType').value, busy: false };
  fill($('#cvMessages'), placeholderNode);
  $('#docType').disabled = false;
  $('#cvInput').placeholder = 'Tell me about yourself…';
  update({ data: null, progress: 0, collected: [] });
  showDownloads();
}

async function openSession(id) {
  if (!id) { reset(); return; }
  const session = await call('GET', '/chat/session/' + encodeURIComponent(id));
  state = { sessionId: id, docType: session.doc_type, busy: false };
  $('#docType').value = session.doc_type;
  $('#docType').disabled = true;
  fill($('#cvMessages'));
  for (const message of session.conversation_history) {
    bubble(message.role, list(message.parts).map(p => p.text).join(''));
  }
  $('#cvInput').placeholder = 'Your answer…';
  update({ data: session.current_cv_data, progress: session.progress, collected: session.fields_collected });
  showDownloads();
}

async function sendTurn(message) {
  state.busy = true;
  $('#cvSend').disabled = true;
  placeholderNode.remove();
  bubble('user', message);
  const reply = bubble('model', '');
  reply.classList.add('pending');
  const body = reply.querySelector('.text');
  body.append(typingDots());
  $('#cvLive').textContent = 'The assistant is answering…';
  try {
    let answer;
    if (!state.sessionId) {
      state.docType = $('#docType').value;
      answer = await call('POST', '/chat/start', { initial_message: message, doc_type: state.docType });
      state.sessionId = answer.session_id;
      $('#docType').disabled = true;
      history.replaceState(null, '', '#/cv/' + answer.session_id);
    } else {
      const response = await send('POST', '/chat/message',
        { body: { session_id: state.sessionId, message }, accept: 'text/event-stream' });
      let streamed = '';
      await readEvents(response, (data, name) => {
        if (name === 'chunk') { streamed += data.text || ''; body.textContent = streamed; }
        else if (name === 'done') answer = data;
        else if (name === 'error') throw new Error(data.error || 'The assistant could not answer.');
      });
      if (!answer) throw new Error('The connection ended before the answer was complete.');
    }
    body.textContent = answer.message;
    reply.classList.remove('pending');
    $('#cvMessages').scrollTop = $('#cvMessages').scrollHeight;
    $('#cvLive').textContent = 'Assistant: ' + answer.message + ` Progress ${answer.progress} percent.`;
    update({ data: answer.cv_data, progress: answer.progress, collected: collectedOf(answer) });
    $('#cvInput').placeholder = 'Your answer…';
    loadSessions().catch(() => {});
  } catch (error) {
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

$('#finalizeForm').addEventListener('submit', async event => {
  event.preventDefault();
  if (!state.sessionId) return;
  const button = $('#finalize');
  button.disabled = true;
  try {
    const body = { template_code: $('#template').value };
    const title = $('#docTitle').value.trim();
    if (title) body.title = title;
    const answer = await call('POST', `/chat/session/${encodeURIComponent(state.sessionId)}/finalize`, body);
    const documents = documentsBySession();
    documents[state.sessionId] = answer.document;
    sessionStorage.setItem(DOCS, JSON.stringify(documents));
    showDownloads();
    announce(answer.message);
    loadSessions().catch(() => {});
  } catch (error) {
    report(error);
  } finally {
    button.disabled = false;
  }
});

$('#downloads').addEventListener('click', async event => {
  const format = event.target.closest('button[data-format]')?.dataset.format;
  const doc = documentsBySession()[state.sessionId];
  if (!format || !doc) return;
  const extension = { pdf: 'pdf', docx: 'docx', 'json-resume': 'json' }[format];
  try {
    const name = await download(`/documents/${encodeURIComponent(doc.id)}/export?format=${format}`,
      `${doc.slug || 'document'}.${extension}`);
    announce('Downloaded ' + name + '.');
  } catch (error) { report(error); }
});

export const cvBuilder = {
  async enter([id]) {
    if ((id || null) !== state.sessionId || !id) await openSession(id || null);
    await loadSessions();
  },
  leave() {}
};
