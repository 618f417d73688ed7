package org.curlake.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SourceLocation} on its own: parsing, normalisation, overlap and Hadoop paths. */
class SourceLocationTest {
  private static final Path BASE = Path.of("/srv/curlake");

  private static SourceLocation parse(String raw) {
    return SourceLocation.parse("source.path", raw, BASE);
  }

  private static InvalidFieldException parseError(String raw) {
    return assertThrows(InvalidFieldException.class, () -> parse(raw));
  }

  @Test
  void errorsCarryTheGivenFieldName() {
    InvalidFieldException e = parseError("s3://bucket/x");
    assertEquals("source.path", e.field());
    assertEquals("'s3://bucket/x' uses an unsupported scheme: write s3a://", e.problem());
    assertEquals("field 'source.path': 's3://bucket/x' uses an unsupported scheme: write s3a://", e.getMessage());
  }

  @Test
  void nullAndBlankAreRequired() {
    assertEquals("is required", parseError(null).problem());
    assertEquals("is required", parseError(" \t").problem());
    assertEquals("field 'path': is required",
        assertThrows(InvalidFieldException.class, () -> new SourceLocation(" ")).getMessage());
  }

  @Test
  void nulCharacterIsRefused() {
    assertEquals("contains control characters", parseError("landing/\0acme").problem());
  }

  @ParameterizedTest
  @CsvSource({
      "landing/acme,            /srv/curlake/landing/acme",
      "./landing//acme/,        /srv/curlake/landing/acme",
      "../shared/data/cur,      /srv/shared/data/cur",
      "/data/cur/../cur/acme,   /data/cur/acme",
      "s3a://cur-bucket/acme/,  s3a://cur-bucket/acme",
      "s3a://cur.bucket-1/a/b,  s3a://cur.bucket-1/a/b",
      "s3a://cur-bucket,        s3a://cur-bucket"})
  void normalisesLocations(String raw, String expected) {
    assertEquals(expected, parse(raw).uri());
    assertEquals(expected, parse(raw).toString());
  }

  @Test
  void isS3() {
    assertTrue(parse("s3a://cur-bucket/acme").isS3());
    assertFalse(parse("landing/acme").isS3());
  }

  @ParameterizedTest
  @CsvSource({
      "/data/cur,               /data/cur,          true",
      "/data/cur,               /data/cur/acme,     true",
      "/data/cur/acme/2024,     /data/cur/acme,     true",
      "/data/cur/acme,          /data/cur/acme2,    false",
      "/data/cur/acme,          /data/cur/acm,      false",
      "/data/cur/acme,          /data/other/acme,   false",
      "s3a://bkt/acme,          s3a://bkt/acme/x,   true",
      "s3a://bkt,               s3a://bkt/acme,     true",
      "s3a://bkt/acme,          s3a://bkt/acme2,    false",
      "s3a://bkt/acme,          s3a://bkt2/acme,    false",
      "s3a://bkt/data/acme,     /data/acme,         false"})
  void overlapIsSymmetricAndOnPathBoundaries(String a, String b, boolean expected) {
    assertEquals(expected, parse(a).overlaps(parse(b)), a + " vs " + b);
    assertEquals(expected, parse(b).overlaps(parse(a)), b + " vs " + a);
  }

  @Test
  void hadoopPathOfLocalIsAFileUri() {
    String hadoop = parse("/nonexistent-curlake-dir/acme").hadoopPath();
    assertTrue(hadoop.startsWith("file:///nonexistent-curlake-dir/acme"), hadoop);
  }

  @Test
  void hadoopPathOfS3aIsTheUri() {
    assertEquals("s3a://cur-bucket/acme", parse("s3a://cur-bucket/acme/").hadoopPath());
  }
}
