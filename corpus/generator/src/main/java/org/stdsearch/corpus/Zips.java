package org.stdsearch.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip containers (ODT, EPUB, DOCX) with fixed entry times, so that a regenerated corpus is byte-identical.
 * ODF and EPUB require the first entry to be an uncompressed "mimetype"; {@link #write} stores it that way.
 */
final class Zips {

    private static final FileTime FIXED = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    private Zips() {}

    /** Writes {@code entries} in order; an entry named "mimetype" is stored, the others deflated. */
    static void write(Map<String, byte[]> entries, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        for (var e : entries.entrySet()) {
            ZipEntry entry = new ZipEntry(e.getKey());
            entry.setLastModifiedTime(FIXED);
            if (e.getKey().equals("mimetype")) {
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.getValue().length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(e.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Rewrites a zip produced by a library (POI) with the same entries in the same order and fixed times. */
    static void normalise(byte[] zipBytes, OutputStream out) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                in.transferTo(content);
                entries.put(e.getName(), content.toByteArray());
            }
        }
        write(entries, out);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
