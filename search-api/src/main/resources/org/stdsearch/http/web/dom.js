// Small DOM helpers shared by the page's modules: element building and safe snippet rendering.

/** h('a', {href, class: 'x', onclick}, 'text', child): builds an element; null children are skipped. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'style') for (const [p, pv] of Object.entries(v)) el.style.setProperty(p, pv);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
}

/**
 * A snippet from the API (HTML-escaped text with <mark> around matches) as DOM nodes: only text and
 * <mark> survive, whatever the string holds. DOMParser runs no script and loads nothing.
 */
export function snippetNodes(html) {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const frag = document.createDocumentFragment();
  const walk = (node, into) => {
    for (const n of node.childNodes) {
      if (n.nodeType === Node.TEXT_NODE) into.append(n.textContent);
      else if (n.nodeType === Node.ELEMENT_NODE) {
        if (n.tagName === 'MARK') into.append(h('mark', null, n.textContent));
        else walk(n, into);
      }
    }
  };
  walk(body, frag);
  return frag;
}

/** Calls fn at most once per `ms` of quiet. */
export function debounce(fn, ms) {
  let timer;
  const d = (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  d.cancel = () => clearTimeout(timer);
  return d;
}
