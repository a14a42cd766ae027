package org.stdsearch.extract.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Recognises the pages of a PDF (rendered with PDFBox) or of an image file (PNG, JPEG, TIFF, one
 * page per image) with Tesseract, page by page, through the cache. Runs in a worker process only.
 */
public final class PageOcr {
  /**
   * Larger pages are rendered below the requested dpi: an A0 drawing at 300 dpi is 140 million
   * pixels, more than a worker heap and far more than Tesseract needs. 40 Mpx is A2 at 300 dpi.
   */
  static final long MAX_PIXELS = 40_000_000L;
  /**
   * No scan is captured at fewer pixels per inch than this; a page that says so has its size
   * wrong (see {@link ScanResolution}) and is rendered pixel for pixel, Tesseract told no dpi.
   */
  static final int MIN_SCAN_DPI = 150;
  /** Below this, a page's image resolution is not taken as its render resolution: 1:1 pixels at least. */
  static final int MIN_RENDER_DPI = 50;

  /** Told after each page, so the parent can extend its deadline page by page. */
  @FunctionalInterface
  public interface PageListener {
    void pageDone(int page, int pages);
  }

  private final Tesseract tesseract;
  private final OcrCache cache;
  private final String languages;
  private final OcrOptions options;

  /**
   * @param languages the installed languages to use (see {@link Tesseract#detect})
   * @param cache the page cache, or null
   */
  public PageOcr(Tesseract tesseract, OcrCache cache, String languages, OcrOptions options) {
    this.tesseract = tesseract;
    this.cache = cache;
    this.languages = languages;
    this.options = options;
  }

  /**
   * The resolution of the second reading of a PDF's cover. The title on a Chinese cover is set two
   * to three times the body size; at 300 dpi Tesseract misread the large bold type of many titles,
   * at half that it read them: on the 17 scanned covers of the shared corpus (pages rendered by
   * pdftoppm, titles read by CoverReader) 10 titles were right at 300 dpi, 15 at 150 and 16 when
   * the cleaner of both is kept; through the whole pipeline 11 before and 15 after
   * (ScannedStandardsSearchIT). Body text stays at the full resolution, where small type reads best.
   */
  public static int coverDpi(int dpi) {
    return Math.max(100, dpi / 2);
  }

  /** One page to recognise: how to get its image, and its resolution (0 when unknown). */
  private interface PageSource {
    int pages();

    BufferedImage render(int index) throws IOException;

    /** The resolution Tesseract is told, 0 to let it estimate. */
    int dpi(int index) throws IOException;

    /** The resolution the page is rendered at: part of the cache key. */
    int renderDpi(int index) throws IOException;

    /** Page 1 rendered for the {@link #coverDpi second reading}, or null when there is none. */
    default BufferedImage renderCover() throws IOException {
      return null;
    }
  }

  public OcrPages recognisePdf(Path file, String contentHash, PageListener listener) throws IOException {
    return recognisePdf(file, contentHash, Set.of(), listener);
  }

  /**
   * Recognises some pages of a PDF: {@code only} holds their 1-based numbers, all pages when it
   * is empty. The others come back as empty texts (their text layer serves), and the cover is
   * read a second time only when page 1 is among those recognised.
   */
  public OcrPages recognisePdf(Path file, String contentHash, Set<Integer> only, PageListener listener)
      throws IOException {
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      PDFRenderer renderer = new PDFRenderer(doc);
      Map<Integer, Integer> nativeDpi = new HashMap<>();
      return recognise(new PageSource() {
        @Override
        public int pages() {
          return doc.getNumberOfPages();
        }

        @Override
        public BufferedImage render(int index) throws IOException {
          return renderer.renderImageWithDPI(index, renderDpi(index), ImageType.GRAY);
        }

        /** The scan's own resolution when lower than the one asked for, capped at {@link #MAX_PIXELS}. */
        @Override
        public int renderDpi(int index) {
          PDPage page = doc.getPage(index);
          int scan = nativeDpi.computeIfAbsent(index, i -> ScanResolution.nativeDpi(page));
          int dpi = scan >= MIN_RENDER_DPI ? Math.min(options.dpi(), scan) : options.dpi();
          PDRectangle box = page.getCropBox();
          double pixels = (box.getWidth() / 72.0) * (box.getHeight() / 72.0) * dpi * dpi;
          return pixels <= MAX_PIXELS ? dpi : (int) (dpi * Math.sqrt(MAX_PIXELS / pixels));
        }

        /**
         * The render resolution, but 0 for a scan whose pixels per inch of the page are fewer
         * than any scanner's: its page size is wrong (pixels written as points), and Tesseract
         * estimates better from the type than from a false figure.
         */
        @Override
        public int dpi(int index) {
          int scan = nativeDpi.computeIfAbsent(index, i -> ScanResolution.nativeDpi(doc.getPage(i)));
          return scan > 0 && scan < MIN_SCAN_DPI ? 0 : renderDpi(index);
        }

        @Override
        public BufferedImage renderCover() throws IOException {
          return doc.getNumberOfPages() == 0 ? null
              : renderer.renderImageWithDPI(0, coverDpi(renderDpi(0)), ImageType.GRAY);
        }
      }, contentHash, only, listener);
    }
  }

  public OcrPages recogniseImage(Path file, String contentHash, PageListener listener) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("not a readable image (no PNG, JPEG or TIFF decoder accepts it)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        int pages = reader.getNumImages(true);
        if (pages < 1) {
          throw new IOException("image file holds no image");
        }
        return recognise(new PageSource() {
          @Override
          public int pages() {
            return pages;
          }

          @Override
          public BufferedImage render(int index) throws IOException {
            return toGray(reader.read(index));
          }

          @Override
          public int dpi(int index) {
            return imageDpi(reader, index);
          }

          @Override
          public int renderDpi(int index) {
            return options.dpi(); // the image as it is: the key names the configuration
          }
        }, contentHash, Set.of(), listener);
      } finally {
        reader.dispose();
      }
    }
  }

  private OcrPages recognise(PageSource source, String contentHash, Set<Integer> only, PageListener listener)
      throws IOException {
    long start = System.nanoTime();
    int pages = source.pages();
    List<Integer> selected = new ArrayList<>();
    for (int page = 1; page <= pages; page++) {
      if (only.isEmpty() || only.contains(page)) {
        selected.add(page);
      }
    }
    List<String> texts = new ArrayList<>(java.util.Collections.nCopies(pages, ""));
    List<String> failures = new ArrayList<>();
    int recognised = 0;
    int fromCache = 0;
    int calls = 0;
    String coverReading = null;
    Path work = Files.createTempDirectory("stdsearch-ocr");
    try {
      for (int done = 0; done < selected.size(); done++) {
        int page = selected.get(done);
        int i = page - 1;
        int resolution = source.renderDpi(i);
        var cached = cache == null ? java.util.Optional.<String>empty()
            : cache.get(contentHash, page, resolution, languages);
        if (cached.isPresent()) {
          texts.set(i, cached.get());
          recognised++;
          fromCache++;
        } else {
          try {
            BufferedImage image = source.render(i);
            calls++;
            String text = tesseract.recognise(image, source.dpi(i), languages, options.pageTimeout(), work);
            texts.set(i, text);
            recognised++;
            if (cache != null) {
              cache.put(contentHash, page, resolution, languages, text);
            }
          } catch (OcrException | IOException | RuntimeException e) {
            failures.add("page " + page + ": " + (e instanceof OcrException ? e.getMessage() : e.toString()));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during OCR", e);
          }
        }
        listener.pageDone(done + 1, selected.size());
      }
      int firstDpi = pages > 0 ? source.renderDpi(0) : options.dpi();
      int coverDpi = coverDpi(firstDpi);
      // At 100 dpi or less the second reading would be no coarser than the first: page 1 again.
      boolean secondReading = !selected.isEmpty() && selected.get(0) == 1 && coverDpi < firstDpi;
      var cachedCover = cache == null || !secondReading ? java.util.Optional.<String>empty()
          : cache.get(contentHash, 1, coverDpi, languages);
      if (cachedCover.isPresent()) {
        coverReading = cachedCover.get();
      } else if (secondReading) {
        try {
          BufferedImage cover = source.renderCover();
          if (cover != null) {
            calls++;
            coverReading = tesseract.recognise(cover, coverDpi, languages, options.pageTimeout(), work);
            if (cache != null) {
              cache.put(contentHash, 1, coverDpi, languages, coverReading);
            }
          }
        } catch (OcrException | IOException | RuntimeException e) {
          failures.add("cover at " + coverDpi + " dpi: " + (e instanceof OcrException ? e.getMessage() : e.toString()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted during OCR", e);
        }
      }
    } finally {
      try (var files = Files.list(work)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(work);
    }
    return new OcrPages(texts, selected, recognised, fromCache, calls, (System.nanoTime() - start) / 1e9, failures,
        coverReading);
  }

  /** Gray on white: transparent pixels of a PNG would otherwise turn black. */
  static BufferedImage toGray(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return gray;
  }

  /** Resolution from the image's standard metadata (pixel size in mm), or 0 when absent. */
  private static int imageDpi(ImageReader reader, int index) {
    try {
      IIOMetadata meta = reader.getImageMetadata(index);
      if (meta == null || !meta.isStandardMetadataFormatSupported()) {
        return 0;
      }
      var root = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
      var sizes = root.getElementsByTagName("HorizontalPixelSize");
      if (sizes.getLength() == 0) {
        return 0;
      }
      double mm = Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
      int dpi = (int) Math.round(25.4 / mm);
      return dpi >= 70 && dpi <= 1200 ? dpi : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
