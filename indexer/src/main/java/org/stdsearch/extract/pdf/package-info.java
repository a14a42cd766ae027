/**
 * What the extraction of a PDF reads besides Tika's text: the quality of each page's text layer
 * (unreadable pages go to OCR), the Founder fonts' Latin letters, and the cover's lines with
 * their type size and the word spaces their text layer lost.
 */
package org.stdsearch.extract.pdf;
