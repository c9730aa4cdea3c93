package io.pqzk.chains.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The root of the Merkle Patricia trie Ethereum builds over an ordered list (Yellow Paper
 * appendix D): key {@code rlp(i)}, value the i-th item's encoding. Used for the transactions and
 * withdrawals roots of a block. Nodes of fewer than 32 bytes are embedded, larger ones referenced
 * by their Keccak-256; the root is always hashed.
 */
public final class PatriciaRoot {
  /** The root of the empty trie: Keccak-256 of rlp(""). */
  public static final byte[] EMPTY = Keccak.hash(new byte[] {(byte) 0x80});

  private PatriciaRoot() {}

  /** The trie root of {@code values}, in list order. */
  public static byte[] ofList(List<byte[]> values) {
    if (values.isEmpty()) {
      return EMPTY.clone();
    }
    List<byte[]> keys = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      keys.add(nibbles(Rlp.integer(BigInteger.valueOf(i))));
    }
    // sort by key so that siblings are contiguous
    Integer[] order = new Integer[values.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> java.util.Arrays.compare(keys.get(x), keys.get(y)));
    List<byte[]> k = new ArrayList<>();
    List<byte[]> v = new ArrayList<>();
    for (int i : order) {
      k.add(keys.get(i));
      v.add(values.get(i));
    }
    return Keccak.hash(node(k, v, 0, k.size(), 0));
  }

  private static byte[] nibbles(byte[] key) {
    byte[] n = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      n[2 * i] = (byte) ((key[i] >> 4) & 0xf);
      n[2 * i + 1] = (byte) (key[i] & 0xf);
    }
    return n;
  }

  /** The RLP encoding of the node over keys[from, to) below depth {@code d}. */
  private static byte[] node(List<byte[]> keys, List<byte[]> values, int from, int to, int d) {
    if (to - from == 1) {
      byte[] key = keys.get(from);
      return Rlp.list(List.of(Rlp.string(hexPrefix(key, d, key.length, true)),
          Rlp.string(values.get(from))));
    }
    int common = commonPrefix(keys, from, to, d);
    if (common > 0) {
      byte[] key = keys.get(from);
      byte[] child = node(keys, values, from, to, d + common);
      return Rlp.list(List.of(Rlp.string(hexPrefix(key, d, d + common, false)), ref(child)));
    }
    List<byte[]> slots = new ArrayList<>(17);
    byte[] value = new byte[0];
    int i = from;
    if (keys.get(i).length == d) {
      value = values.get(i);
      i++;
    }
    for (int nibble = 0; nibble < 16; nibble++) {
      int start = i;
      while (i < to && keys.get(i)[d] == nibble) {
        i++;
      }
      slots.add(start == i ? Rlp.string(new byte[0]) : ref(node(keys, values, start, i, d + 1)));
    }
    slots.add(Rlp.string(value));
    return Rlp.list(slots);
  }

  private static byte[] ref(byte[] encodedNode) {
    return encodedNode.length < 32 ? encodedNode : Rlp.string(Keccak.hash(encodedNode));
  }

  private static int commonPrefix(List<byte[]> keys, int from, int to, int d) {
    byte[] first = keys.get(from);
    int n = first.length - d;
    for (int i = from + 1; i < to; i++) {
      byte[] k = keys.get(i);
      int m = 0;
      while (m < n && d + m < k.length && k[d + m] == first[d + m]) {
        m++;
      }
      n = m;
    }
    return n;
  }

  /** Hex-prefix encoding of nibbles [from, to) (Yellow Paper appendix C). */
  private static byte[] hexPrefix(byte[] nibbles, int from, int to, boolean leaf) {
    int len = to - from;
    boolean odd = (len & 1) == 1;
    byte[] out = new byte[len / 2 + 1];
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    int i = from;
    if (odd) {
      out[0] = (byte) ((flag << 4) | nibbles[i++]);
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int o = 1; o < out.length; o++) {
      out[o] = (byte) ((nibbles[i] << 4) | nibbles[i + 1]);
      i += 2;
    }
    return out;
  }
}
