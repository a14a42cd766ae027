// The detail view of one standard: metadata, clause outline, terms, lineage, references both ways
// and similar standards; every standard mentioned that is in the index links to its own view.
import { h } from './dom.js';

let controller;

export async function renderDetail(root, id, { api, t, lang, go, back }) {
  controller?.abort();
  controller = new AbortController();
  root.setAttribute('aria-busy', 'true');
  root.replaceChildren(h('p', { class: 'loading' }, t('loading')));
  let d;
  try {
    d = await api.standard(id, lang, controller.signal);
  } catch (e) {
    if (e.name === 'AbortError') return;
    root.replaceChildren(backButton(t, back), h('p', { class: 'error', role: 'alert' }, t('detailError'), e.message));
    root.removeAttribute('aria-busy');
    return;
  }
  const m = d.metadata || {};
  const main = (lang === 'en' ? m.title_en || m.title_zh : m.title_zh || m.title_en) || '';
  const other = (lang === 'en' ? m.title_zh : m.title_en) || '';
  const langOf = (text) => (text && text === m.title_en ? 'en' : 'zh-Hans');
  const link = (l) => (l.id
    ? h('a', { href: `?id=${encodeURIComponent(l.id)}&lang=${lang}`, onclick: (e) => { e.preventDefault(); go({ id: l.id }); } },
      h('span', { class: 'ident' }, l.identifier || l.id), l.title ? ` ${l.title}` : '')
    : h('span', { class: 'unresolved' }, h('span', { class: 'ident' }, l.identifier), ' ', h('small', null, `(${t('notIndexed')})`)));
  const linkList = (key, items, cls = 'links') => (items?.length
    ? section(key, t(key), h('ul', { class: cls }, items.map((l) => h('li', null, link(l))))) : null);

  const article = h('article', { class: 'detail', 'aria-labelledby': 'detail-title' },
    backButton(t, back),
    h('header', { class: 'detail-head' },
      h('p', { class: 'detail-ident' }, h('span', { class: 'ident' }, m.identifier || id),
        d.status ? h('span', { class: `badge status-${d.status}` }, t(d.status)) : null),
      h('h1', { id: 'detail-title', tabindex: '-1', lang: langOf(main) }, main || m.identifier || id),
      other && other !== main ? h('p', { class: 'title-other', lang: langOf(other) }, other) : null,
      h('p', { class: 'actions' }, h('a', { class: 'button primary', href: api.contentUrl(id), target: '_blank', rel: 'noopener' }, t('openOriginal'), ' ↗'))),
    h('div', { class: 'detail-grid' },
      h('div', { class: 'detail-main' },
        lineage(d, m, t, link),
        outline(m.clauses, id, api, t),
        terms(m.terms, t)),
      h('div', { class: 'detail-side' },
        section('metadata', t('metadata'), metadataList(d, m, t)),
        linkList('references', d.references),
        linkList('referencedBy', d.referenced_by),
        linkList('similar', d.similar))));
  root.replaceChildren(article);
  root.removeAttribute('aria-busy');
  article.querySelector('h1').focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function backButton(t, back) {
  return h('button', { type: 'button', class: 'back link', onclick: back }, '← ', t('back'));
}

function section(key, title, body) {
  return h('section', { class: `block block-${key}`, 'aria-labelledby': `h-${key}` }, h('h2', { id: `h-${key}` }, title), body);
}

function metadataList(d, m, t) {
  const rows = [
    ['published', m.published], ['implemented', m.implemented],
    ['issuers', m.issuers?.join('; ')], ['ics', m.ics?.join(', ')], ['ccs', m.ccs?.join(', ')],
    ['type', m.type && t(m.type)], ['level', m.level && t(m.level)], ['language', m.language],
    ['adoption', m.adoption && [m.adoption.relation, m.adoption.identifier].filter(Boolean).join(' ')],
    ['fields', d.fields?.map((f) => f.label || f.id).join('; ')],
    ['pages', d.pages || m.extraction?.pages],
    ['extraction', m.extraction?.status && m.extraction.status !== 'ok' ? `${m.extraction.status}${m.extraction.reason ? ` — ${m.extraction.reason}` : ''}` : null],
  ].filter(([, v]) => v != null && v !== '' && v !== 0);
  return h('dl', { class: 'meta-list' }, rows.map(([k, v]) => [h('dt', null, t(k)), h('dd', null, String(v))]));
}

function lineage(d, m, t, link) {
  const older = d.replaces?.length ? d.replaces : (m.replaces || []).map((identifier) => ({ identifier }));
  const newer = d.replaced_by || [];
  if (!older.length && !newer.length) return null;
  const step = (label, items, cls) => (items.length
    ? h('li', { class: cls }, h('span', { class: 'step-label' }, label), h('ul', null, items.map((l) => h('li', null, link(l))))) : null);
  return section('lineage', t('lineage'), h('ol', { class: 'chain' },
    step(t('replaces'), older, 'older'),
    h('li', { class: 'this', 'aria-current': 'true' }, h('span', { class: 'step-label' }, t('thisStandard')), h('span', { class: 'ident' }, m.identifier)),
    step(t('replacedBy'), newer, 'newer')));
}

function outline(clauses, id, api, t) {
  if (!clauses?.length) return null;
  return section('outline', t('outline'), h('ol', { class: 'outline' }, clauses.map((c) => {
    const depth = Math.min(4, String(c.number || '').split('.').length);
    return h('li', { class: 'clause', style: { '--depth': depth - 1 } },
      h('span', { class: 'num' }, c.number), ' ', h('span', { class: 'heading' }, c.heading || ''),
      c.page_from ? h('a', { class: 'page-link', href: api.contentUrl(id, c.page_from), target: '_blank', rel: 'noopener', title: t('openAt', c.page_from) }, t('page', c.page_from)) : null);
  })));
}

function terms(list, t) {
  if (!list?.length) return null;
  return section('terms', t('terms'), h('dl', { class: 'terms' }, list.map((x) => [
    h('dt', null, x.clause ? h('span', { class: 'num' }, x.clause) : null, ' ', x.term_zh || '', x.term_en ? h('span', { class: 'term-en', lang: 'en' }, ` ${x.term_en}`) : null),
    h('dd', null, x.definition || ''),
  ])));
}
