/**
 * What the backends of the search contract share in their implementations and the contract's
 * users never see: not part of the API.
 */
package org.stdsearch.search.internal;
