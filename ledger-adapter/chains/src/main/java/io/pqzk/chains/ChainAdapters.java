package io.pqzk.chains;

import io.pqzk.chains.internal.EthereumAdapter;
import io.pqzk.chains.internal.FabricAdapter;
import java.util.List;

/** The adapters by name: {@code fabric} (Hyperledger Fabric) and {@code ethereum}. */
public final class ChainAdapters {
  /** Hyperledger Fabric: a serialized {@code common.Block}. */
  public static final String FABRIC = "fabric";
  /** Ethereum and its family: a header or block as JSON-RPC JSON or RLP. */
  public static final String ETHEREUM = "ethereum";

  private ChainAdapters() {}

  /** Every adapter name, in a stable order. */
  public static List<String> names() {
    return List.of(FABRIC, ETHEREUM);
  }

  /**
   * The adapter called {@code name} (exact, lower case).
   *
   * @throws IllegalArgumentException naming the valid adapters when there is none
   */
  public static ChainAdapter forName(String name) {
    if (FABRIC.equals(name)) {
      return new FabricAdapter();
    }
    if (ETHEREUM.equals(name)) {
      return new EthereumAdapter();
    }
    throw new IllegalArgumentException("unknown chain '" + name + "' (expected one of "
        + names() + ")");
  }
}
