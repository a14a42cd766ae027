package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.resource.PathResource;
import io.undertow.server.handlers.resource.PathResourceManager;
import io.undertow.server.handlers.resource.Resource;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.AttachmentKey;
import io.undertow.util.ETag;
import io.undertow.util.Headers;
import io.undertow.util.MimeMappings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.stdsearch.search.Backend;
import org.stdsearch.search.StandardFile;

/**
 * {@code GET|HEAD /api/v1/standards/{id}/content}: the original file. The file is never named by
 * the request: the id is looked up ({@code SearchService.file}) and its recorded path resolved below the docs
 * folder, and refused unless it is a regular file inside it. Undertow's {@link ResourceHandler}
 * then does ranges (206/416), {@code Accept-Ranges}, conditional requests and zero-copy transfer.
 */
final class ContentHandler implements HttpHandler {
  private static final AttachmentKey<Resource> RESOURCE = AttachmentKey.create(Resource.class);
  private final Backend backend;
  private final ResourceHandler files;

  ContentHandler(Backend backend) {
    this.backend = backend;
    this.files = new ResourceHandler((ex, ignoredPath) -> ex.getAttachment(RESOURCE))
        .setDirectoryListingEnabled(false)
        .setCacheTime(60);
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    String id = Params.of(ex).path("id");
    StandardFile standard = backend.service().file(id);
    Path root = backend.docs();
    Path file = root.resolve(standard.path()).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        || !file.toRealPath().startsWith(root)) {
      throw new ProblemException(404, "content-not-found", "Content not found",
          "the file of standard " + id + " is no longer in the docs folder");
    }
    String hash = standard.contentHash();
    PathResourceManager manager = new PathResourceManager(root, 1024, true, false, false);
    ex.putAttachment(RESOURCE, new TypedResource(file, manager, standard.path(),
        hash == null ? null : new ETag(false, hash), standard.mimeType()));
    ex.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, disposition(file.getFileName().toString()));
    files.handleRequest(ex);
  }

  /** RFC 6266: an ASCII fallback plus the exact UTF-8 name (most standards here have Chinese names). */
  static String disposition(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** A file resource whose type is the one detected at indexing time, not guessed from its name. */
  private static final class TypedResource extends PathResource {
    private final String mime;

    TypedResource(Path file, PathResourceManager manager, String path, ETag etag, String mime) {
      super(file, manager, path, etag);
      this.mime = mime;
    }

    @Override
    public String getContentType(MimeMappings mappings) {
      if (mime == null || mime.isBlank()) {
        return super.getContentType(mappings);
      }
      // No charset is added to text/*: a plain-text standard may well be GB 18030, not UTF-8.
      return mime;
    }
  }
}
