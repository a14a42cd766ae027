// The built-in search page. All state lives in the URL (?q=&field=&year_from=&year_to=&status=
// &family=&sort=&page=&id=&lang=), so a view can be shared and back/forward replay it.
import { createApi } from './api.js';
import { h, snippetNodes } from './dom.js';
import { translator, initialLang } from './i18n.js';
import { attachSuggestions } from './suggest.js';
import { renderDetail } from './detail.js';

const PAGE_SIZE = 10;
const LIST_KEYS = ['field', 'status', 'family'];
const api = createApi('');
const $ = (id) => document.getElementById(id);

let state = readState(location.search);
let t = translator(state.lang);
let searchController;
let lastFacets;
let openedFromResults = false;
const expanded = new Set();

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

/** Moves to a new state: one history entry per user action, then renders it. */
function go(changes, { push = true, resetPage = true } = {}) {
  if (changes.id && !state.id) openedFromResults = true;
  state = { ...state, ...(resetPage && !('page' in changes) ? { page: 1 } : {}), ...changes };
  history[push ? 'pushState' : 'replaceState'](null, '', toQuery(state));
  render();
}

window.addEventListener('popstate', () => {
  state = readState(location.search);
  if (!state.id) openedFromResults = false;
  render();
});

// ---- chrome: texts, language switch, search box ------------------------------------------------

function applyTexts() {
  t = translator(state.lang);
  document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.i18nAria)));
  document.querySelectorAll('[data-i18n-title]').forEach((el) => el.setAttribute('title', t(el.dataset.i18nTitle)));
  const q = $('q');
  q.placeholder = t('placeholder');
  const sw = $('lang-switch');
  sw.textContent = t('switchTo');
  sw.setAttribute('aria-label', t('switchLabel'));
  sw.lang = state.lang === 'zh' ? 'en' : 'zh';
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
  const toggle = $('filters-toggle');
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    $('facets').classList.toggle('open', open);
  });
}

// ---- rendering --------------------------------------------------------------------------------

function render() {
  applyTexts();
  const q = $('q');
  if (document.activeElement !== q) q.value = state.q;
  document.body.classList.toggle('detail-mode', Boolean(state.id));
  if (state.id) {
    document.title = 'stdsearch'; // the detail view names the standard once it has loaded
    renderDetail($('results'), state.id, { api, t, lang: state.lang, go, back });
  } else {
    document.title = state.q ? `${state.q} · stdsearch` : 'stdsearch';
    runSearch();
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
    sort: s.sort, page: s.page, size: PAGE_SIZE, lang: s.lang, facets: 'field,year,status,family', ...extra,
  };
}

async function runSearch() {
  searchController?.abort();
  searchController = new AbortController();
  const { signal } = searchController;
  const results = $('results');
  results.setAttribute('aria-busy', 'true');
  const s = state;
  try {
    // With a year range set, the histogram still shows every year (one cheap size=0 request).
    const yearsFiltered = s.year_from != null || s.year_to != null;
    const [res, allYears] = await Promise.all([
      api.search(searchParams(s), signal),
      yearsFiltered ? api.search(searchParams(s, { year_from: null, year_to: null, size: 0, page: 1, facets: 'year' }), signal) : null,
    ]);
    if (signal.aborted) return;
    renderFacets(res.facets || {}, (allYears || res).facets?.year || []);
    renderResults(res);
  } catch (e) {
    if (e.name === 'AbortError') return;
    results.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('error'), e.message));
  } finally {
    if (!signal.aborted) results.removeAttribute('aria-busy');
  }
}

function renderResults(res) {
  const total = res.total ?? 0;
  const head = h('div', { class: 'results-head' },
    h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' }, t('results', total, res.total_relation, res.took_ms ?? 0)),
    h('label', { class: 'sort' }, h('span', null, t('sort')),
      h('select', { id: 'sort', onchange: (e) => go({ sort: e.target.value }) },
        ['relevance', 'newest', 'oldest', 'identifier'].map((v) => h('option', { value: v, selected: v === state.sort }, t(v))))));
  const chips = activeFilterChips();
  const list = total === 0
    ? h('p', { class: 'empty' }, t('noResults'))
    : h('ol', { class: 'hits', start: (state.page - 1) * PAGE_SIZE + 1 }, res.hits.map(renderHit));
  $('results').replaceChildren(...[head, chips, list, pager(total)].filter(Boolean));
}

function activeFilterChips() {
  const chips = [];
  const fieldLabels = new Map();
  const collect = (nodes) => (nodes || []).forEach((n) => { fieldLabels.set(n.value, n.label || n.value); collect(n.children); });
  collect(lastFacets?.[0]?.field);
  const label = (k, v) => (k === 'status' ? t(v) : k === 'field' ? fieldLabels.get(v) || v : v);
  for (const k of LIST_KEYS) {
    for (const v of state[k]) {
      chips.push(h('button', { type: 'button', class: 'chip', 'aria-label': t('remove', label(k, v)),
        onclick: () => go({ [k]: state[k].filter((x) => x !== v) }) }, label(k, v), h('span', { 'aria-hidden': 'true' }, ' ×')));
    }
  }
  if (state.year_from != null || state.year_to != null) {
    const txt = `${state.year_from ?? '…'}–${state.year_to ?? '…'}`;
    chips.push(h('button', { type: 'button', class: 'chip', 'aria-label': t('remove', txt),
      onclick: () => go({ year_from: null, year_to: null }) }, txt, h('span', { 'aria-hidden': 'true' }, ' ×')));
  }
  if (!chips.length) return null;
  chips.push(h('button', { type: 'button', class: 'link', onclick: () => go({ field: [], status: [], family: [], year_from: null, year_to: null }) }, t('clearAll')));
  return h('div', { class: 'chips', 'aria-label': t('selected') }, chips);
}

function titleOf(title, lang) {
  const main = (lang === 'en' ? title?.en || title?.zh : title?.zh || title?.en) || '';
  const other = (lang === 'en' ? title?.zh : title?.en) || '';
  return [main, other !== main ? other : ''];
}

function renderHit(hit) {
  const [main, other] = titleOf(hit.title, state.lang);
  const open = (e) => { if (!e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); go({ id: hit.id }, { resetPage: false }); } };
  return h('li', { class: 'hit' },
    h('h2', { class: 'hit-title' },
      h('a', { href: toQuery({ ...state, id: hit.id }), onclick: open },
        // No identifier (a W3C note, a draft): the title alone is the heading, never the internal id.
        hit.identifier ? [h('span', { class: 'ident' }, hit.identifier), ' '] : null,
        h('span', { class: 'title-main' }, main || hit.heading || ''))),
    other ? h('p', { class: 'title-other', lang: state.lang === 'zh' ? 'en' : 'zh' }, other) : null,
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

// ---- facets -----------------------------------------------------------------------------------

function renderFacets(facets, years) {
  lastFacets = [facets, years]; // expand/collapse re-renders from these without a request
  const panels = [];
  if (facets.field?.length) panels.push(panel('field', h('ul', { class: 'tree', role: 'tree', 'aria-label': t('field') }, facets.field.map((n) => treeNode(n, 1)))));
  if (years.length) panels.push(panel('year', yearFacet(years)));
  for (const k of ['status', 'family']) {
    if (facets[k]?.length) panels.push(panel(k, h('ul', { class: 'checks' }, facets[k].map((v) => checkItem(k, v, k === 'status' ? t(v.value) : v.label || v.value)))));
  }
  $('facets').replaceChildren(...panels);
}

function panel(key, body) {
  const id = `facet-${key}`;
  return h('section', { class: `facet facet-${key}`, 'aria-labelledby': id }, h('h2', { id }, t(key)), body);
}

function checkItem(key, v, label) {
  const checked = state[key].includes(v.value);
  const toggle = () => go({ [key]: checked ? state[key].filter((x) => x !== v.value) : [...state[key], v.value] });
  return h('li', null, h('label', { class: 'check' },
    h('input', { type: 'checkbox', checked, onchange: toggle, 'data-value': v.value }),
    h('span', { class: 'label' }, label), h('span', { class: 'count' }, v.count)));
}

function treeNode(node, level) {
  const kids = node.children || [];
  const selected = state.field.includes(node.value);
  const open = expanded.has(node.value) || kids.some((k) => containsSelected(k));
  const toggle = () => { if (expanded.has(node.value) || open) { expanded.delete(node.value); } else expanded.add(node.value); renderFacetsAgain(); };
  const groupId = `tree-${node.value.replace(/[^\w-]/g, '_')}`;
  return h('li', { role: 'treeitem', 'aria-level': level, 'aria-expanded': kids.length ? String(open) : null, 'aria-selected': String(selected), class: node.count ? null : 'zero' },
    h('div', { class: 'node' },
      kids.length
        ? h('button', { type: 'button', class: 'twisty', 'aria-label': `${t(open ? 'collapse' : 'expand')} ${node.label || node.value}`, 'aria-controls': groupId, onclick: toggle }, open ? '▾' : '▸')
        : h('span', { class: 'twisty', 'aria-hidden': 'true' }),
      h('label', { class: 'check' },
        h('input', { type: 'checkbox', checked: selected, 'data-value': node.value,
          onchange: () => go({ field: selected ? state.field.filter((x) => x !== node.value) : [...state.field, node.value] }) }),
        h('span', { class: 'label' }, node.label || node.value), h('span', { class: 'count' }, node.count))),
    kids.length && open ? h('ul', { role: 'group', id: groupId }, kids.map((k) => treeNode(k, level + 1))) : null);
}

function containsSelected(node) {
  return state.field.includes(node.value) || (node.children || []).some(containsSelected);
}

function renderFacetsAgain() { if (lastFacets) renderFacets(...lastFacets); }

function yearFacet(years) {
  const counted = years.map((y) => ({ year: Number(y.value), count: y.count })).filter((y) => y.year).sort((a, b) => a.year - b.year);
  // A histogram shows empty years too (as gaps) unless the span is too wide to draw.
  const first = counted[0]?.year;
  const last = counted[counted.length - 1]?.year;
  const byYear = new Map(counted.map((d) => [d.year, d.count]));
  const data = counted.length && last - first <= 80
    ? Array.from({ length: last - first + 1 }, (_, i) => ({ year: first + i, count: byYear.get(first + i) || 0 }))
    : counted;
  const max = Math.max(1, ...data.map((d) => d.count));
  const from = state.year_from;
  const to = state.year_to;
  const inRange = (y) => (from == null || y >= from) && (to == null || y <= to);
  const anyRange = from != null || to != null;
  const pickYear = (y, extend) => {
    if (extend && (from != null || to != null)) go({ year_from: Math.min(from ?? y, y), year_to: Math.max(to ?? y, y) });
    else if (from === y && to === y) go({ year_from: null, year_to: null });
    else go({ year_from: y, year_to: y });
  };
  const bars = h('div', { class: 'histogram', role: 'group', 'aria-label': t('yearChart') },
    data.map((d) => h('button', {
      type: 'button', class: `bar${anyRange && inRange(d.year) ? ' in' : ''}${anyRange && !inRange(d.year) ? ' out' : ''}`,
      style: { '--h': `${d.count ? Math.max(4, Math.round((d.count / max) * 100)) : 0}%` }, disabled: !d.count,
      title: `${d.year}: ${d.count}`, 'aria-label': `${d.year}: ${d.count}`, 'aria-pressed': String(anyRange && inRange(d.year)),
      onclick: (e) => pickYear(d.year, e.shiftKey),
    }, h('span', { class: 'fill' }))));
  const axis = data.length ? h('div', { class: 'axis', 'aria-hidden': 'true' }, h('span', null, data[0].year), h('span', null, data[data.length - 1].year)) : null;
  const min = data[0]?.year;
  const maxYear = data[data.length - 1]?.year;
  const input = (name, value) => h('label', null, h('span', null, t(name)),
    h('input', { type: 'number', name: `year_${name}`, id: `year-${name}`, inputmode: 'numeric', min: 1900, max: 2100, value: value ?? '', placeholder: name === 'from' ? min : maxYear }));
  const form = h('form', { class: 'year-range', onsubmit: (e) => {
    e.preventDefault();
    const f = Number(form.elements.year_from.value) || null;
    const tt = Number(form.elements.year_to.value) || null;
    go({ year_from: f && tt && f > tt ? tt : f, year_to: f && tt && f > tt ? f : tt });
  } }, input('from', from), h('span', { class: 'dash', 'aria-hidden': 'true' }, '–'), input('to', to),
  h('button', { type: 'submit', class: 'secondary' }, t('apply')));
  return h('div', null, bars, axis, form);
}

// ---- start ------------------------------------------------------------------------------------

setupChrome();
history.replaceState(null, '', toQuery(state));
render();
