package org.stdsearch.search;

/**
 * Where a standard's original file is: what serving its content needs, without the detail view.
 *
 * @param id the standard's id
 * @param path the file below the docs folder, relative, with {@code /} as separator
 * @param mimeType the type detected at indexing time, or null
 * @param contentHash SHA-256 of the file's bytes when indexed (hex), or null
 */
public record StandardFile(String id, String path, String mimeType, String contentHash) {}
