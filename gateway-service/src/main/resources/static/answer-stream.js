// Follows one answer's Server-Sent Events to the end, across dropped connections: after a drop it reconnects with
// GET /chats/{id}/messages/{message_id}/stream and `Last-Event-ID` (the server sends only what came after), waiting
// 0.5, 1, 2, 4, then 8 s between attempts, for at most two minutes. Event ids are `<message_id>:<n>` and
// `<message_id>:end`; an event at or before the last one handled is skipped, so no text is ever shown twice.
import { send, readEvents, ApiError } from './api.js';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];
const GIVE_UP_MS = 120_000;

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const retryable = error => !(error instanceof ApiError) || error.status >= 500 || error.status === 429;

function indexOf(id) {
  const n = id?.slice(id.lastIndexOf(':') + 1);
  return n === 'end' ? Infinity : Number.parseInt(n, 10);
}

/**
 * Follows an answer. {@code open} makes the first request (the POST that sends the message, or nothing to resume
 * from the start); {@code chatId} and {@code messageId} name the answer when it is already known.
 * {@code on.event(data)} gets every new event; {@code on.reconnecting()} / {@code on.connected()} bracket a drop.
 * Resolves to {@code 'ended'} (a done or error event was handled, or the answer had already ended),
 * {@code 'unsent'} (the first request got no answer at all: the message did not reach the server),
 * {@code 'unknown'} (the connection dropped before the answer had an id: nothing to resume) or
 * {@code 'gave-up'}. A refusal of the server (4xx) is thrown as an ApiError.
 */
export async function followAnswer({ chatId, messageId = null, open, on }) {
  let lastId = null;
  let lastIndex = -1;
  let ended = false;
  let attempt = 0;
  const since = Date.now();
  let request = open ?? resumeRequest;
  let first = true;

  function resumeRequest() {
    return send('GET', `/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}/stream`,
      { accept: 'text/event-stream', headers: lastId ? { 'Last-Event-ID': lastId } : {} });
  }

  for (;;) {
    let response = null;
    try {
      response = await request();
    } catch (error) {
      if (first && open && !(error instanceof ApiError)) return 'unsent';
      if (first && open || !retryable(error)) throw error;
    }
    first = false;
    if (response) {
      if (attempt > 0) on.connected?.();
      if (response.status === 204 || !response.body) return 'ended';
      try {
        await readEvents(response, (data, name, id) => {
          if (id) {
            if (!messageId) messageId = id.slice(0, id.lastIndexOf(':'));
            const index = indexOf(id);
            if (index <= lastIndex) return; // already shown
            lastIndex = index;
            lastId = id;
          }
          attempt = 0;
          if (data?.type === 'start' && data.message_id) messageId = data.message_id;
          if (data?.type === 'done' || data?.type === 'error') ended = true;
          on.event(data);
        });
      } catch { /* the connection dropped: resume below */ }
    }
    if (ended) return 'ended';
    if (!messageId) return 'unknown';
    if (Date.now() - since > GIVE_UP_MS) return 'gave-up';
    on.reconnecting?.();
    await sleep(BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]);
    attempt++;
    request = resumeRequest;
  }
}
