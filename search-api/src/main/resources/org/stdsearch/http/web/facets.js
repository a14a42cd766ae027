// The filter panel: the technology-field tree, the year histogram with its range form, and the
// status and family checkboxes. Re-rendered after every search; keyboard focus survives it.
import { h } from './dom.js';

/**
 * Renders the panels into `root`. ctx: {state, t, go, expanded (Set of open tree nodes),
 * rerender()}. The element that had focus inside `root` gets it back after the re-render
 * (matched by its data-focus key), so Space on a checkbox or a twisty leaves focus where it was.
 */
export function renderFacets(root, facets, years, ctx) {
  const focused = root.contains(document.activeElement) ? document.activeElement?.dataset?.focus : null;
  const panels = [];
  if (facets.field?.length) {
    panels.push(panel(ctx, 'field', h('ul', { class: 'tree', role: 'tree', 'aria-label': ctx.t('field') },
      facets.field.map((n) => treeNode(ctx, n, 1)))));
  }
  if (years.length) panels.push(panel(ctx, 'year', yearFacet(ctx, years)));
  for (const k of ['status', 'family']) {
    if (facets[k]?.length) {
      panels.push(panel(ctx, k, h('ul', { class: 'checks' },
        facets[k].map((v) => checkItem(ctx, k, v, k === 'status' ? ctx.t(v.value) : v.label || v.value)))));
    }
  }
  root.replaceChildren(...panels);
  if (focused) {
    const again = [...root.querySelectorAll('[data-focus]')].find((el) => el.dataset.focus === focused);
    again?.focus({ preventScroll: true });
  }
}

function panel(ctx, key, body) {
  const id = `facet-${key}`;
  return h('section', { class: `facet facet-${key}`, 'aria-labelledby': id }, h('h2', { id }, ctx.t(key)), body);
}

function checkItem(ctx, key, v, label) {
  const { state, go } = ctx;
  const checked = state[key].includes(v.value);
  const toggle = () => go({ [key]: checked ? state[key].filter((x) => x !== v.value) : [...state[key], v.value] },
    { fromFilters: true });
  return h('li', null, h('label', { class: 'check' },
    h('input', { type: 'checkbox', checked, onchange: toggle, 'data-value': v.value, 'data-focus': `${key}:${v.value}` }),
    h('span', { class: 'label' }, label), h('span', { class: 'count' }, v.count)));
}

function treeNode(ctx, node, level) {
  const { state, go, expanded } = ctx;
  const kids = node.children || [];
  const selected = state.field.includes(node.value);
  const open = expanded.has(node.value) || kids.some((k) => containsSelected(state, k));
  const toggle = () => {
    if (expanded.has(node.value) || open) expanded.delete(node.value);
    else expanded.add(node.value);
    ctx.rerender();
  };
  const groupId = `tree-${node.value.replace(/[^\w-]/g, '_')}`;
  const label = node.label || node.value;
  return h('li', { role: 'treeitem', 'aria-level': level, 'aria-expanded': kids.length ? String(open) : null,
    'aria-selected': String(selected), class: node.count ? null : 'zero' },
  h('div', { class: 'node' },
    kids.length
      // aria-controls only names the group while it exists: a collapsed node has none in the DOM.
      ? h('button', { type: 'button', class: 'twisty', 'aria-label': `${ctx.t(open ? 'collapse' : 'expand')} ${label}`,
        'aria-controls': open ? groupId : null, 'aria-expanded': String(open), 'data-focus': `twisty:${node.value}`,
        onclick: toggle }, open ? '▾' : '▸')
      : h('span', { class: 'twisty', 'aria-hidden': 'true' }),
    h('label', { class: 'check' },
      h('input', { type: 'checkbox', checked: selected, 'data-value': node.value, 'data-focus': `field:${node.value}`,
        onchange: () => go({ field: selected ? state.field.filter((x) => x !== node.value) : [...state.field, node.value] },
          { fromFilters: true }) }),
      h('span', { class: 'label' }, label), h('span', { class: 'count' }, node.count))),
  kids.length && open ? h('ul', { role: 'group', id: groupId }, kids.map((k) => treeNode(ctx, k, level + 1))) : null);
}

function containsSelected(state, node) {
  return state.field.includes(node.value) || (node.children || []).some((k) => containsSelected(state, k));
}

/**
 * Years as a histogram (one tab stop: arrow keys move between the bars, as in a toolbar) and a
 * from/to form mapping to year_from/year_to.
 */
function yearFacet(ctx, years) {
  const { state, go, t } = ctx;
  const counted = years.map((y) => ({ year: Number(y.value), count: y.count })).filter((y) => y.year)
    .sort((a, b) => a.year - b.year);
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
    const opts = { fromFilters: true };
    if (extend && anyRange) go({ year_from: Math.min(from ?? y, y), year_to: Math.max(to ?? y, y) }, opts);
    else if (from === y && to === y) go({ year_from: null, year_to: null }, opts);
    else go({ year_from: y, year_to: y }, opts);
  };
  const usable = data.filter((d) => d.count);
  const current = usable.find((d) => anyRange && inRange(d.year)) || usable[usable.length - 1];
  const bars = h('div', { class: 'histogram', role: 'toolbar', 'aria-label': t('yearChart'),
    onkeydown: (e) => moveAlong(e, bars) },
  data.map((d) => h('button', {
    type: 'button', class: `bar${anyRange && inRange(d.year) ? ' in' : ''}${anyRange && !inRange(d.year) ? ' out' : ''}`,
    style: { '--h': `${d.count ? Math.max(4, Math.round((d.count / max) * 100)) : 0}%` }, disabled: !d.count,
    tabindex: d === current ? '0' : '-1', 'data-focus': `year:${d.year}`,
    title: `${d.year}: ${d.count}`, 'aria-label': `${d.year}: ${d.count}`, 'aria-pressed': String(anyRange && inRange(d.year)),
    onclick: (e) => pickYear(d.year, e.shiftKey),
  }, h('span', { class: 'fill' }))));
  const axis = data.length ? h('div', { class: 'axis', 'aria-hidden': 'true' },
    h('span', null, data[0].year), h('span', null, data[data.length - 1].year)) : null;
  const input = (name, value) => h('label', null, h('span', null, t(name)),
    h('input', { type: 'number', name: `year_${name}`, id: `year-${name}`, inputmode: 'numeric', min: 1900, max: 2100,
      value: value ?? '', placeholder: name === 'from' ? data[0]?.year : data[data.length - 1]?.year }));
  const form = h('form', { class: 'year-range', onsubmit: (e) => {
    e.preventDefault();
    const f = Number(form.elements.year_from.value) || null;
    const tt = Number(form.elements.year_to.value) || null;
    go({ year_from: f && tt && f > tt ? tt : f, year_to: f && tt && f > tt ? f : tt }, { fromFilters: true });
  } }, input('from', from), h('span', { class: 'dash', 'aria-hidden': 'true' }, '–'), input('to', to),
  h('button', { type: 'submit', class: 'secondary' }, t('apply')));
  return h('div', null, bars, axis, form);
}

/** Arrow keys, Home and End move focus (and the single tab stop) between a toolbar's enabled buttons. */
function moveAlong(e, toolbar) {
  const keys = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1, Home: -Infinity, End: Infinity };
  if (!(e.key in keys)) return;
  const items = [...toolbar.querySelectorAll('button:not([disabled])')];
  const i = items.indexOf(document.activeElement);
  if (i < 0) return;
  e.preventDefault();
  const step = keys[e.key];
  const next = items[step === -Infinity ? 0 : step === Infinity ? items.length - 1 : Math.max(0, Math.min(items.length - 1, i + step))];
  items.forEach((b) => b.setAttribute('tabindex', b === next ? '0' : '-1'));
  next.focus();
}
