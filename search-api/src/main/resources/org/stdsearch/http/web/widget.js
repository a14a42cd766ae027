/*
 * <std-search endpoint="https://search.example" lang="zh|en" mode="box|full"
 *             results-page="https://portal.example/search" size="10" history></std-search>
 *
 * An embeddable stdsearch box (mode=box: suggestions, then the portal's own results page at
 * results-page?q=...) or a whole search UI (mode=full: box, facets, results; reads ?q= from the
 * page URL). With the `history` attribute the full mode also keeps its state in the page URL
 * (q, field, status, year_from, year_to, page), one history entry per search, so Back and
 * Forward step through searches and a URL can be shared; without it the page URL is left alone.
 * Shadow DOM keeps the portal's CSS out and ours in: every inherited property is set again on the
 * widget's own root inside the shadow tree, so even a portal rule on the host element itself
 * (`* { font-size: 30px !important }`) stops at the boundary. Theme it with CSS custom
 * properties on the element: --std-search-accent, --std-search-font, --std-search-radius,
 * --std-search-text, --std-search-muted, --std-search-background, --std-search-border,
 * --std-search-mark. A classic script (no imports), so <script src> and type=module both work.
 * Events: "std-search:submit" (cancelable; detail {q}) before leaving for results-page.
 */
(() => {
  if (customElements.get('std-search')) return;

  const TEXT = {
    zh: { label: '检索标准', placeholder: '标准号、标题或术语', search: '检索', identifier: '标准号', title: '标题', term: '术语',
      results: (n) => `${n.toLocaleString('zh')} 条结果`, none: '没有找到匹配的标准。', error: '检索服务暂不可用。', retry: '重试',
      didYouMean: '您是不是要找：', results_heading: '检索结果',
      field: '技术领域', status: '状态', year: '年份', from: '起', to: '止', apply: '应用', prev: '上一页', next: '下一页',
      clause: (c) => `第 ${c} 条`, page: (p) => `第 ${p} 页`, suggestions: '检索建议',
      current: '现行', upcoming: '即将实施', superseded: '被代替', withdrawn: '废止' },
    en: { label: 'Search standards', placeholder: 'Identifier, title or term', search: 'Search', identifier: 'Identifier', title: 'Title', term: 'Term',
      results: (n) => `${n.toLocaleString('en')} result${n === 1 ? '' : 's'}`, none: 'No standards match.', error: 'The search service is not available.', retry: 'Try again',
      didYouMean: 'Did you mean: ', results_heading: 'Search results',
      field: 'Technology field', status: 'Status', year: 'Year', from: 'From', to: 'To', apply: 'Apply', prev: 'Previous', next: 'Next',
      clause: (c) => `Clause ${c}`, page: (p) => `p. ${p}`, suggestions: 'Suggestions',
      current: 'Current', upcoming: 'Upcoming', superseded: 'Superseded', withdrawn: 'Withdrawn' },
  };

  const CSS = `
:host { all: initial; display: block;
  --a: var(--std-search-accent, #1d4ed8); --r: var(--std-search-radius, 8px);
  --fg: var(--std-search-text, #1b1f24); --mu: var(--std-search-muted, #5b6470);
  --bg: var(--std-search-background, #fff); --ln: var(--std-search-border, #d9dee4); --mk: var(--std-search-mark, #fff1a8); }
:host([hidden]) { display: none; }
/* The portal's rules for the host element itself (a "*" rule, !important or not) win over :host,
   and inherited properties flow on into the shadow tree: so every inherited property is set again
   here, on an element no portal selector can reach. */
.w { all: initial; display: block; box-sizing: border-box;
  font: 15px/1.55 var(--std-search-font, system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif);
  color: var(--fg); overflow-wrap: anywhere; }
* { box-sizing: border-box; }
form { display: flex; gap: 8px; }
.combo { position: relative; flex: 1; }
input, select, button { font: inherit; color: inherit; }
input[type=search] { width: 100%; padding: 8px 12px; border: 1px solid var(--ln); border-radius: var(--r); background: var(--bg); }
input:focus { outline: none; border-color: var(--a); box-shadow: 0 0 0 3px color-mix(in srgb, var(--a) 18%, transparent); }
button.go { background: var(--a); color: #fff; border: 0; border-radius: var(--r); padding: 8px 16px; font-weight: 600; cursor: pointer; }
:focus-visible { outline: 2px solid var(--a); outline-offset: 2px; }
[role=listbox] { position: absolute; z-index: 10; left: 0; right: 0; top: calc(100% + 4px); margin: 0; padding: 4px; list-style: none;
  background: var(--bg); border: 1px solid var(--ln); border-radius: var(--r); box-shadow: 0 8px 24px rgba(0,0,0,.12); }
[role=option] { display: flex; gap: 8px; align-items: baseline; padding: 6px 8px; border-radius: calc(var(--r) - 2px); cursor: pointer; }
[role=option][aria-selected=true], [role=option]:hover { background: color-mix(in srgb, var(--a) 12%, transparent); }
.kind { font-size: 11px; padding: 0 6px; border-radius: 4px; background: color-mix(in srgb, var(--mu) 14%, transparent); color: var(--mu); flex: none; }
.full { display: grid; grid-template-columns: 220px minmax(0, 1fr); gap: 20px; margin-top: 16px; }
.facets section { margin-bottom: 14px; }
h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--mu); margin: 0 0 6px; }
ul { list-style: none; margin: 0; padding: 0; }
ul ul { padding-left: 16px; }
label.c { display: flex; gap: 6px; align-items: center; cursor: pointer; padding: 2px 0; min-height: 28px; }
label.c input { accent-color: var(--a); margin: 0; width: 18px; height: 18px; flex: none; }
.n { margin-left: auto; font-size: 12px; color: var(--mu); }
.whose { margin-left: auto; font-size: 12px; color: var(--mu); font-family: ui-monospace, Menlo, Consolas, monospace; flex: none; }
.err button, .dym button { background: var(--bg); border: 1px solid var(--ln); border-radius: 6px; padding: 3px 10px; cursor: pointer; margin-left: 6px; }
.dym button { border: 0; padding: 0; color: var(--a); text-decoration: underline; font-weight: 600; }
.years { display: flex; gap: 4px; align-items: center; }
.years input { width: 64px; padding: 3px 5px; border: 1px solid var(--ln); border-radius: 6px; }
.years button, .pager button { background: var(--bg); border: 1px solid var(--ln); border-radius: 6px; padding: 3px 10px; cursor: pointer; }
.summary { color: var(--mu); margin: 0 0 8px; font-size: 14px; }
.hit { padding: 12px 0; border-bottom: 1px solid var(--ln); }
.hit a.t { color: var(--a); text-decoration: none; font-weight: 600; }
.hit a.t:hover { text-decoration: underline; }
.id { font-family: ui-monospace, Menlo, Consolas, monospace; color: var(--fg); margin-right: 6px; }
.sub, .meta { color: var(--mu); font-size: 13px; margin: 2px 0 0; }
.snip { margin: 6px 0 0; font-size: 14px; }
.snip a { font-size: 12px; color: var(--a); margin-left: 6px; text-decoration: none; }
mark { background: var(--mk); color: inherit; }
.pager { display: flex; gap: 8px; align-items: center; justify-content: center; margin-top: 12px; color: var(--mu); }
.msg { color: var(--mu); padding: 12px 0; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 640px) { .full { grid-template-columns: minmax(0, 1fr); } label.c { min-height: 36px; } label.c input { width: 24px; height: 24px; } }`;

  let sheet;
  function styleInto(root) {
    // A constructed sheet is shared by every instance and needs no inline <style> (portal CSPs).
    try {
      sheet = sheet || new CSSStyleSheet();
      if (!sheet.cssRules.length) sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const s = document.createElement('style');
      s.textContent = CSS;
      root.append(s);
    }
  }

  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else if (k === 'class') el.className = v;
      else if (k in el && typeof v !== 'string') el[k] = v;
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of kids.flat(Infinity)) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }

  /** Text and <mark> only, whatever the snippet holds. */
  function snippet(html) {
    const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
    const out = document.createDocumentFragment();
    const walk = (n) => n.childNodes.forEach((c) => {
      if (c.nodeType === 3) out.append(c.textContent);
      else if (c.nodeType === 1) (c.tagName === 'MARK' ? out.append(h('mark', null, c.textContent)) : walk(c));
    });
    walk(body);
    return out;
  }

  /** The standard a suggestion belongs to: identifier and year (two editions share a title). */
  function whose(s) {
    const year = s.year != null && !String(s.identifier || s.text).includes(String(s.year)) ? String(s.year) : null;
    return (s.type === 'identifier' ? [year] : [s.identifier, year]).filter(Boolean).join(' · ');
  }

  /** Han characters mean Chinese; anything else is taken for English (the two languages indexed). */
  function langOf(text) { return /[\u3400-\u9fff]/.test(text || '') ? 'zh-Hans' : 'en'; }

  let seq = 0;

  class StdSearch extends HTMLElement {
    static get observedAttributes() { return ['lang', 'mode', 'endpoint']; }

    constructor() {
      super();
      this.uid = `ss${++seq}`;
      this.root = this.attachShadow({ mode: 'open' });
      styleInto(this.root);
      this.state = { q: '', field: [], status: [], year_from: null, year_to: null, page: 1 };
    }

    get endpoint() { return (this.getAttribute('endpoint') || '').replace(/\/+$/, ''); }
    get lang() { return this.getAttribute('lang') === 'en' ? 'en' : 'zh'; }
    get mode() { return this.getAttribute('mode') === 'full' ? 'full' : 'box'; }
    get size() { return Math.min(50, Math.max(1, Number(this.getAttribute('size')) || 10)); }
    t(k, ...a) { const v = TEXT[this.lang][k]; return typeof v === 'function' ? v(...a) : v ?? k; }

    get keepsHistory() { return this.mode === 'full' && this.hasAttribute('history'); }

    connectedCallback() {
      if (this.mode === 'full') this.state = this.keepsHistory ? this.fromUrl() : { ...this.state, q: new URLSearchParams(location.search).get('q') || '' };
      this.build();
      if (this.mode === 'full') this.search();
      if (this.keepsHistory && !this.onPop) {
        this.onPop = () => { this.state = this.fromUrl(); this.input.value = this.state.q; this.search(); };
        window.addEventListener('popstate', this.onPop);
      }
    }

    disconnectedCallback() {
      if (this.onPop) window.removeEventListener('popstate', this.onPop);
      this.onPop = null;
    }

    /** The widget's state as the page URL holds it (history mode). */
    fromUrl() {
      const p = new URLSearchParams(location.search);
      const year = (k) => (/^\d{1,4}$/.test(p.get(k) || '') ? Number(p.get(k)) : null);
      return { q: p.get('q') || '', field: p.getAll('field'), status: p.getAll('status'),
        year_from: year('year_from'), year_to: year('year_to'), page: Math.max(1, Number(p.get('page')) || 1) };
    }

    /** One history entry per search, the portal's other parameters kept (history mode). */
    toUrl() {
      const url = new URL(location.href);
      for (const k of ['q', 'field', 'status', 'year_from', 'year_to', 'page']) url.searchParams.delete(k);
      const s = this.state;
      if (s.q) url.searchParams.set('q', s.q);
      s.field.forEach((v) => url.searchParams.append('field', v));
      s.status.forEach((v) => url.searchParams.append('status', v));
      if (s.year_from != null) url.searchParams.set('year_from', s.year_from);
      if (s.year_to != null) url.searchParams.set('year_to', s.year_to);
      if (s.page > 1) url.searchParams.set('page', s.page);
      if (url.href !== location.href) history.pushState(null, '', url.href);
    }

    attributeChangedCallback(name, old, val) {
      if (old !== val && this.isConnected && this.form) { this.build(); if (this.mode === 'full') this.search(); }
    }

    async api(path, params, signal) {
      const url = new URL(`${this.endpoint}/api/v1${path}`, location.href);
      for (const [k, v] of Object.entries(params)) for (const one of [].concat(v)) if (one != null && one !== '') url.searchParams.append(k, one);
      const res = await fetch(url, { signal, mode: 'cors', credentials: 'omit', headers: { Accept: 'application/json' } });
      if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
      return res.json();
    }

    abs(link) { return link ? new URL(link, `${this.endpoint || location.origin}/`).href : null; }

    build() {
      const id = this.uid;
      this.input = h('input', { type: 'search', id: `${id}-q`, value: this.state.q, placeholder: this.t('placeholder'), autocomplete: 'off',
        role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list` });
      this.list = h('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': this.t('suggestions'), hidden: true });
      this.form = h('form', { role: 'search', part: 'form', onsubmit: (e) => { e.preventDefault(); this.submit(this.input.value.trim()); } },
        h('label', { class: 'sr', for: `${id}-q` }, this.t('label')),
        h('div', { class: 'combo' }, this.input, this.list),
        h('button', { class: 'go', type: 'submit', part: 'button' }, this.t('search')));
      this.wireSuggestions();
      const kids = [this.form];
      if (this.mode === 'full') {
        this.facets = h('div', { class: 'facets', part: 'facets' });
        this.results = h('div', { class: 'results', part: 'results', 'aria-live': 'polite' });
        kids.push(h('div', { class: 'full' }, this.facets, this.results));
      }
      this.root.replaceChildren(h('div', { class: 'w', part: 'root', lang: this.lang === 'zh' ? 'zh-Hans' : 'en' }, kids));
    }

    wireSuggestions() {
      let items = [];
      let active = -1;
      let timer;
      let ctl;
      const input = this.input;
      const list = this.list;
      const show = (on) => { list.hidden = !on; input.setAttribute('aria-expanded', String(on)); if (!on) mark(-1); };
      const mark = (i) => {
        active = i;
        [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(i === j)));
        if (i >= 0) input.setAttribute('aria-activedescendant', list.children[i].id); else input.removeAttribute('aria-activedescendant');
      };
      const pick = (i) => { const s = items[i]; show(false); if (s) { input.value = s.text; this.submit(s.text); } };
      input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const q = input.value.trim();
          ctl?.abort();
          if (!q) { items = []; show(false); return; }
          ctl = new AbortController();
          try {
            const r = await this.api('/suggest', { q, size: 8 }, ctl.signal);
            items = r.suggestions || r;
            list.replaceChildren(...items.map((s, i) => h('li', { id: `${this.uid}-o${i}`, role: 'option', 'aria-selected': 'false',
              onmousedown: (e) => e.preventDefault(), onclick: () => pick(i) }, h('span', { class: 'kind' }, this.t(s.type)),
              h('span', { lang: s.type === 'identifier' ? null : langOf(s.text) }, s.text),
              whose(s) ? h('span', { class: 'whose' }, whose(s)) : null)));
            show(items.length > 0 && this.root.activeElement === input);
          } catch { /* aborted or offline: no suggestions */ }
        }, 200);
      });
      input.addEventListener('keydown', (e) => {
        const open = !list.hidden;
        if (e.key === 'ArrowDown' && items.length) { e.preventDefault(); if (!open) show(true); mark((active + 1) % items.length); }
        else if (e.key === 'ArrowUp' && items.length) { e.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1); }
        else if (e.key === 'Enter' && open && active >= 0) { e.preventDefault(); pick(active); }
        else if (e.key === 'Escape' && open) { e.preventDefault(); show(false); }
        else if (e.key === 'Enter') { clearTimeout(timer); ctl?.abort(); show(false); }
      });
      input.addEventListener('blur', () => setTimeout(() => show(false), 120));
    }

    submit(q) {
      if (!this.dispatchEvent(new CustomEvent('std-search:submit', { detail: { q }, bubbles: true, composed: true, cancelable: true }))) return;
      if (this.mode === 'full') { this.set({ q }); return; }
      const target = new URL(this.getAttribute('results-page') || `${this.endpoint || location.origin}/`, location.href);
      target.searchParams.set('q', q);
      if (!this.getAttribute('results-page')) target.searchParams.set('lang', this.lang);
      location.assign(target.href);
    }

    set(changes) {
      this.state = { ...this.state, page: 1, ...changes };
      if (this.keepsHistory) this.toUrl();
      this.search();
    }

    async search() {
      this.ctl?.abort();
      this.ctl = new AbortController();
      const s = this.state;
      this.results.setAttribute('aria-busy', 'true');
      try {
        const r = await this.api('/search', { q: s.q, field: s.field, status: s.status, year_from: s.year_from, year_to: s.year_to,
          page: s.page, size: this.size, lang: this.lang, facets: 'field,year,status' }, this.ctl.signal);
        this.renderFacets(r.facets || {});
        this.renderResults(r);
      } catch (e) {
        if (e.name === 'AbortError') return;
        this.facets.replaceChildren(); // the filters of the last answer no longer apply
        this.results.replaceChildren(h('p', { class: 'msg err', role: 'alert' }, this.t('error'),
          h('button', { type: 'button', onclick: () => this.search() }, this.t('retry'))));
      } finally { this.results.removeAttribute('aria-busy'); }
    }

    renderFacets(f) {
      const s = this.state;
      // Re-rendered after each search: the checkbox that had focus gets it back.
      const focused = this.facets.contains(this.root.activeElement) ? this.root.activeElement.dataset.focus : null;
      const box = (key, value, label, count) => h('label', { class: 'c' },
        h('input', { type: 'checkbox', checked: s[key].includes(value), 'data-value': value, 'data-focus': `${key}:${value}`,
          onchange: () => this.set({ [key]: s[key].includes(value) ? s[key].filter((x) => x !== value) : [...s[key], value] }) }),
        h('span', null, label), h('span', { class: 'n' }, count));
      const tree = (nodes) => h('ul', null, nodes.map((n) => h('li', null, box('field', n.value, n.label || n.value, n.count),
        n.children?.length && (s.field.includes(n.value) || n.children.some((c) => s.field.includes(c.value))) ? tree(n.children) : null)));
      const years = (f.year || []).map((y) => Number(y.value)).filter(Boolean);
      const from = h('input', { type: 'number', 'aria-label': this.t('from'), value: s.year_from ?? '', placeholder: years.length ? Math.min(...years) : '' });
      const to = h('input', { type: 'number', 'aria-label': this.t('to'), value: s.year_to ?? '', placeholder: years.length ? Math.max(...years) : '' });
      this.facets.replaceChildren(...[
        f.field?.length ? h('section', null, h('h2', null, this.t('field')), tree(f.field)) : null,
        f.status?.length ? h('section', null, h('h2', null, this.t('status')), h('ul', null, f.status.map((v) => h('li', null, box('status', v.value, this.t(v.value), v.count))))) : null,
        h('section', null, h('h2', null, this.t('year')), h('form', { class: 'years', onsubmit: (e) => {
          e.preventDefault();
          this.set({ year_from: Number(from.value) || null, year_to: Number(to.value) || null });
        } }, from, '–', to, h('button', { type: 'submit' }, this.t('apply'))))].filter(Boolean));
      if (focused) [...this.facets.querySelectorAll('[data-focus]')].find((el) => el.dataset.focus === focused)?.focus({ preventScroll: true });
    }

    renderResults(r) {
      const s = this.state;
      const pages = Math.ceil((r.total || 0) / this.size);
      // The title in the widget's language when there is one, else the one there is, marked with its language.
      const title = (t) => {
        const zh = t?.zh ? [t.zh, 'zh-Hans'] : null;
        const en = t?.en ? [t.en, 'en'] : null;
        const [text, lang] = (this.lang === 'en' ? en || zh : zh || en) || ['', null];
        return text ? h('span', { lang }, text) : null;
      };
      const hit = (x) => h('li', { class: 'hit' },
        h('a', { class: 't', href: `${this.endpoint || location.origin}/?id=${encodeURIComponent(x.id)}&lang=${this.lang}`, target: '_blank', rel: 'noopener' },
          h('span', { class: 'id' }, x.identifier || x.id), title(x.title)),
        h('p', { class: 'meta' }, [x.status && this.t(x.status), x.year, ...(x.fields || []).map((f) => f.label)].filter(Boolean).join(' · ')),
        (x.snippets || []).slice(0, 2).map((sn) => h('p', { class: 'snip' }, snippet(sn.text),
          sn.page || sn.clause ? h('a', { href: this.abs(sn.page ? `${x.links?.content}#page=${sn.page}` : x.links?.content_at_page || x.links?.content), target: '_blank', rel: 'noopener' },
            [sn.clause && this.t('clause', sn.clause), sn.page && this.t('page', sn.page)].filter(Boolean).join(' · '), ' ↗') : null)));
      this.results.replaceChildren(...[
        h('h2', { class: 'sr' }, this.t('results_heading')),
        h('p', { class: 'summary' }, this.t('results', r.total || 0)),
        r.hits?.length ? h('ul', null, r.hits.map(hit)) : h('p', { class: 'msg' }, this.t('none')),
        !r.hits?.length && r.did_you_mean ? h('p', { class: 'msg dym' }, this.t('didYouMean'),
          h('button', { type: 'button', onclick: () => { this.input.value = r.did_you_mean; this.set({ q: r.did_you_mean }); } }, r.did_you_mean)) : null,
        pages > 1 ? h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: s.page <= 1, onclick: () => this.set({ page: s.page - 1 }) }, this.t('prev')),
          h('span', null, `${s.page} / ${pages}`),
          h('button', { type: 'button', disabled: s.page >= pages, onclick: () => this.set({ page: s.page + 1 }) }, this.t('next'))) : null].filter(Boolean));
    }
  }

  customElements.define('std-search', StdSearch);
})();
