package org.curlake.jobs.generate;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.hex;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
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

  private final long seed;

  SeedHash(long seed) {
    this.seed = seed;
  }

  /** A 64-bit hash of the seed, a salt naming the decision, and the keys. */
  Column hash(String salt, Column... keys) {
    Column[] inputs = new Column[keys.length + 2];
    inputs[0] = lit(seed);
    inputs[1] = lit(salt);
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

  /** 13 characters of lowercase RFC 4648 base32 (a-z, 2-7): 64 bits. */
  Column base32(String salt, Column... keys) {
    return base32Of(hash(salt, keys));
  }

  /** 13 characters of lowercase base32 for any 64-bit value (independent of the seed). */
  static Column base32Of(Column longValue) {
    Column digits = lpad(conv(longValue.cast("string"), 10, 32), 13, "0");
    return org.apache.spark.sql.functions.translate(lower(digits),
        "0123456789abcdefghijklmnopqrstuv", "abcdefghijklmnopqrstuvwxyz234567");
  }

  /** 16 characters of an AWS-style upper-case SKU, independent of the seed (SKUs are global). */
  static Column sku(Column... keys) {
    Column[] first = new Column[keys.length + 1];
    Column[] second = new Column[keys.length + 1];
    first[0] = lit("sku-1");
    second[0] = lit("sku-2");
    System.arraycopy(keys, 0, first, 1, keys.length);
    System.arraycopy(keys, 0, second, 1, keys.length);
    Column text = concat(lpad(conv(xxhash64(first).cast("string"), 10, 32), 13, "0"),
        lpad(conv(xxhash64(second).cast("string"), 10, 32), 13, "0"));
    return text.substr(4, 16);
  }

  /** Driver side: a 64-bit mix of the seed, the salt and the keys. */
  long mix(String salt, long... keys) {
    long h = splitMix(seed ^ GOLDEN);
    for (byte b : salt.getBytes(StandardCharsets.UTF_8)) {
      h = splitMix(h ^ b);
    }
    for (long key : keys) {
      h = splitMix(h ^ key);
    }
    return h;
  }

  /** Driver side: a uniform int in [0, bound). */
  int pickIndex(String salt, int bound, long... keys) {
    return (int) Math.floorMod(mix(salt, keys), (long) bound);
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
