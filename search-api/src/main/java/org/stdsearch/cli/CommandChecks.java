package org.stdsearch.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks made before a command creates or opens anything, each failing with a message that says
 * what and why: the index folder can be written, the port is free.
 */
final class CommandChecks {
  private CommandChecks() {}

  /** Creates {@code index} when missing and proves it can be written; else says why not. */
  static void requireWritable(Path index) {
    Path shown = index.toAbsolutePath().normalize();
    if (Files.exists(index) && !Files.isDirectory(index)) {
      throw new IllegalArgumentException("the index folder " + shown + " is a file, not a folder; give another with --index DIR");
    }
    try {
      Files.createDirectories(index);
      // Files.isWritable says yes to root on a read-only mount: only a real write tells.
      Path probe = Files.createTempFile(index, ".write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("the index folder " + shown + " cannot be written: " + why(e));
    }
  }

  /** What went wrong, in words: the JDK's messages are often just the path. */
  private static String why(IOException e) {
    String file = e instanceof FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
    if (e instanceof AccessDeniedException) {
      return "permission denied" + file;
    }
    if (e instanceof NoSuchFileException) {
      return "a folder on its path does not exist and cannot be created" + file;
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way" + file;
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT) + file;
    }
    return e.toString();
  }

  /** The index folder exists; else says so and how to make one (whether it holds an index, the backend tells). */
  static void requireIndexFolder(Path index) {
    if (!Files.isDirectory(index)) {
      throw new IllegalArgumentException("there is no index folder " + index.toAbsolutePath().normalize()
          + "; " + howToIndex(index));
    }
  }

  static String howToIndex(Path index) {
    return "make one with: index --docs DIR --index " + index;
  }

  /** {@code host:port} can be bound now (port 0 always can); else says which and why not. */
  static void requirePortFree(String host, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalArgumentException(cannotListen(host, port, e));
    }
  }

  static String cannotListen(String host, int port, Throwable e) {
    String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
      return "cannot listen on " + where + ": the port is already in use (another stdsearch, or another program);"
          + " choose another with --port N";
    }
    return "cannot listen on " + where + ": " + e.getMessage()
        + (e instanceof BindException ? " (is " + host + " an address of this machine? --host ADDR)" : "");
  }
}
