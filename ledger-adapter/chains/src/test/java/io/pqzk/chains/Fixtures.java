package io.pqzk.chains;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The real blocks under {@code src/test/resources/io/pqzk/chains} (sources in SOURCES.md). */
public final class Fixtures {
  private Fixtures() {}

  /** One row of a blocks.tsv table. */
  public record Row(String file, long number, String hash, String layout, String network) {
    @Override
    public String toString() {
      return file;
    }
  }

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/io/pqzk/chains/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** The rows of {@code dir/blocks.tsv}, comments left out. */
  public static List<Row> table(String dir) {
    List<Row> rows = new ArrayList<>();
    for (String line : text(dir + "/blocks.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] c = line.split("\t");
      rows.add(new Row(dir + "/" + c[0], Long.parseLong(c[1]), c[2], c[3], c[4]));
    }
    return rows;
  }
}
