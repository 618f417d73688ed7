// Cost explorer card: the cost of every value of one tag key; each value applies itself as the tag filter.
import { api } from '../api.js';
import { esc } from '../format.js';
import { rankedTable } from '../widgets.js';

/** The tag key to break down by: the one asked for, else the key of the tag filter. */
export const tagKeyOf = (filters) => filters.tagKey || filters.tag.split(':')[0] || '';

/** The values of the key for the query (without its tag filter), or null when no key is chosen. */
export const loadTagValues = (tenant, key, query) => (key ? api.byTag(tenant, key, { ...query, tag: '' }) : null);

export function tagCard(key, values, at) {
  const rows = (values ?? []).map((v, i) => ({ rank: i + 1, id: `${v.tagKey}:${v.tagValue}`, name: v.tagValue, cost: v.cost }));
  return `
    <article class="card" id="tag-breakdown">
      <div class="card-head"><h2>${key ? `Cost by tag <code>${esc(key)}</code>` : 'Cost by tag'}</h2>
        <form class="actions" id="tag-key-form"><input name="tagKey" value="${esc(key)}" placeholder="tag key, e.g. team" size="16"
          aria-label="Tag key"><button class="secondary" type="submit">Show</button></form></div>
      ${key ? rankedTable(rows, (r) => at({ tag: r.id, tagKey: key }), { idLabel: 'Value', showId: false }) : '<p class="empty">Choose a tag key to split the cost by its values.</p>'}
    </article>`;
}

/** Wires the key form: a new key keeps the other filters. */
export function bindTagCard(app, at) {
  app.querySelector('#tag-key-form')?.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = at({ tagKey: new FormData(e.target).get('tagKey').trim() });
  });
}
