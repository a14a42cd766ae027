// The built-in search page. All state lives in the URL (?q=&field=&year_from=&year_to=&status=
// &family=&sort=&page=&id=&lang=), so a view can be shared and back/forward replay it.
import { createApi } from './api.js';
import { h, snippetNodes } from './dom.js';
import { translator, initialLang } from './i18n.js';
import { attachSuggestions } from './suggest.js';
import { renderDetail } from './detail.js';
import { renderFacets } from './facets.js';
import { landing, noResultsHelp, failure, indexingNotice } from './guidance.js';

const PAGE_SIZE = 10;
const LIST_KEYS = ['field', 'status', 'family'];
const INDEXING_POLL_MS = 3000;
const api = createApi('');
const $ = (id) => document.getElementById(id);

let state = readState(location.search);
let t = translator(state.lang);
let searchController;
let lastFacets;
let openedFromResults = false;
let indexingTimer;
const expanded = new Set();
/** Field labels by language and id, from every field facet seen (chips name a field by its label). */
const fieldNames = { zh: new Map(), en: new Map() };

// Back from a detail view puts scroll and focus back where they were: the page does it, not the browser.
history.scrollRestoration = 'manual';

function readState(search) {
  const p = new URLSearchParams(search);
  const int = (k) => (/^\d{1,4}$/.test(p.get(k) || '') ? Number(p.get(k)) : null);
  return {
    q: p.get('q') || '',
    field: p.getAll('field'), status: p.getAll('status'), family: p.getAll('family'),
    year_from: int('year_from'), year_to: int('year_to'),
    sort: ['newest', 'oldest', 'identifier'].includes(p.get('sort')) ? p.get('sort') : 'relevance',
    page: Math.max(1, int('page') || 1),
    id: p.get('id') || null,
    lang: initialLang(p),
  };
}

function toQuery(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of LIST_KEYS) for (const v of s[k]) p.append(k, v);
  if (s.year_from != null) p.set('year_from', s.year_from);
  if (s.year_to != null) p.set('year_to', s.year_to);
  if (s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.page > 1) p.set('page', s.page);
  if (s.id) p.set('id', s.id);
  p.set('lang', s.lang);
  return `?${p}`;
}

/** Nothing asked for yet: the landing instead of every standard "by relevance". */
function isLanding(s) {
  return !s.q && !s.id && filterCount(s) === 0 && s.sort === 'relevance' && s.page === 1;
}

/** Without words there is no relevance: lists are newest first unless another order is chosen. */
function effectiveSort(s) {
  return s.sort === 'relevance' && !s.q ? 'newest' : s.sort;
}

function filterCount(s) {
  return s.field.length + s.status.length + s.family.length + (s.year_from != null || s.year_to != null ? 1 : 0);
}

/**
 * Moves to a new state: one history entry per user action, then renders it. Opening a standard
 * from a list first notes in the list's own entry where the visitor was (scroll, the link), so
 * Back returns there.
 */
function go(changes, { push = true, resetPage = true, fromFilters = false } = {}) {
  if (changes.id && !state.id) {
    openedFromResults = true;
    history.replaceState({ scrollY: window.scrollY, focus: `hit:${changes.id}` }, '', location.href);
  }
  state = { ...state, ...(resetPage && !('page' in changes) ? { page: 1 } : {}), ...changes };
  history[push ? 'pushState' : 'replaceState'](null, '', toQuery(state));
  if (fromFilters) closeFiltersOnPhone();
  render();
}

window.addEventListener('popstate', (e) => {
  state = readState(location.search);
  if (!state.id) openedFromResults = false;
  render({ restore: e.state });
});

// ---- chrome: texts, language switch, search box ------------------------------------------------

function applyTexts() {
  t = translator(state.lang);
  document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
  document.querySelectorAll('[data-i18n-title]').forEach((el) => el.setAttribute('title', t(el.dataset.i18nTitle)));
  $('q').placeholder = t('placeholder');
  const sw = $('lang-switch');
  sw.textContent = t('switchTo');
  sw.setAttribute('aria-label', t('switchLabel'));
  sw.lang = state.lang === 'zh' ? 'en' : 'zh-Hans';
  $('filters-toggle').textContent = t('filtersN', filterCount(state));
  try { localStorage.setItem('stdsearch.lang', state.lang); } catch { /* storage blocked */ }
}

function setupChrome() {
  const q = $('q');
  const suggestions = attachSuggestions(q, $('suggestions'), {
    fetchSuggestions: (text, signal) => api.suggest(text, 8, signal),
    typeLabel: (type) => t({ identifier: 'typeIdentifier', title: 'typeTitle', term: 'typeTerm' }[type] || type),
    // An identifier names one standard: open it. A title or term is a query.
    onPick: (s) => (s.type === 'identifier' && s.id ? go({ id: s.id, q: s.text }) : go({ q: s.text, id: null })),
  });
  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    suggestions.close();
    go({ q: q.value.trim(), id: null });
  });
  $('lang-switch').addEventListener('click', () => go({ lang: state.lang === 'zh' ? 'en' : 'zh' }, { resetPage: false }));
  $('filters-toggle').addEventListener('click', () => setFiltersOpen($('filters-toggle').getAttribute('aria-expanded') !== 'true'));
}

function setFiltersOpen(open) {
  $('filters-toggle').setAttribute('aria-expanded', String(open));
  $('facets').classList.toggle('open', open);
}

/** On a phone the filters cover the results: a pick closes them, and focus waits on the toggle. */
function closeFiltersOnPhone() {
  const toggle = $('filters-toggle');
  if (getComputedStyle(toggle).display === 'none' || toggle.getAttribute('aria-expanded') !== 'true') return;
  setFiltersOpen(false);
  toggle.focus({ preventScroll: true });
}

// ---- rendering --------------------------------------------------------------------------------

function render({ restore } = {}) {
  applyTexts();
  clearTimeout(indexingTimer);
  const q = $('q');
  if (document.activeElement !== q) q.value = state.q;
  document.body.classList.toggle('detail-mode', Boolean(state.id));
  if (state.id) {
    document.title = `${state.id} · stdsearch`;
    renderDetail($('results'), state.id, { api, t, lang: state.lang, go, back });
  } else {
    document.title = state.q ? `${state.q} · stdsearch` : 'stdsearch';
    run(isLanding(state) ? showLanding : showResults, restore);
  }
}

/** Back to the results: the browser's own back when we came from them, else the search of this state. */
function back() {
  if (openedFromResults) history.back();
  else go({ id: null }, { resetPage: false });
}

function searchParams(s, extra = {}) {
  return {
    q: s.q, field: s.field, status: s.status, family: s.family, year_from: s.year_from, year_to: s.year_to,
    sort: effectiveSort(s), page: s.page, size: PAGE_SIZE, lang: s.lang, facets: 'field,year,status,family', ...extra,
  };
}

/**
 * Runs one view's requests, cancelling the previous view's. A failure says what happened, offers
 * to try again, and clears the filters that belonged to the last answer.
 */
async function run(view, restore) {
  searchController?.abort();
  searchController = new AbortController();
  const { signal } = searchController;
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  try {
    const indexing = await view(signal);
    if (signal.aborted) return;
    restoreView(restore);
    watchIndexing(indexing, signal);
  } catch (e) {
    if (e.name === 'AbortError' || signal.aborted) return;
    lastFacets = null;
    $('facets').replaceChildren();
    results.replaceChildren(failure({ t, error: e, retry: () => render() }));
  } finally {
    if (!signal.aborted) results.removeAttribute('aria-busy');
  }
}

async function showResults(signal) {
  const s = state;
  // With a year range set, the histogram still shows every year (one cheap size=0 request).
  const yearsFiltered = s.year_from != null || s.year_to != null;
  const [res, allYears] = await Promise.all([
    api.search(searchParams(s), signal),
    yearsFiltered ? api.search(searchParams(s, { year_from: null, year_to: null, size: 0, page: 1, facets: 'year' }), signal) : null,
  ]);
  if (signal.aborted) return null;
  const names = fieldNames[s.lang];
  if (s.field.some((id) => !names.has(id)) && !(res.facets?.field || []).length) {
    // No field facet in this answer (nothing matched): the taxonomy names the selected fields.
    rememberFields(s.lang, await api.fieldTree(s.lang, signal).catch(() => []));
  }
  showFacets(res.facets || {}, (allYears || res).facets?.year || []);
  renderResults(res);
  if ((res.total ?? 0) === 0) {
    const help = await noResultsHelp({ t, state: s, res, api, go, signal, searchParams, filterGroups });
    if (!signal.aborted) $('results').querySelector('.empty')?.replaceWith(help);
  }
  return res.indexing;
}

async function showLanding(signal) {
  const [all, newest] = await Promise.all([
    api.search({ size: 0, lang: state.lang, facets: 'field,year,status,family' }, signal),
    api.search({ sort: 'newest', status: 'current', size: 5, snippets: 0, facets: '', lang: state.lang }, signal),
  ]);
  if (signal.aborted) return null;
  showFacets(all.facets || {}, all.facets?.year || []);
  $('results').replaceChildren(...[indexingNotice(t, all.indexing),
    landing({ t, lang: state.lang, total: all.total ?? 0, newest: newest.hits || [], fields: all.facets?.field || [], go, renderHit })]
    .filter(Boolean));
  return all.indexing;
}

function rememberFields(lang, nodes) {
  (nodes || []).forEach((n) => { fieldNames[lang].set(n.value, n.label || n.value); rememberFields(lang, n.children); });
}

function showFacets(facets, years) {
  lastFacets = [facets, years]; // expand/collapse re-renders from these without a request
  rememberFields(state.lang, facets.field);
  renderFacets($('facets'), facets, years, { state, t, go, expanded, rerender: renderFacetsAgain });
}

function renderFacetsAgain() { if (lastFacets) showFacets(...lastFacets); }

/** Scroll and focus as they were when the visitor left this list (Back from a detail view). */
function restoreView(restore) {
  if (!restore) return;
  if (restore.scrollY != null) window.scrollTo(0, restore.scrollY);
  const target = restore.focus && [...$('results').querySelectorAll('[data-focus]')].find((el) => el.dataset.focus === restore.focus);
  target?.focus({ preventScroll: true });
}

/** While a pass runs, the notice follows it; when it ends the view is fetched again, complete. */
function watchIndexing(indexing, signal) {
  if (!indexing) return;
  indexingTimer = setTimeout(async () => {
    if (signal.aborted) return;
    try {
      const stats = await api.stats(signal);
      if (signal.aborted) return;
      if (!stats.indexing) { render(); return; }
      $('results').querySelector('.indexing')?.replaceWith(indexingNotice(t, stats.indexing));
      watchIndexing(stats.indexing, signal);
    } catch { /* the next search tells */ }
  }, INDEXING_POLL_MS);
}

/** The active filter groups, each with its label and the change that clears it (for "fewer filters"). */
function filterGroups(s) {
  const groups = [];
  const label = (k, v) => chipLabel(k, v);
  for (const k of LIST_KEYS) {
    if (s[k].length) groups.push({ label: `${t(k)}: ${s[k].map((v) => label(k, v)).join(', ')}`, clear: { [k]: [] } });
  }
  if (s.year_from != null || s.year_to != null) {
    groups.push({ label: `${t('year')}: ${s.year_from ?? '…'}–${s.year_to ?? '…'}`, clear: { year_from: null, year_to: null } });
  }
  return groups;
}

function chipLabel(k, v) {
  return k === 'status' ? t(v) : k === 'field' ? fieldNames[state.lang].get(v) || v : v;
}

function renderResults(res) {
  const total = res.total ?? 0;
  const head = h('div', { class: 'results-head' },
    h('h1', { class: 'sr-only' }, t('resultsHeading')),
    h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' }, t('results', total, res.total_relation, res.took_ms ?? 0)),
    h('label', { class: 'sort' }, h('span', null, t('sort')),
      h('select', { id: 'sort', onchange: (e) => go({ sort: e.target.value }) },
        ['relevance', 'newest', 'oldest', 'identifier'].map((v) => h('option', { value: v, selected: v === effectiveSort(state) }, t(v))))));
  const list = total === 0
    ? h('div', { class: 'empty' }, h('p', { class: 'empty-lead' }, t('noResults')))
    : h('ol', { class: 'hits', start: (state.page - 1) * PAGE_SIZE + 1 }, res.hits.map((x) => renderHit(x)));
  $('results').replaceChildren(...[head, activeFilterChips(), indexingNotice(t, res.indexing), list, pager(total)].filter(Boolean));
}

function activeFilterChips() {
  const chips = [];
  // Removing a chip removes it from the page too: focus goes to the result summary.
  const remove = (changes) => { go(changes); $('results').focus({ preventScroll: true }); };
  for (const k of LIST_KEYS) {
    for (const v of state[k]) {
      chips.push(h('button', { type: 'button', class: 'chip', 'aria-label': t('remove', chipLabel(k, v)),
        onclick: () => remove({ [k]: state[k].filter((x) => x !== v) }) }, chipLabel(k, v), h('span', { 'aria-hidden': 'true' }, ' ×')));
    }
  }
  if (state.year_from != null || state.year_to != null) {
    const txt = `${state.year_from ?? '…'}–${state.year_to ?? '…'}`;
    chips.push(h('button', { type: 'button', class: 'chip', 'aria-label': t('remove', txt),
      onclick: () => remove({ year_from: null, year_to: null }) }, txt, h('span', { 'aria-hidden': 'true' }, ' ×')));
  }
  if (!chips.length) return null;
  chips.push(h('button', { type: 'button', class: 'link', onclick: () => remove({ field: [], status: [], family: [], year_from: null, year_to: null }) }, t('clearAll')));
  return h('div', { class: 'chips', role: 'group', 'aria-label': t('selected') }, chips);
}

/** The title in the interface language when there is one, else the other; each marked with its language. */
function titleOf(title, lang) {
  const zh = title?.zh ? { text: title.zh, lang: 'zh-Hans' } : null;
  const en = title?.en ? { text: title.en, lang: 'en' } : null;
  const main = (lang === 'en' ? en || zh : zh || en) || { text: '', lang: null };
  const other = lang === 'en' ? zh : en;
  return [main, other && other.text !== main.text ? other : null];
}

/** One hit; its title is a heading one level below the list's own (h2 under the page's h1). */
function renderHit(hit, level = 2) {
  const [main, other] = titleOf(hit.title, state.lang);
  const open = (e) => { if (!e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); go({ id: hit.id }, { resetPage: false }); } };
  return h('li', { class: 'hit' },
    h(`h${level}`, { class: 'hit-title' },
      h('a', { href: toQuery({ ...state, id: hit.id }), onclick: open, 'data-focus': `hit:${hit.id}` },
        h('span', { class: 'ident' }, hit.identifier || hit.id), ' ', h('span', { class: 'title-main', lang: main.lang }, main.text))),
    other ? h('p', { class: 'title-other', lang: other.lang }, other.text) : null,
    h('p', { class: 'meta' },
      hit.status ? h('span', { class: `badge status-${hit.status}` }, t(hit.status)) : null,
      hit.year ? h('span', null, hit.year) : null,
      hit.family ? h('span', null, hit.family) : null,
      (hit.fields || []).map((f) => h('button', { type: 'button', class: 'tag', onclick: () => go({ field: [...new Set([...state.field, f.id])] }) }, f.label || f.id))),
    (hit.snippets || []).slice(0, 3).map((s) => renderSnippet(hit, s)));
}

function renderSnippet(hit, s) {
  const href = s.page ? `${hit.links?.content || api.contentUrl(hit.id)}#page=${s.page}` : hit.links?.content_at_page || hit.links?.content;
  const where = [s.clause ? t('clause', s.clause) : null, s.page ? t('page', s.page) : null].filter(Boolean).join(' · ');
  return h('blockquote', { class: 'snippet' },
    h('p', null, snippetNodes(s.text)),
    where && href ? h('a', { class: 'where', href, target: '_blank', rel: 'noopener', title: s.page ? t('openAt', s.page) : null }, where, ' ↗') : where ? h('span', { class: 'where' }, where) : null);
}

function pager(total) {
  const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE));
  if (pages <= 1) return null;
  const cur = state.page;
  const nums = new Set([1, pages, cur - 1, cur, cur + 1].filter((n) => n >= 1 && n <= pages));
  const items = [];
  let last = 0;
  for (const n of [...nums].sort((a, b) => a - b)) {
    if (n - last > 1) items.push(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    items.push(h('li', null, pageLink(n, String(n), n === cur)));
    last = n;
  }
  return h('nav', { class: 'pager', 'aria-label': t('pager') },
    pageLink(cur - 1, t('prev'), false, cur <= 1, 'prev'), h('ol', null, items), pageLink(cur + 1, t('next'), false, cur >= pages, 'next'));
}

function pageLink(n, text, current, disabled, rel) {
  if (disabled) return h('span', { class: `page ${rel || ''} disabled`, 'aria-disabled': 'true' }, text);
  return h('a', { class: `page ${rel || ''}`, href: toQuery({ ...state, page: n }), rel, 'aria-current': current ? 'page' : null,
    'aria-label': rel ? null : t('pageN', n),
    onclick: (e) => { e.preventDefault(); go({ page: n }, { resetPage: false }); window.scrollTo(0, 0); } }, text);
}

// ---- start ------------------------------------------------------------------------------------

setupChrome();
history.replaceState(history.state, '', toQuery(state));
render({ restore: history.state });
