package org.curlake.jobs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Counts the Delta commits (the {@code _delta_log/NNN.json} files) under the bench's lake folders:
 * each commit costs a log write, a snapshot update and often a checkpoint, whatever its size.
 */
final class DeltaCommitCounter implements LongSupplier {
  private final Path root;

  /** @param root the bench folder: the floor's and the pipeline's lakes are below it */
  DeltaCommitCounter(Path root) {
    this.root = root;
  }

  @Override
  public long getAsLong() {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.getParent() != null
          && file.getParent().getFileName().toString().equals("_delta_log")
          && file.getFileName().toString().matches("\\d{20}\\.json")).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot count Delta commits under " + root, e);
    } catch (UncheckedIOException e) {
      // A folder deleted while walking (the bench clears its lakes between phases): count what is left.
      return 0;
    }
  }
}
