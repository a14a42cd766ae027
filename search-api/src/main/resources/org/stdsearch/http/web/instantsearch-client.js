// A search client for InstantSearch.js over the stdsearch API:
//
//   import { stdsearchClient } from 'https://search.example/instantsearch-client.js';
//   instantsearch({ indexName: 'standards', searchClient: stdsearchClient({ endpoint: 'https://search.example' }) });
//
// Facets: field (flat), field.lvl0 / field.lvl1 / field.lvl2 (hierarchicalMenu, values
// "Information technology > Artificial intelligence"), year, status, family, type, lang, level,
// ics. Facet values of field, status, type and level are labels in the client's language (as the
// same attributes of hits are); the ids are field_ids, status_id, type_id, level_id on hits, and
// facetLabels: false gives ids everywhere. Filters: facetFilters (outer AND, inner OR; two groups
// on the same attribute are ORed, as the API ORs values of one parameter; a negative refinement,
// "-family:RFC" or "status:-superseded", excludes), numericFilters on year (>=, >, <=, <, =).
// Sorting by replica index names: standards (relevance), standards_newest, standards_oldest,
// standards_identifier (also standards/sort/newest). The disjunctive-facet requests InstantSearch
// fans out (hitsPerPage 0) ask for size=0 and only their facet; identical requests are answered
// from a short-lived cache. client.label(attribute, value) gives the label of a facet value.

const FACETS = ['field', 'year', 'status', 'family', 'type', 'ics', 'lang', 'level'];
const FILTER_PARAMS = { field: 'field', year: 'year', status: 'status', family: 'family', type: 'type', lang: 'doc_lang' };
const SORTS = ['relevance', 'newest', 'oldest', 'identifier'];
const PRE = '__ais-highlight__';
const POST = '__/ais-highlight__';
const MAX_WINDOW = 10000;
/** Labels of the fixed vocabularies, by language (the API labels the field taxonomy itself). */
const VOCABULARY = {
  zh: { status: { current: '现行', upcoming: '即将实施', superseded: '被代替', withdrawn: '废止' },
    type: { mandatory: '强制性', recommended: '推荐性', guidance: '指导性技术文件' },
    level: { national: '国家标准', industry: '行业标准', local: '地方标准', group: '团体标准', international: '国际标准' } },
  en: { status: { current: 'Current', upcoming: 'Upcoming', superseded: 'Superseded', withdrawn: 'Withdrawn' },
    type: { mandatory: 'Mandatory', recommended: 'Recommended', guidance: 'Guidance' },
    level: { national: 'National', industry: 'Industry', local: 'Local', group: 'Group', international: 'International' } },
};

/** The sort a replica index name asks for: standards_newest, standards/sort/newest; else relevance. */
export function sortOf(indexName) {
  const m = /(?:_|\/sort\/)(relevance|newest|oldest|identifier)$/.exec(String(indexName || ''));
  return m && SORTS.includes(m[1]) ? m[1] : 'relevance';
}

export function stdsearchClient({ endpoint = '', lang = 'zh', cacheMs = 30000, maxCached = 100, fetch: fetchFn,
  facetLabels = true } = {}) {
  const base = endpoint.replace(/\/+$/, '');
  const doFetch = fetchFn || ((...a) => fetch(...a));
  const cache = new Map();
  const labels = new Map(); // attribute NUL id → label
  const ids = new Map(); // attribute NUL label → id
  const vocabulary = VOCABULARY[lang] || VOCABULARY.zh;
  let taxonomy;

  async function getJson(path, params) {
    const qs = params.toString();
    const key = `${path}?${qs}`;
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && now - hit.at < cacheMs) return hit.promise;
    const promise = doFetch(`${base}/api/v1${path}?${qs}`, { headers: { Accept: 'application/json' }, credentials: 'omit' })
      .then(async (res) => {
        if (!res.ok) {
          const p = await res.json().catch(() => ({}));
          throw Object.assign(new Error(p.detail || p.title || `HTTP ${res.status}`), { status: res.status });
        }
        return res.json();
      });
    cache.set(key, { at: now, promise });
    promise.catch(() => cache.delete(key));
    if (cache.size > maxCached) cache.delete(cache.keys().next().value);
    return promise;
  }

  /** The label of an id (field, status, type, level), remembering both directions. */
  function named(attr, id, label) {
    const shown = label || vocabulary[attr]?.[id] || id;
    labels.set(`${attr}\u0000${id}`, shown);
    ids.set(`${attr}\u0000${shown}`, id);
    return facetLabels ? shown : id;
  }

  /** The id a facet value names (a label, or an id when labels are off or unknown). */
  function idOf(attr, value) {
    if (vocabulary[attr]) {
      const found = Object.entries(vocabulary[attr]).find(([, l]) => l === value);
      if (found) return found[0];
    }
    return ids.get(`${attr}\u0000${value}`) ?? value;
  }

  /** The taxonomy's labels, loaded once, so that a refinement from a URL maps before any answer named it. */
  function loadTaxonomy() {
    taxonomy = taxonomy || getJson('/facets', new URLSearchParams({ lang })).then((r) => {
      const walk = (nodes) => (nodes || []).forEach((n) => { named('field', n.value, n.label); walk(n.children); });
      walk(r.fields);
    }).catch(() => { taxonomy = null; });
    return taxonomy;
  }

  async function searchOne(request) {
    const p = request.params || {};
    if (request.type === 'facet') return facetValues(request);
    const hitsPerPage = p.hitsPerPage ?? 20;
    const page = p.page || 0;
    const wanted = wantedFacets(p.facets);
    if (facetLabels && refinesField(p)) await loadTaxonomy();
    const params = apiParams(p, { size: Math.min(100, hitsPerPage), page: page + 1, facets: wanted, sort: sortOf(request.indexName) });
    if ((page + 1) * hitsPerPage > MAX_WINDOW) return emptyResult(request, hitsPerPage, page);
    const res = await getJson('/search', params);
    return adapt(request, res, hitsPerPage, page, p);
  }

  async function facetValues(request) {
    const p = request.params || {};
    const facetName = request.facet || p.facetName;
    const facetQuery = (request.facetQuery ?? p.facetQuery ?? '').toLowerCase();
    if (facetLabels && refinesField(p)) await loadTaxonomy();
    const res = await getJson('/search', apiParams(p, { size: 0, page: 1, facets: [apiFacet(facetName)], sort: 'relevance' }));
    const values = Object.entries(facetMap(facetName, res.facets || {}))
      .map(([value, count]) => ({ value, count, label: value }))
      .filter((v) => !facetQuery || v.value.toLowerCase().includes(facetQuery))
      .sort((a, b) => b.count - a.count)
      .slice(0, p.maxFacetHits || 10);
    return {
      facetHits: values.map((v) => ({ value: v.value, count: v.count, highlighted: highlightText(v.value, facetQuery ? [facetQuery] : [], PRE, POST) })),
      exhaustiveFacetsCount: true,
      processingTimeMS: res.took_ms ?? 0,
    };
  }

  function refinesField(p) {
    return [].concat(p.facetFilters || []).flat().some((f) => /^-?field[.:]/.test(String(f)));
  }

  function apiParams(p, { size, page, facets, sort }) {
    const out = new URLSearchParams();
    if (p.query) out.set('q', p.query);
    for (const group of p.facetFilters || []) {
      for (const f of [].concat(group)) {
        // "attr:value"; negative refinements "-attr:value" and "attr:-value" exclude.
        const m = /^(-?)([^:]+):(-?)(.*)$/.exec(String(f));
        if (!m) continue;
        const negated = Boolean(m[1] || m[3]);
        const lvl = m[2].startsWith('field.lvl');
        const attr = lvl ? 'field' : m[2];
        const shown = lvl ? m[4].split(' > ').pop().trim() : m[4];
        const value = idOf(attr, shown);
        if (FILTER_PARAMS[attr]) out.append(FILTER_PARAMS[attr], negated ? `-${value}` : value);
      }
    }
    for (const f of (p.numericFilters || []).flat()) {
      const m = /^\s*year\s*(>=|<=|>|<|=)\s*(\d{1,4})\s*$/.exec(String(f));
      if (!m) continue;
      const y = Number(m[2]);
      if (m[1] === '>=') out.set('year_from', y);
      else if (m[1] === '>') out.set('year_from', y + 1);
      else if (m[1] === '<=') out.set('year_to', y);
      else if (m[1] === '<') out.set('year_to', y - 1);
      else out.append('year', y);
    }
    out.set('page', page);
    out.set('size', size);
    out.set('facets', facets.join(','));
    out.set('lang', lang);
    if (sort && sort !== 'relevance') out.set('sort', sort);
    return out;
  }

  function adapt(request, res, hitsPerPage, page, p) {
    const pre = p.highlightPreTag || PRE;
    const post = p.highlightPostTag || POST;
    const total = res.total || 0;
    const facets = {};
    const requested = p.facets === undefined ? [] : [].concat(p.facets);
    for (const name of requested.includes('*') ? [...FACETS, 'field.lvl0', 'field.lvl1', 'field.lvl2'] : requested) {
      const values = facetMap(name, res.facets || {});
      if (Object.keys(values).length) facets[name] = values;
    }
    const years = (res.facets?.year || []).map((y) => ({ y: Number(y.value), n: y.count })).filter((x) => x.y);
    const n = years.reduce((s, x) => s + x.n, 0);
    const stats = years.length && requested.some((f) => f === 'year' || f === '*') ? {
      year: { min: Math.min(...years.map((x) => x.y)), max: Math.max(...years.map((x) => x.y)),
        sum: years.reduce((s, x) => s + x.y * x.n, 0), avg: n ? years.reduce((s, x) => s + x.y * x.n, 0) / n : 0 },
    } : {};
    return {
      hits: (res.hits || []).map((hit) => toHit(hit, pre, post)),
      nbHits: total,
      page,
      nbPages: hitsPerPage > 0 ? Math.min(Math.ceil(total / hitsPerPage), Math.floor(MAX_WINDOW / hitsPerPage)) : 0,
      hitsPerPage,
      facets,
      facets_stats: stats,
      exhaustiveFacetsCount: true,
      exhaustiveNbHits: res.total_relation !== 'gte',
      processingTimeMS: res.took_ms ?? 0,
      query: p.query || '',
      params: new URLSearchParams(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString(),
      index: request.indexName,
    };
  }

  function facetMap(name, apiFacets) {
    const out = {};
    if (name === 'field' || name.startsWith('field.lvl')) {
      const depth = name === 'field' ? -1 : Number(name.slice('field.lvl'.length));
      const walk = (nodes, path) => nodes.forEach((node) => {
        const shown = [...path, named('field', node.value, node.label)];
        const key = depth < 0 ? shown[shown.length - 1] : shown.join(' > ');
        if (depth < 0 || shown.length - 1 === depth) out[key] = node.count;
        if (depth < 0 || shown.length - 1 < depth) walk(node.children || [], shown);
      });
      walk(apiFacets.field || [], []);
      return out;
    }
    for (const v of apiFacets[name] || []) {
      out[vocabulary[name] ? named(name, v.value, null) : v.value] = v.count;
    }
    return out;
  }

  function toHit(hit, pre, post) {
    const snippets = (hit.snippets || []).map((s) => ({ ...s, value: fromApiHtml(s.text, pre, post) }));
    const words = [...new Set(snippets.flatMap((s) => matched(s.text)))];
    const fieldIds = (hit.fields || []).map((f) => f.id);
    (hit.fields || []).forEach((f) => named('field', f.id, f.label));
    const shownField = (id) => (facetLabels ? labels.get(`field\u0000${id}`) || id : id);
    const paths = (hit.fields || []).map((f) => (f.path?.length ? f.path : [f.id]).map(shownField));
    const lvl = (i) => [...new Set(paths.filter((p) => p.length > i).map((p) => p.slice(0, i + 1).join(' > ')))];
    const word = (attr, id) => (id && vocabulary[attr] ? named(attr, id, null) : id);
    const attrs = {
      objectID: hit.id,
      identifier: hit.identifier,
      title: (lang === 'en' ? hit.title?.en || hit.title?.zh : hit.title?.zh || hit.title?.en) || '',
      title_zh: hit.title?.zh || '',
      title_en: hit.title?.en || '',
      year: hit.year, published: hit.published, implemented: hit.implemented,
      status: word('status', hit.status), status_id: hit.status,
      family: hit.family, ics: hit.ics || [], field: fieldIds.map(shownField), field_ids: fieldIds,
      field_labels: (hit.fields || []).map((f) => f.label),
      'field.lvl0': lvl(0), 'field.lvl1': lvl(1), 'field.lvl2': lvl(2),
      score: hit.score,
      content: snippets.map((s) => s.value.replaceAll(pre, '').replaceAll(post, '')).join(' … '),
      snippets: hit.snippets || [],
      url: abs(hit.links?.self), content_url: abs(hit.links?.content), content_at_page_url: abs(hit.links?.content_at_page),
      extraction_status: hit.extraction_status,
    };
    const hl = (text) => {
      const value = highlightText(text || '', words, pre, post);
      const found = words.filter((w) => (text || '').toLowerCase().includes(w.toLowerCase()));
      return { value, matchLevel: !found.length ? 'none' : found.length === words.length ? 'full' : 'partial', matchedWords: found, fullyHighlighted: false };
    };
    const content = snippets.length
      ? { value: snippets.map((s) => s.value).join(' … '), matchLevel: words.length ? 'full' : 'none', matchedWords: words }
      : { value: '', matchLevel: 'none', matchedWords: [] };
    const _highlightResult = { identifier: hl(attrs.identifier), title: hl(attrs.title), title_zh: hl(attrs.title_zh), title_en: hl(attrs.title_en), content };
    return { ...attrs, _highlightResult, _snippetResult: { content, title: _highlightResult.title } };
  }

  const abs = (link) => (link ? (base ? new URL(link, `${base}/`).href : link) : null);

  return {
    search: (requests) => Promise.all(requests.map(searchOne)).then((results) => ({ results })),
    searchForFacetValues: (requests) => Promise.all(requests.map((r) => facetValues({ ...r, type: 'facet', facet: r.params?.facetName }))),
    label: (attribute, value) => labels.get(`${String(attribute).startsWith('field') ? 'field' : attribute}\u0000${value}`) || value,
    clearCache: () => cache.clear(),
  };
}

function emptyResult(request, hitsPerPage, page) {
  return { hits: [], nbHits: 0, page, nbPages: 0, hitsPerPage, facets: {}, facets_stats: {}, exhaustiveNbHits: true,
    processingTimeMS: 0, query: request.params?.query || '', params: '', index: request.indexName };
}

function wantedFacets(facets) {
  const names = facets === undefined ? [] : [].concat(facets);
  const out = new Set();
  for (const f of names) {
    if (f === '*') FACETS.forEach((x) => out.add(x));
    else if (FACETS.includes(apiFacet(f))) out.add(apiFacet(f));
  }
  return [...out];
}

function apiFacet(name) {
  return name && name.startsWith('field.lvl') ? 'field' : name;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The API's snippet (escaped HTML, <mark> around matches) as plain text with the caller's tags. */
function fromApiHtml(html, pre, post) {
  return String(html).split(/(<mark>|<\/mark>)/).map((part) => {
    if (part === '<mark>') return pre;
    if (part === '</mark>') return post;
    return decode(part.replace(/<[^>]*>/g, ''));
  }).join('');
}

function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function matched(html) {
  return [...String(html).matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => decode(m[1])).filter(Boolean);
}

function highlightText(text, words, pre, post) {
  const ws = words.filter(Boolean).sort((a, b) => b.length - a.length);
  if (!ws.length || !text) return text || '';
  const re = new RegExp(ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return text.replace(re, (m) => `${pre}${m}${post}`);
}
