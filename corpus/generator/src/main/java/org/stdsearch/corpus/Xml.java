package org.stdsearch.corpus;

/** Escaping for the hand-written XML and HTML formats. */
final class Xml {

    private Xml() {}

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
