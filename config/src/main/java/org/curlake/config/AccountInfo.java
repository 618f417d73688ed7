package org.curlake.config;

import java.util.regex.Pattern;

/**
 * One AWS account of a tenant and where it sits in the organisation.
 *
 * @param accountId the 12-digit AWS account id
 * @param name a readable account name
 * @param businessUnit the organisational unit / business unit the account's cost is allocated to
 */
public record AccountInfo(String accountId, String name, String businessUnit) {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  public AccountInfo {
    if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
      throw new InvalidFieldException("accounts", "'" + accountId + "' is not a 12-digit AWS account id");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidFieldException("accounts." + accountId + ".name", "is required");
    }
    if (businessUnit == null || businessUnit.isBlank()) {
      throw new InvalidFieldException("accounts." + accountId + ".business_unit", "is required");
    }
  }
}
