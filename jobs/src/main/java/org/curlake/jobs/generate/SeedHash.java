package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * The generator's only source of variation: a 64-bit hash of (seed, salt, keys). Row values hash
 * their row, group or period keys with Spark's {@code xxhash64}, so they depend on nothing but the
 * seed and the keys (not on partitioning, run or machine); the few driver-side choices (account ids,
 * reservations) use a SplitMix64 mix of the same inputs. No {@code java.util.Random} anywhere.
 */
final class SeedHash {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final long FRACTION_STEPS = 1_000_000L;
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private final long seed;

  SeedHash(long seed) {
    this.seed = seed;
  }

  /** A 64-bit hash of the seed, a salt naming the decision, and the keys. */
  Column hash(String salt, Column... keys) {
    Column[] inputs = new Column[keys.length + 2];
    inputs[0] = lit(seed);
    inputs[1] = lit(saltCode(salt));
    System.arraycopy(keys, 0, inputs, 2, keys.length);
    return xxhash64(inputs);
  }

  /** A uniform int in [0, bound). */
  Column pick(String salt, long bound, Column... keys) {
    return pmod(hash(salt, keys), lit(Math.max(1L, bound))).cast("int");
  }

  /** A uniform int in [0, bound) for a bound computed per row (at least 1). */
  Column pick(String salt, Column bound, Column... keys) {
    return pmod(hash(salt, keys), bound.cast("long")).cast("int");
  }

  /** A uniform double in [0, 1), in steps of one millionth. */
  Column fraction(String salt, Column... keys) {
    return pmod(hash(salt, keys), lit(FRACTION_STEPS)).divide(lit((double) FRACTION_STEPS));
  }

  /** 16 lowercase hex digits. */
  Column hex16(String salt, Column... keys) {
    return lpad(lower(hex(hash(salt, keys))), 16, "0");
  }

  /** Salts are hashed as a long (cheaper per row than a string), derived from the salt's text. */
  static long saltCode(String salt) {
    long h = GOLDEN;
    for (byte b : salt.getBytes(StandardCharsets.UTF_8)) {
      h = splitMix(h ^ b);
    }
    return h;
  }

  /** Driver side: a 64-bit mix of the seed, the salt and the keys. */
  long mix(String salt, long... keys) {
    long h = splitMix(seed ^ saltCode(salt));
    for (long key : keys) {
      h = splitMix(h ^ key);
    }
    return h;
  }

  /** Driver side: a uniform int in [0, bound). */
  int pickIndex(String salt, int bound, long... keys) {
    return (int) Math.floorMod(mix(salt, keys), (long) bound);
  }

  /** Driver side: {@code length} characters of upper-case base32 (A-Z, 2-7), as in AWS SKUs and principal ids. */
  String base32(int length, String salt, long... keys) {
    StringBuilder text = new StringBuilder();
    long round = 0;
    while (text.length() < length) {
      long[] extended = Arrays.copyOf(keys, keys.length + 1);
      extended[keys.length] = round++;
      long bits = mix(salt, extended);
      for (int i = 0; i < 12 && text.length() < length; i++) {
        text.append(BASE32.charAt((int) (bits & 31)));
        bits >>>= 5;
      }
    }
    return text.toString();
  }

  /** Driver side: a uniform double in [0, 1). */
  double fraction(String salt, long... keys) {
    return (mix(salt, keys) >>> 11) * 0x1.0p-53;
  }

  private static long splitMix(long value) {
    long z = value + GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
