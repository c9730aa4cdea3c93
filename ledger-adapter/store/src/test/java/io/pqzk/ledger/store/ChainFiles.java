package io.pqzk.ledger.store;

import io.pqzk.ledger.store.BlockFiles;
import io.pqzk.ledger.store.BlockScanner;
import io.pqzk.ledger.store.StoredBlock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers that read, rewrite and fingerprint a data directory. */
public final class ChainFiles {
  private ChainFiles() {}

  /** Every record of the chain, in order. */
  public static List<StoredBlock> records(Path data) throws Exception {
    List<StoredBlock> out = new ArrayList<>();
    try (BlockScanner s = BlockScanner.fromStart(Ledger.blocksDir(data))) {
      for (StoredBlock b = s.next(); b != null; b = s.next()) {
        out.add(b);
      }
    }
    return out;
  }

  /** Replaces the block files by well-formed records (valid checksums) holding {@code payloads}. */
  public static void rewrite(Path data, List<byte[]> payloads) throws Exception {
    Path blocks = Ledger.blocksDir(data);
    for (int seg : BlockFiles.segments(blocks)) {
      Files.delete(blocks.resolve(BlockFiles.segmentName(seg)));
    }
    try (BlockFiles f = BlockFiles.openForAppend(blocks, null, Long.MAX_VALUE)) {
      for (int i = 0; i < payloads.size(); i++) {
        f.append(i, payloads.get(i));
      }
    }
  }

  public static Path segment0(Path data) {
    return Ledger.blocksDir(data).resolve(BlockFiles.segmentName(0));
  }

  public static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.getFileName().toString().equals("LOCK")) {
          Files.copy(p, t);
        }
      }
    }
  }

  /** SHA-256 of every file under {@code dir}, by relative path. */
  public static Map<String, String> fingerprint(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(
            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    }
    return out;
  }
}
