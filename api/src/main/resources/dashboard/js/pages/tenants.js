// The tenants this token may see; one of them opens straight away.
import { api } from '../api.js';
import { esc } from '../format.js';
import { href } from '../routes.js';

export async function render({ app }) {
  const tenants = await api.tenants();
  app.innerHTML = `
    <section class="centered">
      <div class="card">
        <h1>Tenants</h1>
        <p class="muted">${tenants.length === 1 ? 'Your token may see one tenant.' : `Your token may see ${tenants.length} tenants.`}</p>
        ${tenants.length ? `<ul class="tenant-list">${tenants.map((t) => `
          <li><a href="${href(t.id, 'overview')}" data-tenant="${esc(t.id)}">
            <span><strong>${esc(t.name)}</strong><br><span class="id">${esc(t.id)}</span></span>
            <span aria-hidden="true">→</span></a></li>`).join('')}</ul>`
    : '<p class="empty">No tenant is open to this token.</p>'}
      </div>
    </section>`;
}
