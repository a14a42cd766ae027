// The JSON API as the page uses it: one function per route, each cancellable with an AbortSignal.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function createApi(base = '') {
  const root = base.replace(/\/+$/, '') + '/api/v1';
  async function get(path, params, signal) {
    const url = new URL(root + path, location.href);
    for (const [k, v] of Object.entries(params || {})) {
      for (const one of [].concat(v)) if (one != null && one !== '') url.searchParams.append(k, one);
    }
    const res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
    return res.json();
  }
  return {
    search: (params, signal) => get('/search', params, signal),
    suggest: (q, size, signal) => get('/suggest', { q, size }, signal).then((r) => r.suggestions || r),
    stats: (signal) => get('/stats', {}, signal),
    fieldTree: (lang, signal) => get('/facets', { lang }, signal).then((r) => r.fields || []),
    standard: (id, lang, signal) => get(`/standards/${encodeURIComponent(id)}`, { lang }, signal),
    contentUrl: (id, page) => `${root}/standards/${encodeURIComponent(id)}/content${page ? `#page=${page}` : ''}`,
  };
}
