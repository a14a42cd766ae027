package org.stdsearch.http.web;

/** The InstantSearch.js client's browser test, unchanged, against a server on the OpenSearch backend (issue 17). */
class OpenSearchInstantSearchPageIT extends InstantSearchPageIT {
  @Override
  BrowserFixture fixture() throws Exception {
    return BrowserFixture.openSearch();
  }
}
