// What the page says when there is no result list to show: the landing for an empty query (newest
// current standards, browse by field), help for a query that found nothing (did you mean, fewer
// filters), a failed request (what happened, try again) and an indexing pass under way.
import { h } from './dom.js';

/** The landing: how many standards, the newest current ones, and the top fields to browse. */
export function landing({ t, lang, total, newest, fields, go, renderHit }) {
  return h('section', { class: 'landing', 'aria-labelledby': 'landing-title' },
    h('h1', { id: 'landing-title', class: 'landing-title' }, t('landingTitle')),
    h('p', { class: 'landing-count' }, t('landingCount', total)),
    fields.length ? h('section', { class: 'browse', 'aria-labelledby': 'browse-title' },
      h('h2', { id: 'browse-title' }, t('browseFields')),
      h('ul', { class: 'browse-list' }, fields.filter((f) => f.count).map((f) => h('li', null,
        h('a', { href: `?field=${encodeURIComponent(f.value)}&lang=${lang}`, 'data-focus': `browse:${f.value}`,
          onclick: (e) => { e.preventDefault(); go({ field: [f.value] }); } },
        h('span', { class: 'label' }, f.label || f.value), ' ', h('span', { class: 'count' }, f.count)))))) : null,
    newest.length ? h('section', { class: 'newest', 'aria-labelledby': 'newest-title' },
      h('h2', { id: 'newest-title' }, t('newestCurrent')),
      h('ol', { class: 'hits' }, newest.map((hit) => renderHit(hit, 3))),
      h('p', null, h('a', { href: `?status=current&sort=newest&lang=${lang}`,
        onclick: (e) => { e.preventDefault(); go({ status: ['current'], sort: 'newest' }); } }, t('seeAllCurrent')))) : null);
}

/**
 * Help for a query with no results: the respelling the API offers, then each active filter group
 * with the number of results without it (one size=0 request each), then all filters at once.
 */
export async function noResultsHelp({ t, state, res, api, go, signal, searchParams, filterGroups }) {
  const parts = [h('p', { class: 'empty-lead' }, t('noResults'))];
  if (res.did_you_mean) {
    parts.push(h('p', { class: 'did-you-mean' }, t('didYouMean'),
      h('a', { href: `?q=${encodeURIComponent(res.did_you_mean)}&lang=${state.lang}`,
        onclick: (e) => { e.preventDefault(); go({ q: res.did_you_mean }); } }, res.did_you_mean)));
  }
  const groups = filterGroups(state);
  if (groups.length) {
    const without = async (changes) => (await api.search(searchParams({ ...state, ...changes },
      { size: 0, page: 1, facets: '', snippets: 0 }), signal)).total ?? 0;
    const counts = await Promise.all(groups.map((g) => without(g.clear)));
    const all = groups.length > 1 ? await without(Object.assign({}, ...groups.map((g) => g.clear))) : null;
    const offers = groups.map((g, i) => ({ text: t('without', g.label, counts[i]), clear: g.clear, n: counts[i] }));
    if (all != null) offers.push({ text: t('withoutAll', all), clear: Object.assign({}, ...groups.map((g) => g.clear)), n: all });
    const useful = offers.filter((o) => o.n > 0);
    if (useful.length) {
      parts.push(h('p', { class: 'relax-lead' }, t('relax')),
        h('ul', { class: 'relax' }, useful.map((o) => h('li', null,
          h('button', { type: 'button', class: 'secondary', onclick: () => go(o.clear) }, o.text)))));
    }
  }
  return h('div', { class: 'empty' }, parts);
}

/** A failed request: what happened in the visitor's words, and a way to try again. */
export function failure({ t, error, retry }) {
  const message = error?.status === 503 ? t('notReady')
    : error?.status >= 500 ? t('serverError')
      : error?.status >= 400 ? `${t('error')}${error.message}`
        : t('offline');
  return h('div', { class: 'error', role: 'alert' },
    h('p', null, message),
    h('button', { type: 'button', class: 'secondary retry', onclick: retry }, t('retry')));
}

/** The indexing pass under way, or null: results are incomplete until it ends. */
export function indexingNotice(t, indexing) {
  if (!indexing) return null;
  const text = indexing.phase === 'ocr'
    ? t('indexingOcr', indexing.ocr_pages_done ?? 0, indexing.ocr_pages_total ?? 0,
      indexing.ocr_documents_done ?? 0, indexing.ocr_documents_total ?? 0)
    : indexing.phase === 'files' ? t('indexingFiles', indexing.files_done ?? 0, indexing.files_total ?? 0)
      : t('indexingStarting');
  return h('p', { class: 'indexing', role: 'status' }, text);
}
