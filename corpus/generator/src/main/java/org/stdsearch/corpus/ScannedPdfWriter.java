package org.stdsearch.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * A scanned-style PDF: the text PDF is rendered to greyscale page images, tilted a little as a sheet on a
 * scanner glass would be, and only those images go into the new PDF. There is no text layer at all, which is the
 * case the extractor must report as "needs OCR" rather than as an empty standard.
 */
final class ScannedPdfWriter {

    private static final float DPI = 100;
    private static final double TILT_RADIANS = Math.toRadians(0.4);

    private final PdfStandardWriter text;

    ScannedPdfWriter(PdfStandardWriter text) {
        this.text = text;
    }

    PdfStandardWriter.Layout write(ComposedStandard s, OutputStream out) throws IOException {
        var typeset = new ByteArrayOutputStream();
        PdfStandardWriter.Layout layout = text.write(s, typeset);
        try (PDDocument source = Loader.loadPDF(typeset.toByteArray()); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < source.getNumberOfPages(); i++) {
                BufferedImage page = tilt(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY));
                PDImageXObject image = JPEGFactory.createFromImage(scan, page, 0.6f);
                PDPage p = new PDPage(PDRectangle.A4);
                scan.addPage(p);
                try (var cs = new PDPageContentStream(scan, p)) {
                    cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            scan.getDocumentInformation().setProducer("stdsearch corpus generator (scan simulation)");
            scan.getDocumentInformation().setCreationDate(source.getDocumentInformation().getCreationDate());
            COSArray ids = new COSArray();
            byte[] id = s.spec().identifier().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            scan.getDocument().getTrailer().setItem(COSName.ID, ids);
            scan.save(out);
        }
        return layout;
    }

    private static BufferedImage tilt(BufferedImage page) {
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(238, 238, 232));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(TILT_RADIANS, page.getWidth() / 2.0, page.getHeight() / 2.0);
        g.drawImage(page, 0, 0, null);
        g.dispose();
        return out;
    }
}
