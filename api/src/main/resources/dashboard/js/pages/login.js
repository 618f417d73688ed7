// Sign in with an API token; the token is checked against the API before it is kept.
import { api, AuthError } from '../api.js';
import { esc } from '../format.js';
import { signIn, signOut } from '../session.js';

export async function render({ app }) {
  const message = sessionStorage.getItem('curlake.loginMessage');
  sessionStorage.removeItem('curlake.loginMessage');
  app.innerHTML = `
    <section class="centered">
      <div class="card">
        <h1>Sign in</h1>
        <p class="muted">Cost dashboards for the tenants your API token may see.</p>
        <form id="login-form" autocomplete="off">
          <label>API token<input id="token" name="token" type="password" required autofocus spellcheck="false" autocomplete="off"></label>
          <p class="error" id="login-error" ${message ? '' : 'hidden'}>${esc(message ?? '')}</p>
          <button type="submit">Sign in</button>
        </form>
      </div>
    </section>`;
  const form = app.querySelector('#login-form');
  const error = app.querySelector('#login-error');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    signIn(form.token.value);
    try {
      await api.tenants();
      location.hash = '#/tenants';
    } catch (e) {
      signOut();
      error.hidden = false;
      error.textContent = e instanceof AuthError ? 'That token was not accepted.' : `The API did not answer: ${e.message}`;
    }
  });
}
