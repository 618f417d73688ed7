package org.curlake.jobs.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.curlake.config.AccountInfo;
import org.curlake.config.TenantConfig;

/** The tenant's config as the small tables the SQL models join: its account map and its tag keys. */
public final class TenantDimensions {
  public static final StructType ACCOUNTS = new StructType()
      .add("account_id", DataTypes.StringType, false)
      .add("account_name", DataTypes.StringType, false)
      .add("business_unit", DataTypes.StringType, false);
  public static final StructType TAG_KEYS = new StructType()
      .add("tag_key", DataTypes.StringType, false)
      .add("tag_label", DataTypes.StringType, false);

  private TenantDimensions() {}

  public static Dataset<Row> accounts(SparkSession spark, TenantConfig tenant) {
    List<Row> rows = new ArrayList<>();
    for (AccountInfo account : tenant.accounts().values()) {
      rows.add(RowFactory.create(account.accountId(), account.name(), account.businessUnit()));
    }
    return spark.createDataFrame(rows, ACCOUNTS);
  }

  public static Dataset<Row> tagKeys(SparkSession spark, TenantConfig tenant) {
    List<Row> rows = new ArrayList<>();
    for (String key : tenant.tagKeys()) {
      rows.add(RowFactory.create(normalizeTagKey(key), key));
    }
    return spark.createDataFrame(rows, TAG_KEYS);
  }

  /**
   * The key tags are matched on: lowercase, without a {@code user_}/{@code user:} prefix, letters
   * and digits only. fct_cost_by_tag.sql applies the same rule to the data's keys.
   */
  public static String normalizeTagKey(String key) {
    return key.toLowerCase(Locale.ROOT).replaceFirst("^user[_:]", "").replaceAll("[^a-z0-9]", "");
  }
}
