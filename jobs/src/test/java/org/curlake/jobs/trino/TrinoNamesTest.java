package org.curlake.jobs.trino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.curlake.catalog.LakeTable;
import org.curlake.config.InvalidFieldException;
import org.curlake.config.SourceLocation;
import org.junit.jupiter.api.Test;

/** Names and locations are checked before they reach Trino SQL text; nothing unsafe gets through. */
class TrinoNamesTest {
  @Test
  void identifiersAreLowercaseWordsAndQuoted() {
    assertEquals("\"fct_cost_daily\"", new TrinoIdentifier("fct_cost_daily").quoted());
    for (String unsafe : List.of("", "Fct", "1abc", "a-b", "a\"b", "a b", "x'; drop table y; --", "a.b")) {
      assertThrows(IllegalArgumentException.class, () -> new TrinoIdentifier(unsafe), unsafe);
    }
  }

  @Test
  void tenantSchemasComeFromValidTenantIdsOnly() {
    assertEquals("cur_acme", TrinoRegistrar.tenantSchema("acme"));
    for (String unsafe : List.of("Acme", "acme'", "a", "acme; drop", "../x")) {
      assertThrows(InvalidFieldException.class, () -> TrinoRegistrar.tenantSchema(unsafe), unsafe);
    }
  }

  @Test
  void locationsAreLocalOrS3UrisWithoutQuotesOrSpaces() {
    assertEquals("local:///lake/marts/fct_cost_daily", TrinoRegistrar.safeLocation("local:///lake/marts/fct_cost_daily"));
    assertEquals("s3a://bucket/lake/marts/x", TrinoRegistrar.safeLocation("s3a://bucket/lake/marts/x"));
    for (String unsafe : List.of("/lake/x", "file:///lake/x", "local:///la'ke", "local:///la ke", "hdfs://x/y",
        "local:///x\n")) {
      assertThrows(IllegalArgumentException.class, () -> TrinoRegistrar.safeLocation(unsafe), unsafe);
    }
  }

  @Test
  void aLocalLakeIsReadThroughTrinosLocalFileSystemAndAnS3LakeKeepsItsUri() {
    LakeTableLocations local = new LakeTableLocations(new SourceLocation("/data/lake"));
    assertEquals("local:///data/lake/marts/focus_costs", local.trinoLocation(LakeTable.FOCUS_COSTS));
    LakeTableLocations s3 = new LakeTableLocations(new SourceLocation("s3a://bucket/lake"));
    assertEquals("s3a://bucket/lake/bronze/cur_line_items", s3.trinoLocation(LakeTable.CUR_LINE_ITEMS));
  }
}
