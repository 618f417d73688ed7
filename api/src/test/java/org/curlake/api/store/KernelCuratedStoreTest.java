package org.curlake.api.store;

import java.time.Duration;
import org.curlake.api.store.kernel.KernelCuratedStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on Delta Kernel, reading the fixture lake in process. */
class KernelCuratedStoreTest extends CuratedStoreContract {
  private static KernelCuratedStore store;

  @BeforeAll
  static void open() {
    store = KernelCuratedStore.open(org.curlake.api.LakeFixture.shared().lake(), Duration.ZERO);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Override
  protected CuratedStore store() {
    return store;
  }
}
