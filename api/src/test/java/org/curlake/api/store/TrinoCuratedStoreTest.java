package org.curlake.api.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.curlake.api.LakeFixture;
import org.curlake.api.store.trino.TrinoCuratedStore;
import org.curlake.catalog.LakeTable;
import org.curlake.jobs.trino.TrinoRegistrar;
import org.curlake.jobs.trino.TrinoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract through a real Trino 476 (the jobs' TrinoServer fixture): the fixture lake's
 * tables registered in the admin schema, one schema of tenant views per tenant, each tenant's
 * queries run as its own Trino user.
 */
class TrinoCuratedStoreTest extends CuratedStoreContract {
  private static TrinoServer trino;
  private static TrinoCuratedStore store;

  @BeforeAll
  static void startTrinoAndRegister() throws Exception {
    LakeFixture lake = LakeFixture.shared();
    Path work = LakeFixture.projectRoot().resolve("api/target/trino-contract");
    org.curlake.api.LakeFixture.deleteTree(work);
    trino = TrinoServer.start(LakeFixture.projectRoot(), work);
    try (Connection admin = trino.connect(TrinoServer.ADMIN)) {
      TrinoRegistrar registrar = new TrinoRegistrar(admin, TrinoServer.CATALOG);
      List<String> registered = new ArrayList<>();
      for (LakeTable table : LakeTable.values()) {
        if (java.nio.file.Files.isDirectory(Path.of(table.location(lake.lake())).resolve("_delta_log"))) {
          registrar.registerTable(table.tableName(), table.location("local://" + lake.lake()));
          registered.add(table.tableName());
        }
      }
      for (String tenant : LakeFixture.TENANTS) {
        registrar.createTenantViews(tenant, registered);
      }
    }
    store = new TrinoCuratedStore(trino.jdbcUrl() + "/" + TrinoServer.CATALOG, "tenant_");
  }

  @AfterAll
  static void stopTrino() {
    if (trino != null) {
      trino.close();
    }
  }

  @Override
  protected CuratedStore store() {
    return store;
  }
}
