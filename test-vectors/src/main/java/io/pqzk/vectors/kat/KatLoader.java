package io.pqzk.vectors.kat;

import io.pqzk.vectors.Hex;
import io.pqzk.vectors.VectorFormatException;
import io.pqzk.vectors.VectorIo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads NIST-style {@code .rsp} KAT text: {@code name = value} lines, an entry starting at each
 * {@code count}, blank lines and {@code #} comments ignored. Lengths ({@code mlen}, {@code smlen})
 * are checked against the decoded bytes.
 */
public final class KatLoader {
  private KatLoader() {}

  /** True when {@code head} (the first bytes of a decompressed file) starts like a KAT file. */
  public static boolean looksLikeKat(byte[] head) {
    String s = new String(head, 0, Math.min(head.length, 4096), StandardCharsets.US_ASCII);
    for (String line : s.split("\r?\n")) {
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      return l.matches("count\\s*=\\s*\\d+");
    }
    return false;
  }

  /** Loads {@code file} (plain or gzip). */
  public static KatFile load(Path file) throws IOException {
    try (InputStream in = VectorIo.open(file)) {
      return parse(in);
    } catch (VectorFormatException e) {
      throw new VectorFormatException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses KAT text from {@code in} (gzip recognised).
   *
   * @throws VectorFormatException on a line that is not {@code name = value}, bad hex, a missing
   *     field or a length that does not match
   */
  public static KatFile parse(InputStream in) throws IOException {
    BufferedReader r = new BufferedReader(
        new InputStreamReader(VectorIo.decompressIfGzip(in), StandardCharsets.US_ASCII));
    List<KatEntry> out = new ArrayList<>();
    Map<String, String> cur = null;
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      String l = line.trim();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith("[")) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq < 0) {
        throw new VectorFormatException("line " + lineNo + ": expected 'name = value'");
      }
      String k = l.substring(0, eq).trim();
      String v = l.substring(eq + 1).trim();
      if (k.equals("count")) {
        if (cur != null) {
          out.add(entry(cur));
        }
        cur = new HashMap<>();
      } else if (cur == null) {
        throw new VectorFormatException("line " + lineNo + ": '" + k + "' before the first count");
      }
      cur.put(k, v);
    }
    if (cur != null) {
      out.add(entry(cur));
    }
    if (out.isEmpty()) {
      throw new VectorFormatException("no KAT entries (no 'count = ' lines)");
    }
    return new KatFile(out);
  }

  private static KatEntry entry(Map<String, String> m) throws VectorFormatException {
    String count = m.get("count");
    try {
      KatEntry e = new KatEntry(Integer.parseInt(count), hex(m, "xi", true), hex(m, "seed", false),
          hex(m, "rng", false), hex(m, "msg", true), hex(m, "pk", true), hex(m, "sk", true),
          hex(m, "sm", true), hex(m, "ctx", false));
      checkLen(m, "mlen", e.msg().length);
      checkLen(m, "smlen", e.sm().length);
      if (e.sm().length < e.msg().length) {
        throw new VectorFormatException("sm is shorter than msg");
      }
      return e;
    } catch (NumberFormatException ex) {
      throw new VectorFormatException("count " + count + ": not a number: " + ex.getMessage());
    } catch (VectorFormatException ex) {
      throw new VectorFormatException("count " + count + ": " + ex.getMessage(), ex);
    }
  }

  private static byte[] hex(Map<String, String> m, String k, boolean required)
      throws VectorFormatException {
    String v = m.get(k);
    if (v == null) {
      if (required) {
        throw new VectorFormatException("missing field '" + k + "'");
      }
      return null;
    }
    try {
      return Hex.decode(v);
    } catch (VectorFormatException e) {
      throw new VectorFormatException("field '" + k + "': " + e.getMessage());
    }
  }

  private static void checkLen(Map<String, String> m, String k, int actual) throws VectorFormatException {
    String v = m.get(k);
    if (v != null && Integer.parseInt(v) != actual) {
      throw new VectorFormatException(k + " = " + v + " but the data has " + actual + " bytes");
    }
  }
}
