package org.stdsearch.corpus;

/** The file formats the corpus exercises; {@code SCANNED_PDF} is a PDF whose pages are only images. */
enum Format {
    PDF("pdf"), SCANNED_PDF("pdf"), DOCX("docx"), ODT("odt"), HTML("html"), STS("xml"), TXT("txt"), RTF("rtf"), EPUB("epub");

    private final String extension;

    Format(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }

    /** The value of {@code format} in expected.json. */
    String label() {
        return this == SCANNED_PDF ? "pdf-scanned" : this == STS ? "sts-xml" : extension;
    }
}
