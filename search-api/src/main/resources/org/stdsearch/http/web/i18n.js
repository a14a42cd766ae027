// Every string of the search page in both languages; keys are shared, values must exist in both.
export const STRINGS = {
  zh: {
    skip: '跳到结果', home: '首页', searchLabel: '检索标准', search: '检索', placeholder: '标准号、标题、术语或全文，例如 GB/T 22239 或 密码',
    suggestionsLabel: '检索建议', switchTo: 'English', switchLabel: 'Switch to English',
    filters: '筛选', footer: '技术标准全文检索', field: '技术领域', year: '年份', status: '状态', family: '标准体系',
    from: '起', to: '止', apply: '应用', clear: '清除', clearAll: '清除全部筛选', expand: '展开', collapse: '收起',
    yearChart: '按年份的结果数；点击年份筛选，按住 Shift 点击扩展范围',
    sort: '排序', relevance: '相关度', newest: '最新', oldest: '最早', identifier: '标准号',
    results: (n, rel, ms) => `${rel === 'gte' ? '至少 ' : ''}${n.toLocaleString('zh')} 条结果（${ms} 毫秒）`,
    noResults: '没有找到匹配的标准。', loading: '正在检索…', error: '检索失败：',
    prev: '上一页', next: '下一页', pageN: (n) => `第 ${n} 页`, pager: '分页',
    clause: (c) => `第 ${c} 条`, page: (p) => `第 ${p} 页`, openAt: (p) => `在第 ${p} 页打开原文`,
    typeIdentifier: '标准号', typeTitle: '标题', typeTerm: '术语',
    current: '现行', upcoming: '即将实施', superseded: '被代替', withdrawn: '废止',
    back: '返回结果', openOriginal: '打开原文', metadata: '基本信息', published: '发布日期', implemented: '实施日期',
    issuers: '发布机构', ics: 'ICS', ccs: 'CCS', type: '类型', level: '层级', language: '语言', adoption: '采标情况',
    pages: '页数', outline: '章条目录', terms: '术语和定义', references: '引用文件', referencedBy: '被以下标准引用',
    lineage: '代替关系', replaces: '代替', replacedBy: '被代替', similar: '相似标准', fields: '技术领域',
    notIndexed: '未收录', extraction: '文本提取', none: '无', detailError: '无法载入该标准：',
    mandatory: '强制性', recommended: '推荐性', guidance: '指导性技术文件',
    national: '国家标准', industry: '行业标准', local: '地方标准', group: '团体标准', international: '国际标准',
    thisStandard: '本标准', selected: '已选', remove: (v) => `移除筛选：${v}`,
    resultsHeading: '检索结果', filtersN: (n) => (n ? `筛选（${n}）` : '筛选'),
    landingTitle: '技术标准全文检索', landingCount: (n) => `共收录 ${n.toLocaleString('zh')} 项标准`,
    browseFields: '按技术领域浏览', newestCurrent: '最新现行标准', seeAllCurrent: '查看全部现行标准',
    didYouMean: '您是不是要找：', relax: '放宽筛选：', without: (label, n) => `去掉“${label}”：${n} 条结果`,
    withoutAll: (n) => `清除全部筛选：${n} 条结果`,
    offline: '无法连接检索服务，请检查网络后重试。', serverError: '检索服务出错，请稍后重试。',
    notReady: '索引尚未打开，请稍候再试。', retry: '重试',
    indexingStarting: '正在准备建立索引，结果尚不完整。',
    indexingFiles: (d, n) => `正在建立索引：已处理 ${d} / ${n} 个文件，结果尚不完整。`,
    indexingOcr: (d, n, dd, dn) => `正在识别扫描页（OCR）：${d} / ${n} 页（${dd} / ${dn} 个文件），结果尚不完整。`,
  },
  en: {
    skip: 'Skip to results', home: 'Home', searchLabel: 'Search standards', search: 'Search', placeholder: 'Identifier, title, term or full text — e.g. GB/T 22239 or cryptography',
    suggestionsLabel: 'Suggestions', switchTo: '中文', switchLabel: '切换到中文',
    filters: 'Filters', footer: 'Full-text search for technical standards', field: 'Technology field', year: 'Year', status: 'Status', family: 'Family',
    from: 'From', to: 'To', apply: 'Apply', clear: 'Clear', clearAll: 'Clear all filters', expand: 'Expand', collapse: 'Collapse',
    yearChart: 'Results per year; click a year to filter, shift-click to extend the range',
    sort: 'Sort', relevance: 'Relevance', newest: 'Newest', oldest: 'Oldest', identifier: 'Identifier',
    results: (n, rel, ms) => `${rel === 'gte' ? 'At least ' : ''}${n.toLocaleString('en')} result${n === 1 ? '' : 's'} (${ms} ms)`,
    noResults: 'No standards match.', loading: 'Searching…', error: 'Search failed: ',
    prev: 'Previous', next: 'Next', pageN: (n) => `Page ${n}`, pager: 'Pages',
    clause: (c) => `Clause ${c}`, page: (p) => `p. ${p}`, openAt: (p) => `Open the original at page ${p}`,
    typeIdentifier: 'Identifier', typeTitle: 'Title', typeTerm: 'Term',
    current: 'Current', upcoming: 'Upcoming', superseded: 'Superseded', withdrawn: 'Withdrawn',
    back: 'Back to results', openOriginal: 'Open original', metadata: 'Details', published: 'Published', implemented: 'Implemented',
    issuers: 'Issued by', ics: 'ICS', ccs: 'CCS', type: 'Type', level: 'Level', language: 'Language', adoption: 'Adoption',
    pages: 'Pages', outline: 'Clauses', terms: 'Terms and definitions', references: 'Normative references', referencedBy: 'Referenced by',
    lineage: 'Editions', replaces: 'Replaces', replacedBy: 'Replaced by', similar: 'Similar standards', fields: 'Technology fields',
    notIndexed: 'not indexed', extraction: 'Text extraction', none: 'none', detailError: 'Could not load this standard: ',
    mandatory: 'Mandatory', recommended: 'Recommended', guidance: 'Guidance',
    national: 'National', industry: 'Industry', local: 'Local', group: 'Group', international: 'International',
    thisStandard: 'This standard', selected: 'Selected', remove: (v) => `Remove filter: ${v}`,
    resultsHeading: 'Search results', filtersN: (n) => (n ? `Filters (${n})` : 'Filters'),
    landingTitle: 'Full-text search for technical standards', landingCount: (n) => `${n.toLocaleString('en')} standard${n === 1 ? '' : 's'} indexed`,
    browseFields: 'Browse by technology field', newestCurrent: 'Newest current standards', seeAllCurrent: 'See all current standards',
    didYouMean: 'Did you mean: ', relax: 'With fewer filters: ', without: (label, n) => `Without “${label}”: ${n} result${n === 1 ? '' : 's'}`,
    withoutAll: (n) => `Without any filter: ${n} result${n === 1 ? '' : 's'}`,
    offline: 'The search service could not be reached. Check your connection and try again.',
    serverError: 'The search service had a problem. Try again in a moment.',
    notReady: 'The index is not open yet. Try again in a moment.', retry: 'Try again',
    indexingStarting: 'Indexing is starting: results are not complete yet.',
    indexingFiles: (d, n) => `Indexing ${d} of ${n} files: results are not complete yet.`,
    indexingOcr: (d, n, dd, dn) => `Recognising scanned pages (OCR): ${d} of ${n} pages (${dd} of ${dn} document${dn === 1 ? '' : 's'}): results are not complete yet.`,
  },
};

/** The translator for one language: t('key', ...args); unknown keys show as themselves. */
export function translator(lang) {
  const table = STRINGS[lang] || STRINGS.zh;
  return (key, ...args) => {
    const v = table[key];
    return typeof v === 'function' ? v(...args) : (v ?? key);
  };
}

/** The language to start in: the URL, then the last choice, then the browser's. */
export function initialLang(params) {
  const fromUrl = params.get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  try {
    const saved = localStorage.getItem('stdsearch.lang');
    if (saved === 'zh' || saved === 'en') return saved;
  } catch { /* storage blocked */ }
  return (navigator.language || 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
