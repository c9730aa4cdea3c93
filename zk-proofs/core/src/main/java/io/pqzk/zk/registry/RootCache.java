package io.pqzk.zk.registry;

import io.pqzk.common.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A memo of registry files already checked: "the {@code registry.json} whose exact bytes have
 * this SHA-256 recomputed to this root", so loading it again skips recomputing the tree (seconds
 * for 100,000 records). Any change to the file changes its digest, so a tampered registry is
 * never found here and is recomputed (and refused) as without a cache.
 *
 * <p>Entries sit in a directory of the user's own (default {@code ~/.cache/pqzk/registry-roots},
 * or {@link #user()}'s settings), one file per digest, each authenticated with HMAC-SHA256 under
 * a 256-bit key kept in that directory (mode 0600), so an entry edited, forged without the key
 * or copied from another user's cache is ignored (and the registry recomputed). The cache is as
 * trusted as that directory; {@link #disabled()} never finds anything.
 */
public final class RootCache {
  private static final String FORMAT = "pqzk-root-cache/1";
  private static final String KEY = "key";
  private final Path dir;

  private RootCache(Path dir) {
    this.dir = dir;
  }

  /** A cache in {@code dir} (created on first write). */
  public static RootCache in(Path dir) {
    return new RootCache(dir);
  }

  /**
   * The user's cache: the system property {@code pqzk.registry.cache}, else the environment
   * variable {@code PQZK_REGISTRY_CACHE} (the value {@code off} disables it), else
   * {@code ~/.cache/pqzk/registry-roots}.
   */
  public static RootCache user() {
    String p = System.getProperty("pqzk.registry.cache", System.getenv("PQZK_REGISTRY_CACHE"));
    if ("off".equals(p)) {
      return disabled();
    }
    return new RootCache(p != null && !p.isBlank() ? Path.of(p)
        : Path.of(System.getProperty("user.home"), ".cache", "pqzk", "registry-roots"));
  }

  /** A cache that never finds or keeps anything. */
  public static RootCache disabled() {
    return new RootCache(null);
  }

  /** Whether a file of this digest, system, schema and size was checked to have this root. */
  boolean contains(byte[] fileDigest, String system, String schema, int size, byte[] root) {
    if (dir == null) {
      return false;
    }
    Path entry = dir.resolve(HexFormat.of().formatHex(fileDigest));
    try {
      if (!Files.isRegularFile(entry) || !Files.isRegularFile(dir.resolve(KEY))) {
        return false;
      }
      List<String> lines = Files.readAllLines(entry, StandardCharsets.UTF_8);
      String body = body(fileDigest, system, schema, size, root);
      return lines.size() == 2 && lines.get(0).equals(body)
          && MessageDigest.isEqual(HexFormat.of().parseHex(lines.get(1)), mac(key(false), body));
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      return false; // an unreadable or malformed entry is no entry
    }
  }

  /** Records a checked file; failures to write are ignored (the cache is an optimisation). */
  void put(byte[] fileDigest, String system, String schema, int size, byte[] root) {
    if (dir == null) {
      return;
    }
    try {
      String body = body(fileDigest, system, schema, size, root);
      String text = body + "\n" + HexFormat.of().formatHex(mac(key(true), body)) + "\n";
      DurableFiles.write(dir.resolve(HexFormat.of().formatHex(fileDigest)),
          text.getBytes(StandardCharsets.UTF_8), DurableFiles.Access.SECRET,
          DurableFiles.Existing.REPLACE);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // a read-only home or a full disk only costs the next load its recomputation
    }
  }

  private static String body(byte[] fileDigest, String system, String schema, int size,
      byte[] root) {
    return FORMAT + " " + HexFormat.of().formatHex(fileDigest) + " " + system + " " + schema
        + " " + size + " " + HexFormat.of().formatHex(root);
  }

  private byte[] key(boolean create) throws IOException {
    Path k = dir.resolve(KEY);
    if (!Files.isRegularFile(k) && create) {
      Files.createDirectories(dir);
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        DurableFiles.write(k, fresh, DurableFiles.Access.SECRET, DurableFiles.Existing.REFUSE);
      } catch (java.nio.file.FileAlreadyExistsException raced) {
        // another process made it first: use theirs
      }
    }
    byte[] key = Files.readAllBytes(k);
    if (key.length != 32) {
      throw new IOException(k + " is not a 32-byte key");
    }
    return key;
  }

  private static byte[] mac(byte[] key, String body) throws GeneralSecurityException {
    Mac m = Mac.getInstance("HmacSHA256");
    m.init(new SecretKeySpec(key, "HmacSHA256"));
    return m.doFinal(body.getBytes(StandardCharsets.UTF_8));
  }
}
