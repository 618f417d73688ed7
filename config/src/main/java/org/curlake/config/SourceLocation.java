package org.curlake.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a tenant's CUR export (or the lake) lives: an absolute local directory or an
 * {@code s3a://bucket/prefix} URI. Relative local paths are resolved against the project root.
 */
public record SourceLocation(String uri) {
  private static final Pattern S3A = Pattern.compile("s3a://[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9](/[^\\s]*)?");
  private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.\\-]*:.*");

  public SourceLocation {
    if (uri == null || uri.isBlank()) {
      throw new InvalidFieldException("path", "is required");
    }
  }

  /** Parses a configured path; {@code field} names it in errors. */
  public static SourceLocation parse(String field, String raw, Path baseDir) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    String value = raw.strip();
    if (value.startsWith("s3://") || value.startsWith("s3n://")) {
      throw new InvalidFieldException(field, "'" + value + "' uses an unsupported scheme: write s3a://");
    }
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidFieldException(field, "contains control characters");
    }
    if (value.startsWith("s3a://")) {
      if (!S3A.matcher(value).matches()) {
        throw new InvalidFieldException(field, "'" + value + "' is not a valid s3a://bucket/prefix URI");
      }
      String prefix = value.substring("s3a://".length());
      String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
      for (String segment : trimmed.split("/", -1)) {
        // Hadoop would normalise these, letting one tenant's prefix reach another's.
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          throw new InvalidFieldException(field, "'" + value + "' has an empty, '.' or '..' path segment");
        }
      }
      return new SourceLocation("s3a://" + trimmed);
    }
    if (SCHEME.matcher(value).matches()) {
      throw new InvalidFieldException(field, "'" + value + "' has an unsupported scheme: use a local path or s3a://");
    }
    Path path = Path.of(value);
    Path absolute = path.isAbsolute() ? path.normalize() : baseDir.resolve(path).toAbsolutePath().normalize();
    if (absolute.getParent() == null) {
      throw new InvalidFieldException(field, "'" + value + "' is the filesystem root");
    }
    return new SourceLocation(absolute.toString());
  }

  public boolean isS3() {
    return uri.startsWith("s3a://");
  }

  /** The location with a trailing slash, for prefix comparisons. */
  private String asPrefix() {
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** True when one location contains the other (or they are the same). */
  public boolean overlaps(SourceLocation other) {
    return asPrefix().startsWith(other.asPrefix()) || other.asPrefix().startsWith(asPrefix());
  }

  /** A Hadoop-compatible path string (file:/... for local, s3a://... for S3). */
  public String hadoopPath() {
    return isS3() ? uri : Path.of(uri).toUri().toString();
  }

  @Override
  public String toString() {
    return uri;
  }
}
