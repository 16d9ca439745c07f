// Conversations (ai-chat-api.md): list, open, send and follow the answer (resumed after a dropped connection or a
// reload), stop, copy / regenerate / edit-and-resend, rename, delete.
import { call, send } from './api.js';
import { $, el, fill, announce, report, when, bindComposer, typingDots, disclaimerNote } from './dom.js';
import { followAnswer } from './answer-stream.js';
import { renderMarkdown, copyText } from './markdown.js';
import { Follower } from './follow.js';

let conversations = [];
let openId = null;
let streaming = null; // { chatId, messageId, stopRequested }
const RUNNING = 'cvchat.running'; // {chatId: {message_id, at}}: answers being followed, for a reload to resume
const box = $('#chatMessages');
const follower = new Follower(box, $('#jumpLatest'));

// ---- running answers (kept across a reload in this browser)
const runningAll = () => { try { return JSON.parse(localStorage.getItem(RUNNING) || '{}'); } catch { return {}; } };
function remember(chatId, messageId) {
  const all = runningAll();
  if (messageId) all[chatId] = { message_id: messageId, at: Date.now() };
  else delete all[chatId];
  localStorage.setItem(RUNNING, JSON.stringify(all));
}

// ---- messages
function userBubble(text, { meta } = {}) {
  const node = el('div', { class: 'msg user' },
    el('span', { class: 'sr-only' }, 'You said: '),
    el('div', { class: 'text' }, text),
    el('div', { class: 'meta' }, meta || '',
      el('span', { class: 'actions' },
        el('button', { type: 'button', class: 'act', onclick: () => editAndResend(text) }, 'Edit'))));
  return node;
}

/** An answer bubble: {node, set(text), finish(...)}. Its text is rendered as sanitized Markdown. */
function aiBubble({ text = '', pending = false } = {}) {
  const body = el('div', { class: 'text md' });
  const actions = el('span', { class: 'actions' });
  const meta = el('div', { class: 'meta' }, el('span', { class: 'when' }), actions);
  const node = el('div', { class: 'msg ai' + (pending ? ' pending' : '') },
    el('span', { class: 'sr-only' }, 'AI answered: '), body, meta);
  let shown = null;
  const bubble = {
    node,
    text,
    set(next) { // every chunk is shown as it comes (rendering a few kilobytes of Markdown takes well under a millisecond)
      bubble.text = next;
      bubble.flush();
      follower.changed();
    },
    flush() {
      if (shown !== bubble.text) { shown = bubble.text; body.replaceChildren(renderMarkdown(bubble.text)); }
    },
    status(line) { // a quiet line under the text ("Reconnecting…"), or none
      node.querySelector('.stream-note')?.remove();
      if (line) body.after(el('p', { class: 'stream-note' }, line));
    },
    finish({ when: label, stopped, failed, disclaimer } = {}) {
      bubble.flush();
      bubble.status(null);
      node.classList.remove('pending');
      node.classList.toggle('stopped', Boolean(stopped));
      node.classList.toggle('failed', Boolean(failed));
      meta.querySelector('.when').textContent = label || '';
      fill(actions, el('button', { type: 'button', class: 'act', onclick: () => copyText(bubble.text, 'Answer copied.') }, 'Copy'),
        el('button', { type: 'button', class: 'act regenerate', onclick: () => regenerate(node) }, 'Regenerate'));
      if (disclaimer) node.append(disclaimerNote(disclaimer));
    }
  };
  if (text) bubble.flush();
  if (pending && !text) body.append(typingDots());
  return bubble;
}

// ---- list
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

function setHeader(conversation, missing = false) {
  $('#chatTitle').textContent = missing ? 'Conversation not found' : conversation?.title || 'New conversation';
  $('#renameChat').disabled = !conversation;
  $('#deleteChat').disabled = !conversation;
}

async function open(id) {
  openId = id;
  renderList();
  fill(box);
  follower.reset();
  if (!id) {
    setHeader(null);
    box.append(placeholderNode);
    return;
  }
  let answer;
  try {
    answer = await call('GET', `/chats/${encodeURIComponent(id)}?per_page=100`);
  } catch (error) {
    if (error.status !== 404 || openId !== id) throw error;
    setHeader(null, true); // a bad or deleted link: no title of another chat, nothing to rename or delete
    box.append(el('div', { class: 'placeholder' }, el('p', { class: 'big' }, 'This conversation does not exist.'),
      el('p', { class: 'muted' }, 'It may have been deleted. ', el('a', { href: '#/chats' }, 'Start a new one'), '.')));
    return;
  }
  const { conversation, messages, pagination } = answer.data;
  let all = messages;
  for (let page = 2; page <= pagination.total_pages; page++) {
    all = all.concat((await call('GET', `/chats/${encodeURIComponent(id)}?per_page=100&page=${page}`)).data.messages);
  }
  if (openId !== id) return;
  setHeader(conversation);
  if (!all.length) box.append(placeholderNode);
  for (const message of all) {
    if (message.sender === 'user') box.append(userBubble(message.message, { meta: when(message.created_at) }));
    else {
      const bubble = aiBubble({ text: message.message });
      bubble.finish({ when: when(message.created_at), disclaimer: message.disclaimer });
      box.append(bubble.node);
    }
  }
  follower.toEnd();
  resumeRunning(id, all).catch(report);
}

/** On opening a conversation: an answer this browser was following and that is not stored yet is followed again. */
async function resumeRunning(chatId, messages) {
  const running = runningAll()[chatId];
  if (!running || streaming) return;
  if (messages.some(m => m.id === running.message_id) || Date.now() - running.at > 10 * 60_000) {
    remember(chatId, null);
    return;
  }
  placeholderNode.remove();
  const bubble = aiBubble({ pending: true });
  box.append(bubble.node);
  follower.changed();
  await follow(chatId, bubble, { messageId: running.message_id });
}

const placeholderNode = $('#chatPlaceholder');

function setStreaming(active) {
  $('#stopAnswer').hidden = !active;
  $('#stopAnswer').disabled = false;
  $('#sendMessage').disabled = active;
}

// ---- sending
let sends = 0;
async function sendMessage(text) {
  sends++;
  hideUnsent();
  let chatId = openId;
  if (!chatId) {
    try {
      chatId = (await call('POST', '/chats')).data.id;
    } catch (error) {
      showUnsent(text, error);
      return;
    }
    openId = chatId;
    history.replaceState(null, '', '#/chats/' + chatId);
    conversations.unshift({ id: chatId, title: null, created_at: new Date().toISOString() });
    renderList();
    setHeader(conversations[0]);
  }
  placeholderNode.remove();
  const question = userBubble(text, { meta: 'Just now' });
  box.append(question);
  const bubble = aiBubble({ pending: true });
  box.append(bubble.node);
  follower.toEnd();
  const outcome = await follow(chatId, bubble, {
    open: () => send('POST', `/chats/${encodeURIComponent(chatId)}/message`, {
      body: { message: text, personality: $('#personality').value }, accept: 'text/event-stream'
    })
  });
  if (outcome === 'unsent' || outcome instanceof Error) {
    question.remove();
    bubble.node.remove();
    showUnsent(text, outcome === 'unsent' ? new Error('Your message could not be sent: no connection to the server.') : outcome);
  }
}

/**
 * Follows an answer into its bubble to the end (see answer-stream.js). Resolves to the outcome; a refusal of the
 * first request (the POST) resolves to its error, for the caller to put the message back.
 */
async function follow(chatId, bubble, { open: first, messageId }) {
  const state = { chatId, messageId: messageId || null, stopRequested: false };
  streaming = state;
  setStreaming(true);
  $('#answerLive').textContent = 'The AI is answering…';
  let text = '';
  let outcome;
  try {
    outcome = await followAnswer({
      chatId, messageId, open: first,
      on: {
        event(event) {
          if (event.type === 'start') {
            state.messageId = event.message_id;
            remember(chatId, event.message_id);
            if (event.title) setTitle(chatId, event.title);
            if (state.stopRequested) requestStop(state);
          } else if (event.type === 'chunk') {
            text += event.content;
            bubble.set(text);
          } else if (event.type === 'done') {
            if (event.title) setTitle(chatId, event.title);
            if (!text) bubble.text = event.cancelled ? 'Stopped before any answer.' : '';
            bubble.finish({ when: event.cancelled ? 'Stopped' : 'Just now', stopped: event.cancelled, disclaimer: event.disclaimer });
            // announced as shown (rendered Markdown), not as the raw text with its ** and >
            const shown = bubble.node.querySelector('.text')?.textContent ?? text;
            $('#answerLive').textContent = event.cancelled ? 'Answer stopped.' : 'Answer complete: ' + shown;
          } else if (event.type === 'error') {
            bubble.finish({ when: '', failed: true });
            bubble.node.append(el('p', { class: 'error-line', role: 'alert' }, event.message || event.error || 'The AI could not answer.'));
          }
        },
        reconnecting() { bubble.status('Reconnecting…'); },
        connected() { bubble.status(null); }
      }
    });
  } catch (error) {
    if (first && !state.messageId) outcome = error; // the POST was refused: the caller puts the message back
    else {
      bubble.finish({ failed: true });
      bubble.node.append(el('p', { class: 'error-line', role: 'alert' }, error.message));
    }
  } finally {
    if (streaming === state) streaming = null;
    setStreaming(false);
  }
  if (outcome === 'ended') {
    remember(chatId, null);
    if (!bubble.node.querySelector('.meta .act')) bubble.finish({ when: 'Just now' }); // ended before we saw it (204)
  } else if (outcome === 'unknown' || outcome === 'gave-up') {
    bubble.status(null);
    await awaitStored(chatId, bubble);
  }
  follower.changed();
  return outcome;
}

/**
 * The connection dropped before the answer had an id (or stayed down for two minutes): the answer is still made and
 * stored by the server, so the conversation is read again (bounded) until it is there.
 */
async function awaitStored(chatId, bubble) {
  bubble.status('Connection lost — waiting for the answer…');
  for (const wait of [1000, 2000, 4000, 8000, 15000, 30000]) {
    await new Promise(resolve => setTimeout(resolve, wait));
    if (openId !== chatId) return;
    try {
      const { data } = await call('GET', `/chats/${encodeURIComponent(chatId)}?per_page=1&page=${1}`);
      const total = data.pagination.total_count;
      const last = (await call('GET', `/chats/${encodeURIComponent(chatId)}?per_page=1&page=${total}`)).data.messages[0];
      if (last?.sender === 'ai') {
        bubble.text = last.message;
        bubble.finish({ when: when(last.created_at), disclaimer: last.disclaimer });
        remember(chatId, null);
        return;
      }
    } catch { /* still offline: try again */ }
  }
  bubble.finish({ failed: true });
  bubble.node.append(el('p', { class: 'error-line', role: 'alert' }, 'The answer could not be loaded. Reload the page to see it.'));
}

// ---- a message that could not be sent: back in the box, with Retry
function showUnsent(text, error) {
  input.value = text;
  input.dispatchEvent(new Event('input'));
  $('#unsentText').textContent = error.message;
  $('#unsent').hidden = false;
}
function hideUnsent() { $('#unsent').hidden = true; }

// ---- actions on messages
function editAndResend(text) {
  input.value = text;
  input.dispatchEvent(new Event('input'));
  input.focus();
  announce('Edit your message and send it again: it is sent as a new message.');
}

function regenerate(node) {
  if (streaming) return;
  // the question this answer replied to: the closest user message before it
  let previous = node.previousElementSibling;
  while (previous && !previous.classList.contains('user')) previous = previous.previousElementSibling;
  const question = previous?.querySelector('.text')?.textContent;
  if (question) sendMessage(question).catch(report);
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

// ---- the conversation list as a drawer on phones
function setDrawer(openDrawer) {
  $('#view-chats').classList.toggle('drawer-open', openDrawer);
  $('#openDrawer').setAttribute('aria-expanded', String(openDrawer));
}

// ---- wiring
const input = $('#chatInput');
const takeInput = bindComposer(input, $('#chatForm'));
$('#chatForm').addEventListener('submit', event => {
  event.preventDefault();
  if (!input.value.trim() || streaming) return;
  sendMessage(takeInput()).catch(report);
});
$('#retrySend').addEventListener('click', () => $('#chatForm').requestSubmit());
$('#stopAnswer').addEventListener('click', () => { if (streaming) requestStop(streaming); });
$('#newChat').addEventListener('click', () => {
  setDrawer(false);
  if (location.hash !== '#/chats') history.pushState(null, '', '#/chats'); // no hashchange: nothing to reload
  open(null).catch(report);
  input.focus();
});
$('#openDrawer').addEventListener('click', () => setDrawer(!$('#view-chats').classList.contains('drawer-open')));
$('#drawerBackdrop').addEventListener('click', () => setDrawer(false));
$('#chatList').addEventListener('click', () => setDrawer(false));
document.addEventListener('keydown', event => { if (event.key === 'Escape') setDrawer(false); });

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
  $('#confirmTitle').textContent = 'Delete conversation?';
  dialog.returnValue = '';
  dialog.showModal();
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'ok' || !openId) return;
    try {
      await call('DELETE', `/chats/${encodeURIComponent(openId)}`);
      remember(openId, null);
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
  leave() { setDrawer(false); }
};
