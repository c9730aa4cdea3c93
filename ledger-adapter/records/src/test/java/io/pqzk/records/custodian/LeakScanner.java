package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.Transaction;
import io.pqzk.ledger.proto.TransactionBody;
import io.pqzk.ledger.store.BlockScanner;
import io.pqzk.ledger.store.StoredBlock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Looks for identifying values in everything a node wrote. Three passes: every byte of every file
 * (block files, indexes, vault, key store, logs, key files), the logical content of every RocksDB
 * database found (a store may compress its files, so the raw bytes alone would not show a leak),
 * and a typed walk of every transaction of every block (each integer field compared exactly).
 *
 * <p>Raw and logical passes match text (UTF-8) of every value, 8-byte integers both ways round,
 * protobuf varints of five bytes or more, and every 16-byte run of every document. Four-byte forms
 * (an int, a short varint) would match by chance somewhere in megabytes of ciphertext and
 * signatures, so they are compared in the typed walk instead, where an integer is a field.
 */
final class LeakScanner {
  static final int RUN = 16;

  private final Map<String, byte[]> needles = new LinkedHashMap<>();
  private final Set<Long> integers = new HashSet<>();
  private final Set<ByteBuffer> runs = new HashSet<>();
  private final List<String> findings = new ArrayList<>();
  long files;
  long bytes;
  long rocksEntries;
  long transactions;

  void text(String what, String value) {
    needles.put(what + " as text '" + value + "'", value.getBytes(StandardCharsets.UTF_8));
  }

  void integer(String what, long v) {
    integers.add(v);
    needles.put(what + " as u64 big-endian", ByteBuffer.allocate(8).putLong(v).array());
    needles.put(what + " as u64 little-endian", ByteBuffer.allocate(8)
        .order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
    byte[] varint = varint(v);
    if (varint.length >= 5) {
      needles.put(what + " as a protobuf varint", varint);
    }
    text(what, Long.toString(v));
  }

  void document(byte[] doc) {
    for (int i = 0; i + RUN <= doc.length; i++) {
      runs.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(doc, i, i + RUN)));
    }
  }

  int patterns() {
    return needles.size() + runs.size();
  }

  List<String> findings() {
    return findings;
  }

  private static byte[] varint(long v) {
    ByteBuffer b = ByteBuffer.allocate(10);
    while ((v & ~0x7fL) != 0) {
      b.put((byte) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    b.put((byte) v);
    return java.util.Arrays.copyOf(b.array(), b.position());
  }

  private void bytes(String where, byte[] hay) {
    for (Map.Entry<String, byte[]> n : needles.entrySet()) {
      if (VaultFiles.indexOf(hay, n.getValue()) >= 0) {
        findings.add(where + ": " + n.getKey());
      }
    }
    for (int i = 0; i + RUN <= hay.length; i++) {
      if (runs.contains(ByteBuffer.wrap(hay, i, RUN).slice())) {
        findings.add(where + ": a run of a document's bytes at offset " + i);
        break;
      }
    }
  }

  /** Every file under {@code root}, raw, then every RocksDB there, logically. */
  void scanTree(Path root) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(root)) {
      all = s.filter(Files::isRegularFile).toList();
    }
    for (Path p : all) {
      byte[] b = Files.readAllBytes(p);
      files++;
      bytes += b.length;
      bytes(root.relativize(p).toString(), b);
      if (p.getFileName().toString().equals("CURRENT")) {
        rocks(root, p.getParent());
      }
    }
  }

  private void rocks(Path root, Path db) throws IOException {
    RocksDB.loadLibrary();
    try (Options o = new Options(); RocksDB r = RocksDB.openReadOnly(o, db.toString());
        RocksIterator it = r.newIterator()) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        rocksEntries++;
        String where = root.relativize(db) + " (RocksDB entry)";
        bytes(where, it.key());
        bytes(where, it.value());
      }
    } catch (org.rocksdb.RocksDBException e) {
      throw new IOException("cannot open " + db + " read-only: " + e.getMessage(), e);
    }
  }

  /** Every transaction of the chain in {@code blocks}, field by field. */
  void scanChain(Path blocks) throws Exception {
    try (BlockScanner s = BlockScanner.fromStart(blocks)) {
      for (StoredBlock b = s.next(); b != null; b = s.next()) {
        for (ByteString t : Block.parseFrom(b.payload()).getTransactionsList()) {
          transactions++;
          walk("block " + b.height(), TransactionBody.parseFrom(Transaction.parseFrom(t)
              .getBody()));
        }
      }
    }
  }

  private void walk(String where, Message m) {
    for (Map.Entry<FieldDescriptor, Object> f : m.getAllFields().entrySet()) {
      List<?> values = f.getKey().isRepeated() ? (List<?>) f.getValue() : List.of(f.getValue());
      for (Object v : values) {
        String at = where + " field " + f.getKey().getFullName();
        if (v instanceof Message inner) {
          walk(at, inner);
        } else if (v instanceof Long l && integers.contains(l)
            || v instanceof Integer i && integers.contains(i.longValue() & 0xffffffffL)) {
          findings.add(at + ": an identifying integer " + v);
        } else if (v instanceof ByteString bs && (bs.size() == 4 || bs.size() == 8)) {
          ByteBuffer b = ByteBuffer.wrap(bs.toByteArray());
          long big = bs.size() == 4 ? b.getInt() & 0xffffffffL : b.getLong();
          long little = bs.size() == 4 ? b.order(ByteOrder.LITTLE_ENDIAN).getInt(0) & 0xffffffffL
              : b.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
          if (integers.contains(big) || integers.contains(little)) {
            findings.add(at + ": an identifying integer as " + bs.size() + " bytes");
          }
        } else if (v instanceof String str) {
          bytes(at, str.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
