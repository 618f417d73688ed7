package org.curlake.api.auth;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.curlake.config.InvalidFieldException;
import org.curlake.config.TenantId;

/**
 * A user of the API: a name for the audit log, the SHA-256 of its bearer token (never the token),
 * a role and the tenants it may see (a platform admin sees all and lists none).
 */
public record ApiUser(String name, String tokenSha256, Role role, List<String> tenants) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_.-]{0,39}");
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public ApiUser {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidFieldException("name", "'" + name + "' is not a user name: 1-40 lowercase letters, digits, '_', '.', '-'");
    }
    if (tokenSha256 == null || !SHA256_HEX.matcher(tokenSha256).matches()) {
      throw new InvalidFieldException("token_sha256", "must be the 64 lowercase hex digits of the token's SHA-256");
    }
    tenants = List.copyOf(tenants);
    tenants.forEach(t -> TenantId.validate("tenants", t));
    if (role == Role.PLATFORM_ADMIN && !tenants.isEmpty()) {
      throw new InvalidFieldException("tenants", "a platform_admin sees every tenant: list none");
    }
    if (role != Role.PLATFORM_ADMIN && tenants.isEmpty()) {
      throw new InvalidFieldException("tenants", "a " + role.name().toLowerCase() + " needs at least one tenant");
    }
  }

  public boolean maySee(String tenant) {
    return role == Role.PLATFORM_ADMIN || tenants.contains(tenant);
  }

  /** The lowercase hex SHA-256 of a token, as stored in users.yaml. */
  public static String hash(String token) {
    MessageDigest sha256 = SHA256.get();
    sha256.reset();
    return HexFormat.of().formatHex(sha256.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** One digest per request thread: looking the algorithm up on every request cost as much as hashing. */
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  });
}
