package io.pqzk.chains.internal;

import java.util.List;

/**
 * The Ethereum header layouts, told apart by the fields present (each fork appends fields; none
 * removes one): Frontier through Berlin 15, London (EIP-1559 base fee; also Paris) 16, Shanghai
 * (EIP-4895 withdrawals root) 17, Cancun (EIP-4844 blob gas used and excess blob gas, EIP-4788
 * parent beacon block root) 20, Prague (EIP-7685 requests hash) 21.
 */
public enum HeaderLayout {
  FRONTIER("Frontier to Berlin", 15),
  LONDON("London or Paris", 16),
  SHANGHAI("Shanghai", 17),
  CANCUN("Cancun", 20),
  PRAGUE("Prague", 21);

  /** Field names in header order, as JSON-RPC spells them, with their kind. */
  public static final List<Field> FIELDS = List.of(
      new Field("parentHash", Kind.HASH), new Field("sha3Uncles", Kind.HASH),
      new Field("miner", Kind.ADDRESS), new Field("stateRoot", Kind.HASH),
      new Field("transactionsRoot", Kind.HASH), new Field("receiptsRoot", Kind.HASH),
      new Field("logsBloom", Kind.BLOOM), new Field("difficulty", Kind.QUANTITY),
      new Field("number", Kind.QUANTITY), new Field("gasLimit", Kind.QUANTITY),
      new Field("gasUsed", Kind.QUANTITY), new Field("timestamp", Kind.QUANTITY),
      new Field("extraData", Kind.BYTES), new Field("mixHash", Kind.HASH),
      new Field("nonce", Kind.NONCE), new Field("baseFeePerGas", Kind.QUANTITY),
      new Field("withdrawalsRoot", Kind.HASH), new Field("blobGasUsed", Kind.QUANTITY),
      new Field("excessBlobGas", Kind.QUANTITY), new Field("parentBeaconBlockRoot", Kind.HASH),
      new Field("requestsHash", Kind.HASH));

  /** What a field holds; fixed sizes are checked. */
  public enum Kind {
    HASH(32), ADDRESS(20), BLOOM(256), NONCE(8), QUANTITY(-1), BYTES(-1);

    final int size;

    Kind(int size) {
      this.size = size;
    }
  }

  /** One header field. */
  public record Field(String name, Kind kind) {}

  private final String forks;
  private final int fieldCount;

  HeaderLayout(String forks, int fieldCount) {
    this.forks = forks;
    this.fieldCount = fieldCount;
  }

  public int fieldCount() {
    return fieldCount;
  }

  public String forks() {
    return forks;
  }

  /** Whether blocks of this layout carry a withdrawals list. */
  public boolean hasWithdrawals() {
    return fieldCount >= SHANGHAI.fieldCount;
  }

  /** The layout with {@code n} fields, or null. */
  public static HeaderLayout withFields(int n) {
    for (HeaderLayout l : values()) {
      if (l.fieldCount == n) {
        return l;
      }
    }
    return null;
  }

  public String describe() {
    return forks + " header (" + fieldCount + " fields)";
  }
}
