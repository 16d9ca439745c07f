// Entry point: sign-in, navigation between the views (#/chats, #/cv, #/documents, #/voice), settings.
import { call, session } from './api.js';
import { $, announce, report } from './dom.js';
import { chats } from './chat.js';
import { cvBuilder } from './cv.js';
import { voice } from './voice.js';
import { documents } from './documents.js';

const views = { chats, cv: cvBuilder, documents, voice };
let registering = false;
let current = null;

function show(id) {
  for (const view of document.querySelectorAll('main > section')) view.hidden = view.id !== id;
}

async function route() {
  if (!session.signedIn) {
    $('#topbar').hidden = true;
    show('view-auth');
    current?.leave?.();
    current = null;
    return;
  }
  $('#topbar').hidden = false;
  if (!$('#who').textContent) loadMe();
  const [, name = 'chats', ...rest] = (location.hash || '#/chats').slice(1).split('/');
  const view = views[name];
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (current && current !== view) current.leave?.();
  if (!view) { current = null; show('view-missing'); return; }
  show('view-' + name);
  current = view;
  try {
    await view.enter(rest.map(decodeURIComponent));
  } catch (error) {
    report(error);
  }
}


let loadingMe = null;
function loadMe() {
  loadingMe ??= call('GET', '/auth/me')
    .then(me => { $('#who').textContent = me.full_name || me.email || ''; })
    .catch(error => { if (session.signedIn) report(error); })
    .finally(() => { loadingMe = null; });
  return loadingMe;
}

// ---- sign in / register
function setMode(register) {
  registering = register;
  $('#authTitle').textContent = register ? 'Create your account' : 'Log in';
  $('#authSubmit').textContent = register ? 'Create account' : 'Log in';
  $('#nameField').hidden = !register;
  $('#passwordHint').hidden = !register;
  $('#password').autocomplete = register ? 'new-password' : 'current-password';
  $('#switchLead').textContent = register ? 'Already have an account?' : 'New here?';
  $('#authSwitch').textContent = register ? 'Log in' : 'Create an account';
  $('#authError').textContent = '';
}

$('#authSwitch').addEventListener('click', () => setMode(!registering));
$('#authForm').addEventListener('submit', async event => {
  event.preventDefault();
  const email = $('#email').value.trim();
  const password = $('#password').value;
  $('#authError').textContent = '';
  if (!email || !password) { $('#authError').textContent = 'Please enter your email and password.'; return; }
  if (registering && !$('#fullName').value.trim()) { $('#authError').textContent = 'Please enter your full name.'; return; }
  const button = $('#authSubmit');
  button.disabled = true;
  try {
    if (registering) {
      await call('POST', '/auth/register', { email, password, full_name: $('#fullName').value.trim() });
    }
    const tokens = await call('POST', '/auth/login', { email, password });
    $('#password').value = '';
    setMode(false);
    if (!location.hash || location.hash === '#/') history.replaceState(null, '', '#/chats');
    session.set(tokens); // routes (below)
  } catch (error) {
    $('#authError').textContent = error.message;
  } finally {
    button.disabled = false;
  }
});

$('#logout').addEventListener('click', async () => {
  const refreshToken = session.refreshToken;
  current?.leave?.();
  try { await call('POST', '/auth/logout', { refresh_token: refreshToken || '' }); } catch { /* signed out anyway */ }
  session.set(null);
});

// ---- settings (Gemini key)
const settings = $('#settings');
async function refreshKeyState() {
  try {
    const state = await call('GET', '/auth/me/gemini-api-key');
    $('#keyState').textContent = state.is_set
      ? 'Your own Gemini API key is set.' : 'No personal key yet: the server\'s model answers you.';
    $('#removeKey').hidden = !state.is_set;
  } catch (error) {
    $('#keyState').textContent = error.message;
  }
}
$('#openSettings').addEventListener('click', () => {
  $('#settingsError').textContent = '';
  $('#apiKey').value = '';
  settings.showModal();
  refreshKeyState();
});
$('#closeSettings').addEventListener('click', () => settings.close());
$('#saveKey').addEventListener('click', async () => {
  const key = $('#apiKey').value.trim();
  if (!key) { $('#settingsError').textContent = 'Paste your key first.'; return; }
  try {
    await call('PUT', '/auth/me/gemini-api-key', { api_key: key });
    $('#apiKey').value = '';
    $('#settingsError').textContent = '';
    announce('Gemini API key saved.');
    refreshKeyState();
  } catch (error) {
    $('#settingsError').textContent = error.message;
  }
});
$('#removeKey').addEventListener('click', async () => {
  try {
    await call('DELETE', '/auth/me/gemini-api-key');
    announce('Gemini API key removed.');
    refreshKeyState();
  } catch (error) {
    $('#settingsError').textContent = error.message;
  }
});

// signing in or out here, or in another tab of this browser (the tokens are shared: api.js)
session.onChange(signedIn => {
  if (signedIn) loadMe();
  else $('#who').textContent = '';
  route();
});

window.addEventListener('hashchange', route);
route();
