/**
 * A docs folder kept indexed while a server runs ({@link org.stdsearch.index.live.LiveIndex}):
 * the first pass in the background, a polling {@link org.stdsearch.index.live.FolderWatcher}, and
 * the single-file changes of the admin API, written through any {@code StandardSink}.
 */
package org.stdsearch.index.live;
