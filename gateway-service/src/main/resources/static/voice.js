// Voice: microphone → AudioWorklet (16 kHz LINEAR16) → the voice WebSocket (?token=), transcripts and the answer.
import { call, refresh, session } from './api.js';
import { $, el, fill, announce, disclaimerNote } from './dom.js';

let socket = null;
let conversationId = null;
let capture = null; // { context, stream, node, source }
let answerNode = null;
let answerText = '';
let pinger = null;
let talking = false;

function status(message) { $('#voiceStatus').textContent = message; }

function turn(kind, label, content) {
  const node = el('div', { class: 'turn ' + kind }, el('span', { class: 'turn-label' }, label), el('p', {}, content));
  $('#voiceTurns').append(node);
  node.scrollIntoView({ block: 'nearest' });
  return node;
}

async function loadConversations() {
  const { data } = await call('GET', '/chats?per_page=100');
  const select = $('#voiceChat');
  const chosen = conversationId || select.value;
  fill(select, el('option', { value: 'new' }, 'Start a new conversation'),
    data.conversations.map(c => el('option', { value: c.id }, c.title || 'New conversation')));
  select.value = data.conversations.some(c => c.id === chosen) ? chosen : 'new';
}

function base64(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function sendJson(message) {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
}

function onMessage(event) {
  let message;
  try { message = JSON.parse(event.data); } catch { return; }
  switch (message.type) {
    case 'status':
      if (message.chat_session_id) {
        conversationId = message.chat_session_id;
        if (socket) socket.target = conversationId;
        loadConversations().catch(() => {});
      }
      status(message.message || '');
      break;
    case 'partial_transcript':
      $('#partial').textContent = message.text || '';
      break;
    case 'final_transcript':
      $('#partial').textContent = '';
      turn('user', 'You said', message.text || '');
      break;
    case 'ai_response':
      if (!answerNode) { answerText = ''; answerNode = turn('ai', 'AI', ''); }
      if (message.is_complete) {
        answerNode.querySelector('p').textContent = message.text || answerText;
        if (message.disclaimer) {
          answerNode.append(disclaimerNote(message.disclaimer));
        }
        status('Answer complete.');
        $('#partial').textContent = '';
        $('#voiceLive').textContent = 'AI answered: ' + (message.text || answerText);
        answerNode = null;
      } else {
        answerText += message.text || '';
        answerNode.querySelector('p').textContent = answerText;
      }
      break;
    case 'title':
      $('#voiceLive').textContent = 'Conversation titled ' + (message.text || '');
      loadConversations().catch(() => {});
      break;
    case 'error':
      turn('error', 'Problem', message.message || 'Something went wrong.');
      break;
    default:
      break; // pong and anything newer
  }
}

async function connect() {
  const target = $('#voiceChat').value || 'new';
  if (socket && socket.readyState <= WebSocket.OPEN && socket.target === target) return socket;
  disconnect();
  // make sure the token is fresh: the socket cannot refresh it itself
  try { await call('GET', '/auth/me'); } catch { if (!(await refresh())) throw new Error('Please log in again.'); }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${location.host}/api/v1/chats/ws/voice/${encodeURIComponent(target)}`
    + `?token=${encodeURIComponent(session.accessToken)}`;
  status('Connecting…');
  const ws = new WebSocket(url);
  ws.target = target;
  socket = ws;
  ws.addEventListener('message', onMessage);
  ws.addEventListener('close', () => {
    if (socket === ws) { socket = null; clearInterval(pinger); status('Disconnected.'); stopCapture(); setTalking(false); }
  });
  // ready once the server has said which conversation the socket talks into (its first message)
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The voice service did not answer. Please try again.')), 15_000);
    ws.addEventListener('message', function ready(event) {
      if (String(event.data).includes('"chat_session_id"')) {
        clearTimeout(timer);
        ws.removeEventListener('message', ready);
        resolve();
      }
    });
    ws.addEventListener('error', () => {
      clearTimeout(timer);
      reject(new Error('Could not connect to the voice service.'));
    }, { once: true });
  });
  clearInterval(pinger);
  pinger = setInterval(() => sendJson({ type: 'ping', timestamp: new Date().toISOString() }), 20_000);
  return ws;
}

function disconnect() {
  clearInterval(pinger);
  if (socket) { const ws = socket; socket = null; ws.close(1000); }
}

// Asks for the microphone; its audio is sent only once capture.sending is set (after start_talking).
async function startCapture() {
  if (!navigator.mediaDevices?.getUserMedia) throw new MicrophoneError('unsupported');
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true }
    });
  } catch (error) {
    throw new MicrophoneError(error.name);
  }
  const context = new AudioContext();
  await context.audioWorklet.addModule('worklet.js');
  const source = context.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(context, 'pcm16k-capture',
    { processorOptions: { targetRate: 16000, chunkMs: 100 }, numberOfOutputs: 0 });
  capture = { context, stream, node, source, sending: false };
  const own = capture;
  node.port.onmessage = event => { if (own.sending) sendJson({ type: 'audio_chunk', data: base64(event.data) }); };
  source.connect(node);
}

// A microphone failure, with the text the user sees for each cause.
class MicrophoneError extends Error {
  constructor(cause) {
    super({
      unsupported: 'This browser cannot record audio on this page (a microphone needs HTTPS or localhost).',
      NotAllowedError: 'Microphone access was refused. Allow the microphone for this site in the browser, then try again.',
      SecurityError: 'Microphone access was refused. Allow the microphone for this site in the browser, then try again.',
      NotFoundError: 'No microphone was found. Connect one, then try again.',
      OverconstrainedError: 'No suitable microphone was found. Connect one, then try again.',
      NotReadableError: 'The microphone is busy or could not be started (another application may be using it).',
      AbortError: 'The microphone could not be started. Please try again.'
    }[cause] || 'The microphone could not be started. Please try again.');
    this.name = 'MicrophoneError';
  }
}

function stopCapture() {
  if (!capture) return;
  const { context, stream, node, source } = capture;
  capture = null;
  node.port.postMessage('flush');
  source.disconnect();
  stream.getTracks().forEach(track => track.stop());
  // let the flushed samples arrive before closing
  setTimeout(() => { node.port.onmessage = null; context.close().catch(() => {}); }, 50);
}

function setTalking(on) {
  talking = on;
  $('#talk').setAttribute('aria-pressed', String(on));
  $('#talk').classList.toggle('live', on);
  $('#talkLabel').textContent = on ? 'Stop talking' : 'Start talking';
}

async function toggle() {
  const button = $('#talk');
  button.disabled = true;
  try {
    if (!talking) {
      status('Asking for the microphone…');
      await startCapture(); // before the socket: a refused microphone opens no conversation
      await connect();
      sendJson({ type: 'start_talking', encoding: 'LINEAR16', sample_rate_hz: 16000 });
      if (capture) capture.sending = true;
      setTalking(true);
    } else {
      setTalking(false);
      const flushed = new Promise(resolve => {
        const node = capture?.node;
        if (!node) { resolve(); return; }
        const previous = node.port.onmessage;
        node.port.onmessage = event => { previous(event); resolve(); };
        setTimeout(resolve, 200);
      });
      stopCapture();
      await flushed;
      sendJson({ type: 'stop_talking' });
    }
  } catch (error) {
    setTalking(false);
    stopCapture();
    const message = error.message || 'Voice could not start. Please try again.';
    status(message);
    announce(message, 'error');
  } finally {
    button.disabled = false;
  }
}

$('#talk').addEventListener('click', toggle);
$('#voiceChat').addEventListener('change', () => {
  if (talking) return;
  conversationId = null;
  disconnect();
  fill($('#voiceTurns'));
  status('Not connected.');
});

export const voice = {
  async enter() { await loadConversations(); },
  leave() {
    if (talking) { stopCapture(); sendJson({ type: 'stop_talking' }); setTalking(false); }
    disconnect();
  }
};
