package io.pqzk.chains.internal;

import io.pqzk.chains.ChainAdapter;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.CommitmentMismatchException;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.MalformedBlockException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Ethereum headers and blocks: the block hash is Keccak-256 of the RLP list of the header's
 * fields (Yellow Paper section 4.3, with the fields each fork appended). Reads a JSON-RPC
 * {@code eth_getBlockByNumber} result (or the whole response), raw RLP of a header or of a whole
 * block {@code [header, transactions, ommers(, withdrawals)]}, or either RLP as hex text.
 *
 * <p>Checked where the input allows: a JSON {@code hash} against the computed one; for a whole
 * RLP block, the transactions root, the ommers hash and the withdrawals root against its lists;
 * for JSON, an empty {@code uncles} or {@code transactions} list against the empty hash and root,
 * and a {@code withdrawals} list of objects against the withdrawals root. A JSON list of
 * transaction objects is not re-encoded (each transaction type has its own encoding), so its root
 * is not checked.
 */
public final class EthereumAdapter implements ChainAdapter {
  static final String NAME = ChainAdapters.ETHEREUM;
  /** Keccak-256 of rlp([]): the ommers hash of a block without ommers. */
  public static final byte[] EMPTY_OMMERS = Keccak.hash(new byte[] {(byte) 0xc0});
  static final int MAX_INPUT = 16 << 20;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ForeignBlock parse(byte[] input) throws ChainException {
    if (input.length == 0) {
      throw malformed("empty input");
    }
    if (input.length > MAX_INPUT) {
      throw malformed(input.length + " bytes, more than the " + MAX_INPUT + " read");
    }
    int first = firstNonSpace(input);
    if (first >= 0 && input[first] == '{') {
      return EthereumJson.parse(new String(input, StandardCharsets.UTF_8));
    }
    byte[] rlp = input;
    if (first >= 0 && isHexText(input)) {
      rlp = hexText(input);
    }
    return fromRlp(rlp);
  }

  static MalformedBlockException malformed(String message) {
    return new MalformedBlockException(NAME, message);
  }

  private static int firstNonSpace(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (!Character.isWhitespace(b[i])) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isHexText(byte[] b) {
    String s = new String(b, StandardCharsets.ISO_8859_1).strip();
    return s.matches("(0x)?[0-9a-fA-F]+");
  }

  private static byte[] hexText(byte[] b) throws MalformedBlockException {
    String s = new String(b, StandardCharsets.ISO_8859_1).strip();
    if (s.startsWith("0x")) {
      s = s.substring(2);
    }
    if (s.length() % 2 != 0) {
      throw malformed("hex text of odd length " + s.length());
    }
    return HexFormat.of().parseHex(s);
  }

  private static ForeignBlock fromRlp(byte[] rlp) throws ChainException {
    Rlp.Item top;
    try {
      top = Rlp.decode(rlp);
      if (!top.isList()) {
        throw malformed("RLP is a byte string, not a header or block list");
      }
      List<Rlp.Item> items = top.items();
      if (!items.isEmpty() && items.get(0).isList()) {
        return block(items);
      }
      return header(top);
    } catch (Rlp.RlpException e) {
      throw malformed("not canonical RLP: " + e.getMessage());
    }
  }

  /** A whole block: its header, and the commitments its lists make checkable. */
  private static ForeignBlock block(List<Rlp.Item> items) throws ChainException,
      Rlp.RlpException {
    Rlp.Item headerItem = items.get(0);
    ForeignBlock b = header(headerItem);
    HeaderLayout layout = HeaderLayout.withFields(headerItem.items().size());
    int expected = layout.hasWithdrawals() ? 4 : 3;
    if (items.size() != expected) {
      throw malformed("a block with a " + layout.describe() + " has " + expected
          + " parts (header, transactions, ommers" + (expected == 4 ? ", withdrawals" : "")
          + "), this one " + items.size());
    }
    List<Rlp.Item> h = headerItem.items();
    List<byte[]> txs = new ArrayList<>();
    for (Rlp.Item tx : items.get(1).items()) {
      // a legacy transaction is an RLP list; a typed one (EIP-2718) a byte string whose content
      // is type || payload, which is also what the trie stores
      txs.add(tx.isList() ? tx.encoding() : tx.bytes());
    }
    check("transactions root", b.number(), h.get(4).bytes(), PatriciaRoot.ofList(txs));
    items.get(2).items(); // must be a list
    check("ommers hash", b.number(), h.get(1).bytes(), Keccak.hash(items.get(2).encoding()));
    if (layout.hasWithdrawals()) {
      List<byte[]> ws = new ArrayList<>();
      for (Rlp.Item w : items.get(3).items()) {
        if (!w.isList() || w.items().size() != 4) {
          throw malformed("a withdrawal is [index, validator index, address, amount]");
        }
        ws.add(w.encoding());
      }
      check("withdrawals root", b.number(), h.get(16).bytes(), PatriciaRoot.ofList(ws));
    }
    return b;
  }

  private static ForeignBlock header(Rlp.Item header) throws ChainException, Rlp.RlpException {
    List<Rlp.Item> fields = header.items();
    HeaderLayout layout = layoutOf(fields.size());
    byte[][] values = new byte[fields.size()][];
    for (int i = 0; i < fields.size(); i++) {
      HeaderLayout.Field f = HeaderLayout.FIELDS.get(i);
      byte[] v = fields.get(i).bytes();
      checkSize(f, v);
      if (f.kind() == HeaderLayout.Kind.QUANTITY && v.length > 0 && v[0] == 0) {
        throw malformed(f.name() + " has a leading zero byte (not canonical)");
      }
      values[i] = v;
    }
    return block(layout, values, Keccak.hash(header.encoding()));
  }

  static HeaderLayout layoutOf(int fields) throws MalformedBlockException {
    HeaderLayout layout = HeaderLayout.withFields(fields);
    if (layout == null) {
      throw malformed("a header has 15 (Frontier to Berlin), 16 (London), 17 (Shanghai), 20"
          + " (Cancun) or 21 (Prague) fields, this one " + fields
          + (fields > 21 ? ": a fork after Prague is not supported" : ""));
    }
    return layout;
  }

  static void checkSize(HeaderLayout.Field f, byte[] v) throws MalformedBlockException {
    int size = f.kind().size;
    if (size >= 0 && v.length != size) {
      throw malformed(f.name() + " has " + v.length + " bytes, not " + size);
    }
    if (f.kind() == HeaderLayout.Kind.QUANTITY && v.length > 32) {
      throw malformed(f.name() + " is wider than 256 bits");
    }
  }

  /** The block of header field values whose encoding hashes to {@code hash}. */
  static ForeignBlock block(HeaderLayout layout, byte[][] values, byte[] hash)
      throws MalformedBlockException {
    BigInteger number = new BigInteger(1, values[8]);
    if (number.bitLength() > 63) {
      throw malformed("block number " + number + " beyond 2^63-1");
    }
    return new ForeignBlock(NAME, null, number.longValueExact(), hash, values[0], new byte[0],
        layout.describe());
  }

  static void check(String what, long block, byte[] committed, byte[] computed)
      throws CommitmentMismatchException {
    if (!MessageDigest.isEqual(committed, computed)) {
      throw new CommitmentMismatchException(what, block, committed, computed);
    }
  }
}
