package org.stdsearch;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real file system that fills up: a tmpfs of a given size mounted on a test folder (issue 19's
 * full-disk tests). Mounting needs root; elsewhere the test is skipped, not failed.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;
  private final Path filler;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
    this.filler = mountPoint.resolve("filler.bin");
  }

  /** Mounts a tmpfs of {@code megabytes} on {@code dir} (created), or skips the calling test. */
  public static SmallDisk mount(Path dir, int megabytes) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String problem = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", dir.toString());
    if (problem != null) {
      abort("cannot mount a small tmpfs here (needs root): " + problem);
    }
    return new SmallDisk(dir);
  }

  public Path root() {
    return mountPoint;
  }

  /** Writes a filler file until the disk refuses more ("No space left on device"). */
  public void fill() throws IOException {
    byte[] block = new byte[16 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      if (Files.getFileStore(mountPoint).getUsableSpace() > block.length) {
        throw e;
      }
    }
  }

  /** Fills the disk but for about {@code bytes}. */
  public void fillAllBut(long bytes) throws IOException {
    fill();
    long size = Files.size(filler);
    try (var ch = java.nio.channels.FileChannel.open(filler, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(Math.max(0, size - bytes));
    }
  }

  /** Makes the file system read-only: every write fails, for root too. */
  public void remountReadOnly() throws IOException, InterruptedException {
    String problem = run("mount", "-o", "remount,ro", mountPoint.toString());
    if (problem != null) {
      throw new IOException("remounting read-only failed: " + problem);
    }
  }

  /** Frees what {@link #fill} took. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  public long usableBytes() throws IOException {
    return Files.getFileStore(mountPoint).getUsableSpace();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", "-l", mountPoint.toString());
  }

  /** Runs a command; null when it succeeded, else what it said. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : out + " (exit " + p.exitValue() + ")";
  }
}
