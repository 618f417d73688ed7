package org.curlake.config;

/** A configuration file that cannot be used: the message names the file, the tenant and the field. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  static ConfigException of(String file, String tenant, String field, String problem) {
    StringBuilder message = new StringBuilder(file);
    if (tenant != null) {
      message.append(": tenant '").append(tenant).append('\'');
    }
    if (field != null) {
      message.append(": field '").append(field).append('\'');
    }
    return new ConfigException(message.append(": ").append(problem).toString());
  }
}
