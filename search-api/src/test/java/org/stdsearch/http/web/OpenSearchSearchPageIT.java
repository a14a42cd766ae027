package org.stdsearch.http.web;

/** The search page's browser tests, unchanged, against a server on the OpenSearch backend (issue 17). */
class OpenSearchSearchPageIT extends SearchPageIT {
  @Override
  BrowserFixture fixture() throws Exception {
    return BrowserFixture.openSearch();
  }
}
