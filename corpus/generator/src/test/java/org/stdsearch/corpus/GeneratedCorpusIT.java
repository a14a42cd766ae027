package org.stdsearch.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Real Tika reads every checked-in corpus file and finds what expected.json promises (slow: ~35 s, hence IT). */
class GeneratedCorpusIT {

    private static final AutoDetectParser PARSER = new AutoDetectParser();
    private static final Path CORPUS = Path.of(System.getProperty("stdsearch.projectRoot", ".."), "corpus");

    @TestFactory
    Stream<DynamicTest> tikaFindsIdentifierAndClausesInEveryFile() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(CORPUS.resolve("expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode doc : expected.get("documents")) {
            tests.add(DynamicTest.dynamicTest(doc.get("path").asText(), () -> check(doc)));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(40);
        return tests.stream();
    }

    private static void check(JsonNode doc) throws Exception {
        Metadata metadata = new Metadata();
        BodyContentHandler text = new BodyContentHandler(-1);
        try (InputStream in = Files.newInputStream(CORPUS.resolve(doc.get("path").asText()))) {
            PARSER.parse(in, text, metadata, withoutOcr());
        }
        String body = text.toString();
        if (!doc.get("text_layer").asBoolean()) {
            assertThat(body.strip()).as("a scanned PDF has no text layer").isEmpty();
            return;
        }
        assertThat(body).contains(printedIdentifier(doc));
        for (JsonNode clause : doc.get("clauses")) {
            assertThat(body).contains(clause.get("heading").asText());
        }
        for (JsonNode term : doc.get("terms")) {
            assertThat(body).contains(term.get("en").asText());
        }
        if (doc.has("pages")) {
            assertThat(metadata.getInt(org.apache.tika.metadata.PagedText.N_PAGES)).isEqualTo(doc.get("pages").asInt());
        }
        assertThat(metadata.get(TikaCoreProperties.TIKA_PARSED_BY)).isNotEmpty();
    }

    /** Tesseract may be installed here; the check is about the text layer the file itself carries. */
    private static ParseContext withoutOcr() {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    /** How the identifier appears in the text: "GB/T 22180—2024", "Request for Comments: 12001", "ITU-T Y.2599". */
    private static String printedIdentifier(JsonNode doc) {
        String id = doc.get("identifier").asText();
        return switch (doc.get("level").asText()) {
            case "international" -> id.startsWith("RFC ") ? "Request for Comments: " + id.substring(4)
                    : id.replaceFirst(" \\(\\d{4}\\)$", "");
            default -> id.replaceFirst("-(\\d{4})$", "—$1");
        };
    }
}
