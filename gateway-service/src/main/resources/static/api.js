// The API at /api/v1: tokens shared by the tabs of this browser (localStorage), one refresh on 401 (one at a time
// across tabs: Web Locks), JSON errors as ApiError. The storage choice and its trade-off: docs/decisions/0401-*.md.

const BASE = '/api/v1';
const STORE = 'cvchat.tokens';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const read = () => { try { return JSON.parse(localStorage.getItem(STORE) || 'null'); } catch { return null; } };
let tokens = read();
let refreshing = null;
const listeners = new Set();

export const session = {
  get signedIn() { return tokens !== null; },
  get accessToken() { return tokens?.access_token; },
  get refreshToken() { return tokens?.refresh_token; },
  onChange(listener) { listeners.add(listener); },
  set(next) {
    const was = tokens !== null;
    tokens = next ? { access_token: next.access_token, refresh_token: next.refresh_token } : null;
    if (tokens) localStorage.setItem(STORE, JSON.stringify(tokens));
    else localStorage.removeItem(STORE);
    if (was !== (tokens !== null)) listeners.forEach(listener => listener(tokens !== null));
  }
};

// another tab signed in, refreshed or signed out: take its tokens (the storage event fires in the other tabs only)
window.addEventListener('storage', event => {
  if (event.key !== STORE && event.key !== null) return;
  const was = tokens !== null;
  tokens = read();
  if (was !== (tokens !== null)) listeners.forEach(listener => listener(tokens !== null));
});

async function errorOf(response) {
  const text = await response.text().catch(() => '');
  try {
    const json = JSON.parse(text);
    if (json && typeof json.error === 'string') return new ApiError(response.status, json.error);
  } catch { /* not JSON */ }
  return new ApiError(response.status, `The server answered ${response.status}. Please try again.`);
}

/**
 * Trades the refresh token for new tokens, once at a time in this browser (a refresh token is single-use: presenting
 * it twice revokes the sign-in); signs out when it is refused. {@code stale} is the access token that was refused:
 * when another tab has refreshed meanwhile, its tokens are used without asking again.
 */
export function refresh(stale = tokens?.access_token) {
  refreshing ??= withLock(async () => {
    tokens = read() ?? tokens;
    if (!tokens?.refresh_token) return false;
    if (tokens.access_token !== stale) return true; // another tab already refreshed
    const response = await fetch(BASE + '/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ refresh_token: tokens.refresh_token })
    });
    if (!response.ok) { session.set(null); return false; }
    session.set(await response.json());
    return true;
  }).catch(() => false).finally(() => { refreshing = null; });
  return refreshing;
}

const withLock = task => (navigator.locks ? navigator.locks.request('cvchat.refresh', task) : task());

/** fetch with the bearer token; on 401 refreshes once and retries. Resolves to the Response (ok), else throws. */
export async function send(method, path, { body, accept, signal, headers: extra } = {}) {
  const attempt = () => {
    const headers = { ...extra };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (accept) headers.Accept = accept;
    if (tokens) headers.Authorization = 'Bearer ' + tokens.access_token;
    return fetch(BASE + path, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  const used = tokens?.access_token;
  let response = await attempt();
  if (response.status === 401 && tokens && !path.startsWith('/auth/login') && await refresh(used)) {
    response = await attempt();
  }
  if (response.status === 401 && !path.startsWith('/auth/')) session.set(null);
  if (!response.ok) throw await errorOf(response);
  return response;
}

/** JSON call: resolves to the parsed body ({} for an empty one). */
export async function call(method, path, body) {
  const response = await send(method, path, { body });
  const text = await response.text();
  return text ? JSON.parse(text) : {};
}

/**
 * Reads a text/event-stream response body and calls onEvent(data, eventName, id) for every event with data
 * (JSON-parsed when it is JSON).
 */
export async function readEvents(response, onEvent) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message', id = null;
      const data = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const content = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(content);
        else if (field === 'event') name = content;
        else if (field === 'id') id = content;
      }
      if (!data.length) continue;
      const text = data.join('\n');
      let parsed = text;
      try { parsed = JSON.parse(text); } catch { /* plain text event */ }
      onEvent(parsed, name, id);
    }
  }
}

/** Downloads a file answer (uses the Content-Disposition file name). Resolves to the file name. */
export async function download(path, fallbackName) {
  const response = await send('GET', path);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
