package org.curlake.api.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.curlake.config.ConfigException;
import org.curlake.config.InvalidFieldException;
import org.curlake.config.YamlDocuments;
import org.curlake.config.YamlFields;

/**
 * The API's users and rate limit, from {@code config/api/users.yaml}. Tokens are looked up by
 * their SHA-256, compared in constant time; the file never holds a token.
 */
public final class ApiUsers {
  public static final String FILE = "api/users.yaml";

  private final List<ApiUser> users;
  private final Map<String, ApiUser> byHash = new HashMap<>();
  private final RateLimit rateLimit;

  public ApiUsers(List<ApiUser> users, RateLimit rateLimit) {
    this.users = List.copyOf(users);
    this.rateLimit = rateLimit;
    for (ApiUser user : users) {
      if (byHash.put(user.tokenSha256(), user) != null) {
        throw new InvalidFieldException("users", "two users share one token hash (" + user.name() + ")");
      }
    }
  }

  public static ApiUsers load(Path configDir) {
    Path file = configDir.resolve(FILE);
    String name = "config/" + FILE;
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(name + ": API users file not found at " + file.toAbsolutePath());
    }
    try {
      YamlFields root = YamlFields.of("", YamlDocuments.load(file, name), List.of("rate_limit", "users"));
      RateLimit limit = root.optionalObject("rate_limit")
          .map(r -> {
            r.allowOnly(List.of("requests_per_second", "burst"));
            return new RateLimit(r.requiredInt("requests_per_second"), r.optionalInt("burst").orElse(r.requiredInt("requests_per_second")));
          })
          .orElse(RateLimit.off());
      List<ApiUser> users = new ArrayList<>();
      List<Object> nodes = root.optionalList("users");
      for (int i = 0; i < nodes.size(); i++) {
        users.add(user("users[" + i + "]", nodes.get(i)));
      }
      return new ApiUsers(users, limit);
    } catch (InvalidFieldException e) {
      throw new ConfigException(name + ": field '" + e.field() + "': " + e.problem());
    }
  }

  private static ApiUser user(String path, Object node) {
    YamlFields user = YamlFields.of(path, node, List.of("name", "token_sha256", "role", "tenants"));
    try {
      String role = user.requiredString("role");
      Role parsed;
      try {
        parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException("role", "unknown role '" + role + "', expected viewer, tenant_admin or platform_admin");
      }
      return new ApiUser(user.requiredString("name"), user.requiredString("token_sha256"), parsed,
          user.optionalStringList("tenants"));
    } catch (InvalidFieldException e) {
      throw e.field().startsWith(path) ? e : e.under(path);
    }
  }

  /** The user holding this bearer token, if any. */
  public Optional<ApiUser> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 512) {
      return Optional.empty();
    }
    String hash = ApiUser.hash(token);
    ApiUser candidate = byHash.get(hash);
    if (candidate == null || !MessageDigest.isEqual(candidate.tokenSha256().getBytes(), hash.getBytes())) {
      return Optional.empty();
    }
    return Optional.of(candidate);
  }

  public List<ApiUser> users() {
    return users;
  }

  public RateLimit rateLimit() {
    return rateLimit;
  }

  public ApiUsers withRateLimit(RateLimit limit) {
    return new ApiUsers(users, limit);
  }
}
