// Conversations (ai-chat-api.md): list, open, stream an answer over SSE (fetch + reader), stop, rename, delete.
import { call, send, readEvents } from './api.js';
import { $, el, fill, announce, report, when, bindComposer, typingDots, disclaimerNote } from './dom.js';

let conversations = [];
let openId = null;
let streaming = null; // { messageId, stopRequested, chatId }


function bubble(sender, text, { meta, pending } = {}) {
  const body = el('div', { class: 'text' }, text);
  const node = el('div', { class: `msg ${sender === 'user' ? 'user' : 'ai'}${pending ? ' pending' : ''}` },
    el('span', { class: 'sr-only' }, sender === 'user' ? 'You said: ' : 'AI answered: '),
    body,
    meta ? el('div', { class: 'meta' }, meta) : null);
  return { node, body };
}

function scrollToEnd(box) { box.scrollTop = box.scrollHeight; }

function renderList() {
  const list = $('#chatList');
  fill(list, conversations.map(conversation => {
    const title = conversation.title || 'New conversation';
    const link = el('a', {
      href: '#/chats/' + encodeURIComponent(conversation.id),
      class: 'item' + (conversation.id === openId ? ' active' : ''),
      'aria-current': conversation.id === openId ? 'page' : null
    }, el('span', { class: 'item-title' }, title), el('span', { class: 'item-meta' }, when(conversation.created_at)));
    return el('li', {}, link);
  }));
  $('#chatListEmpty').hidden = conversations.length > 0;
}

async function loadList() {
  const answer = await call('GET', '/chats?per_page=100');
  conversations = answer.data.conversations;
  renderList();
}

function setHeader(conversation) {
  $('#chatTitle').textContent = conversation?.title || 'New conversation';
  $('#renameChat').disabled = !conversation;
  $('#deleteChat').disabled = !conversation;
}

async function open(id) {
  openId = id;
  renderList();
  const box = $('#chatMessages');
  fill(box);
  if (!id) {
    setHeader(null);
    box.append(placeholder());
    return;
  }
  const answer = await call('GET', `/chats/${encodeURIComponent(id)}?per_page=100`);
  const { conversation, messages, pagination } = answer.data;
  let all = messages;
  for (let page = 2; page <= pagination.total_pages; page++) {
    all = all.concat((await call('GET', `/chats/${encodeURIComponent(id)}?per_page=100&page=${page}`)).data.messages);
  }
  if (openId !== id) return;
  setHeader(conversation);
  if (!all.length) box.append(placeholder());
  for (const message of all) box.append(bubble(message.sender, message.message, { meta: when(message.created_at) }).node);
  scrollToEnd(box);
}

const placeholderNode = $('#chatPlaceholder');
function placeholder() { return placeholderNode; }

function setStreaming(active) {
  $('#stopAnswer').hidden = !active;
  $('#stopAnswer').disabled = false;
  $('#sendMessage').disabled = active;
}

let sends = 0;
async function sendMessage(text) {
  sends++;
  const box = $('#chatMessages');
  let chatId = openId;
  if (!chatId) {
    chatId = (await call('POST', '/chats')).data.id;
    openId = chatId;
    history.replaceState(null, '', '#/chats/' + chatId);
    conversations.unshift({ id: chatId, title: null, created_at: new Date().toISOString() });
    renderList();
    setHeader(conversations[0]);
  }
  placeholder().remove();
  box.append(bubble('user', text).node);
  const answer = bubble('ai', '', { pending: true });
  answer.body.append(typingDots());
  box.append(answer.node);
  scrollToEnd(box);

  const state = { chatId, messageId: null, stopRequested: false };
  streaming = state;
  setStreaming(true);
  $('#answerLive').textContent = 'The AI is answering…';
  let text_ = '';
  let finished = false;
  try {
    const response = await send('POST', `/chats/${encodeURIComponent(chatId)}/message`, {
      body: { message: text, personality: $('#personality').value }, accept: 'text/event-stream'
    });
    await readEvents(response, event => {
      if (event.type === 'start') {
        state.messageId = event.message_id;
        if (event.title) setTitle(chatId, event.title);
        if (state.stopRequested) requestStop(state);
      } else if (event.type === 'chunk') {
        if (!text_) answer.body.replaceChildren();
        text_ += event.content;
        answer.body.textContent = text_;
        scrollToEnd(box);
      } else if (event.type === 'done') {
        finished = true;
        if (event.title) setTitle(chatId, event.title);
        answer.node.classList.remove('pending');
        if (!text_) answer.body.textContent = event.cancelled ? 'Stopped before any answer.' : '';
        const meta = [];
        if (event.cancelled) meta.push('Stopped');
        answer.node.append(el('div', { class: 'meta' }, meta.length ? meta.join(' · ') : 'Just now'));
        if (event.cancelled) answer.node.classList.add('stopped');
        if (event.disclaimer) answer.node.append(disclaimerNote(event.disclaimer));
        $('#answerLive').textContent = event.cancelled ? 'Answer stopped.' : 'Answer complete: ' + text_;
      } else if (event.type === 'error') {
        finished = true;
        answer.node.classList.remove('pending');
        answer.node.classList.add('failed');
        answer.node.append(el('p', { class: 'error-line', role: 'alert' }, event.message || event.error || 'The AI could not answer.'));
      }
    });
    if (!finished) {
      answer.node.classList.remove('pending');
      answer.node.append(el('p', { class: 'error-line', role: 'alert' }, 'The connection ended before the answer was complete.'));
    }
  } catch (error) {
    answer.node.classList.remove('pending');
    answer.node.classList.add('failed');
    answer.body.textContent = '';
    answer.node.append(el('p', { class: 'error-line', role: 'alert' }, error.message));
  } finally {
    if (streaming === state) streaming = null;
    setStreaming(false);
    scrollToEnd(box);
  }
}

function setTitle(chatId, title) {
  const conversation = conversations.find(c => c.id === chatId);
  if (conversation) conversation.title = title;
  if (chatId === openId) $('#chatTitle').textContent = title;
  renderList();
}

async function requestStop(state) {
  state.stopRequested = true;
  $('#stopAnswer').disabled = true;
  if (!state.messageId) return; // sent when the stream's start event arrives
  try {
    await call('POST', `/chats/${encodeURIComponent(state.chatId)}/messages/${encodeURIComponent(state.messageId)}/cancel`);
    announce('Stopping the answer…');
  } catch (error) {
    if (error.status !== 409) report(error); // 409: it had already finished
  }
}

// ---- wiring
const input = $('#chatInput');
const takeInput = bindComposer(input, $('#chatForm'));
$('#chatForm').addEventListener('submit', event => {
  event.preventDefault();
  if (!input.value.trim() || streaming) return;
  sendMessage(takeInput()).catch(report);
});
$('#stopAnswer').addEventListener('click', () => { if (streaming) requestStop(streaming); });
$('#newChat').addEventListener('click', () => {
  if (location.hash !== '#/chats') history.pushState(null, '', '#/chats'); // no hashchange: nothing to reload
  open(null).catch(report);
  input.focus();
});

$('#renameChat').addEventListener('click', () => {
  const conversation = conversations.find(c => c.id === openId);
  $('#renameInput').value = conversation?.title || '';
  $('#renameDialog').showModal();
});
$('#renameCancel').addEventListener('click', () => $('#renameDialog').close());
$('#renameForm').addEventListener('submit', async event => {
  event.preventDefault();
  const title = $('#renameInput').value.trim();
  if (!title) return;
  try {
    const answer = await call('PATCH', `/chats/${encodeURIComponent(openId)}/title`, { title });
    setTitle(openId, answer.data.title);
    $('#renameDialog').close();
    announce('Conversation renamed.');
  } catch (error) { report(error); }
});

$('#deleteChat').addEventListener('click', () => {
  const dialog = $('#confirmDialog');
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'ok' || !openId) return;
    try {
      await call('DELETE', `/chats/${encodeURIComponent(openId)}`);
      conversations = conversations.filter(c => c.id !== openId);
      announce('Conversation deleted.');
      location.hash = '#/chats';
      await open(null);
    } catch (error) { report(error); }
  }, { once: true });
});

export const chats = {
  async enter([id]) {
    const sendsBefore = sends;
    await loadList();
    if (sends !== sendsBefore) return; // the user already sent a message meanwhile: keep what it shows
    if ((id || null) !== openId || !id) await open(id || null);
  },
  leave() {}
};
