// Suggestions as you type, following the WAI-ARIA combobox pattern (list autocomplete, focus stays
// in the input, the active option named by aria-activedescendant).
import { h, debounce } from './dom.js';

const DELAY_MS = 200;

/** The standard a suggestion belongs to: two with the same title differ by identifier and year. */
export function whose(s) {
  const year = s.year != null && !String(s.identifier || s.text).includes(String(s.year)) ? String(s.year) : null;
  return (s.type === 'identifier' ? [year] : [s.identifier, year]).filter(Boolean).join(' · ');
}

/** Han characters mean Chinese; anything else is taken for English (the two languages indexed). */
export function languageOf(text) {
  return /[\u3400-\u9fff]/.test(text || '') ? 'zh-Hans' : 'en';
}

/**
 * Wires `input` (role=combobox) to `listbox`. fetchSuggestions(q, signal) → [{text, type, id}];
 * onPick(suggestion) is called on Enter or click on an option; typeLabel(type) names its kind.
 */
export function attachSuggestions(input, listbox, { fetchSuggestions, onPick, typeLabel }) {
  let items = [];
  let active = -1;
  let controller;

  const open = (yes) => {
    listbox.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) setActive(-1);
  };
  const setActive = (i) => {
    active = i;
    [...listbox.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', listbox.children[i].id);
      listbox.children[i].scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const render = () => {
    listbox.replaceChildren(...items.map((s, i) => h('li', {
      id: `${listbox.id}-${i}`, role: 'option', 'aria-selected': 'false', class: `option type-${s.type}`,
      onmousedown: (e) => e.preventDefault(),
      onclick: () => pick(i),
    }, h('span', { class: 'kind', text: typeLabel(s.type) }),
    h('span', { class: 'text', text: s.text, lang: s.type === 'identifier' ? null : languageOf(s.text) }),
    whose(s) ? h('span', { class: 'whose', text: whose(s) }) : null)));
    open(items.length > 0);
  };
  const pick = (i) => {
    const s = items[i];
    open(false);
    if (s) onPick(s);
  };
  const load = debounce(async () => {
    const q = input.value.trim();
    controller?.abort();
    if (!q) { items = []; open(false); return; }
    controller = new AbortController();
    try {
      items = await fetchSuggestions(q, controller.signal);
      if (document.activeElement === input) render();
    } catch (e) {
      if (e.name !== 'AbortError') { items = []; open(false); }
    }
  }, DELAY_MS);

  input.addEventListener('input', load);
  input.addEventListener('keydown', (e) => {
    const isOpen = !listbox.hidden;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!isOpen && items.length) { open(true); setActive(0); } else if (items.length) setActive((active + 1) % items.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (items.length) setActive(active <= 0 ? items.length - 1 : active - 1);
        break;
      case 'Enter':
        if (isOpen && active >= 0) { e.preventDefault(); pick(active); }
        else { load.cancel(); controller?.abort(); open(false); }
        break;
      case 'Escape':
        if (isOpen) { e.preventDefault(); open(false); }
        break;
      case 'Tab':
        open(false);
        break;
      default:
    }
  });
  input.addEventListener('blur', () => setTimeout(() => open(false), 120));
  return { close: () => { load.cancel(); controller?.abort(); open(false); } };
}
