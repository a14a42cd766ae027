package org.stdsearch.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the sample corpus: every standard of the {@link Catalogue} in its format under {@code standards/},
 * and {@code expected.json}, the ground truth the indexer's tests compare against. Same input, same bytes.
 *
 * <p>Usage: {@code CorpusGenerator <corpus dir> <CJK TrueType collection>}.
 */
public final class CorpusGenerator {

    private CorpusGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CorpusGenerator <corpus dir> <font.ttc>");
            System.exit(2);
        }
        Path corpus = Path.of(args[0]);
        Path font = Path.of(args[1]);
        List<StandardSpec> specs = Catalogue.all().stream().map(SpecParser::parse).toList();
        Map<String, StandardSpec> byId = new LinkedHashMap<>();
        ReferenceTitles titles = new ReferenceTitles();
        for (StandardSpec s : specs) {
            if (byId.put(s.identifier(), s) != null) throw new IllegalStateException("duplicate " + s.identifier());
            titles.add(s);
        }
        check(specs, titles, corpus.resolve("taxonomy.json"));

        Path out = corpus.resolve("standards");
        if (Files.isDirectory(out)) {
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : old.toList()) Files.delete(p);
            }
        }
        Files.createDirectories(out);
        var composer = new TextComposer(titles, byId);
        var pdf = new PdfStandardWriter(font);
        List<ExpectedEntry> expected = new ArrayList<>();
        for (StandardSpec s : specs) {
            ComposedStandard c = composer.compose(s);
            var bytes = new ByteArrayOutputStream();
            PdfStandardWriter.Layout layout = switch (s.format()) {
                case PDF -> pdf.write(c, bytes);
                case SCANNED_PDF -> new ScannedPdfWriter(pdf).write(c, bytes);
                default -> {
                    writeOther(c, bytes);
                    yield null;
                }
            };
            Files.write(out.resolve(s.fileName()), bytes.toByteArray());
            expected.add(expectedEntry(c, layout, specs));
            System.out.printf("%-28s %-26s %7d bytes%n", s.identifier(), s.fileName(), bytes.size());
        }
        expected.sort(Comparator.comparing(ExpectedEntry::path));
        ObjectMapper json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("corpus", "stdsearch sample corpus: fictional standards written for testing (see README.md)");
        root.put("reference_date", "2026-11-26");
        root.put("documents", expected);
        Files.writeString(corpus.resolve("expected.json"), json.writeValueAsString(root) + "\n");
        System.out.println(expected.size() + " documents written to " + out);
    }

    private static void writeOther(ComposedStandard c, ByteArrayOutputStream bytes) throws IOException {
        switch (c.spec().format()) {
            case DOCX -> new DocxStandardWriter().write(c, bytes);
            case ODT -> new OdtStandardWriter().write(c, bytes);
            case HTML -> new HtmlStandardWriter().write(c, bytes);
            case STS -> new StsStandardWriter().write(c, bytes);
            case TXT -> new PlainTextWriter().write(c, bytes);
            case RTF -> new RtfStandardWriter().write(c, bytes);
            case EPUB -> new EpubStandardWriter().write(c, bytes);
            default -> throw new IllegalArgumentException("format: " + c.spec().format());
        }
    }

    /** Fails on a catalogue mistake: an unknown field id, a replaced edition or a reference nobody can title. */
    private static void check(List<StandardSpec> specs, ReferenceTitles titles, Path taxonomy) throws IOException {
        Set<String> allowed = new HashSet<>(Fields.KNOWN.keySet());
        if (Files.exists(taxonomy)) {
            Set<String> ids = new HashSet<>();
            collectIds(new ObjectMapper().readTree(taxonomy.toFile()), ids);
            if (!ids.isEmpty()) allowed.retainAll(ids);
        }
        for (StandardSpec s : specs) {
            for (String f : s.fields()) {
                if (!allowed.contains(f)) throw new IllegalStateException(s.identifier() + ": field id not in taxonomy: " + f);
            }
            for (String r : s.replaces()) {
                if (!titles.inCorpus(r)) throw new IllegalStateException(s.identifier() + ": replaces unknown " + r);
            }
            for (String r : s.references()) {
                if (!titles.inCorpus(r) && !ReferenceTitles.isReal(r)) throw new IllegalStateException(s.identifier() + ": unknown reference " + r);
            }
        }
    }

    /** Every "id" value anywhere in the taxonomy, whatever its nesting. */
    private static void collectIds(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            JsonNode id = node.get("id");
            if (id != null && id.isTextual()) ids.add(id.asText());
            node.forEach(child -> collectIds(child, ids));
        } else if (node.isArray()) {
            node.forEach(child -> collectIds(child, ids));
        }
    }

    private static ExpectedEntry expectedEntry(ComposedStandard c, PdfStandardWriter.Layout layout, List<StandardSpec> all) {
        StandardSpec s = c.spec();
        List<ExpectedEntry.ClauseEntry> clauses = new ArrayList<>();
        List<ExpectedEntry.TermEntry> terms = new ArrayList<>();
        for (Block b : c.blocks()) {
            switch (b) {
                case Block.Heading h -> clauses.add(new ExpectedEntry.ClauseEntry(h.number(), h.title(),
                        layout == null ? null : layout.clausePages().get(h.number())));
                case Block.AnnexHeading a -> clauses.add(new ExpectedEntry.ClauseEntry(a.letter(), a.title(),
                        layout == null ? null : layout.clausePages().get(a.letter())));
                case Block.TermEntry t -> terms.add(new ExpectedEntry.TermEntry(t.number(), t.zh(), t.en()));
                default -> {}
            }
        }
        List<String> replacedBy = all.stream().filter(o -> o.replaces().contains(s.identifier())).map(StandardSpec::identifier).toList();
        return new ExpectedEntry("standards/" + s.fileName(), s.identifier(), s.family().prefix(), s.titleZh(), s.titleEn(),
                s.published().toString(), s.implemented() == null ? null : s.implemented().toString(), s.year(),
                s.ics(), s.ccs(), s.replaces(), replacedBy, s.adoption(), s.type(), s.family().level(), s.language(),
                s.fields(), s.format().label(), s.format() != Format.SCANNED_PDF,
                layout == null ? null : layout.pages(), clauses, terms, s.references());
    }
}
