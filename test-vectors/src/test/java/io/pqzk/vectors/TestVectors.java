package io.pqzk.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the packaged vector files on the classpath (folder {@code vectors/} of this module's
 * test-jar, or {@code target/test-classes/vectors} inside the reactor) as {@link Path}s, so
 * loaders and runners read them exactly as they read files given on a command line. Paths
 * inside a jar live in a zip file system that stays open for the JVM's lifetime.
 */
public final class TestVectors {
  private static volatile Path root;

  private TestVectors() {}

  /** The {@code vectors/} folder. */
  public static Path root() {
    Path r = root;
    if (r == null) {
      synchronized (TestVectors.class) {
        if (root == null) {
          root = locate();
        }
        r = root;
      }
    }
    return r;
  }

  /** A packaged file, e.g. {@code acvp/ML-DSA-keyGen-FIPS204/prompt.json.gz}. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no packaged vector file " + relative);
    }
    return p;
  }

  /** Opens a packaged file, decompressed. */
  public static InputStream open(String relative) throws IOException {
    return VectorIo.open(path(relative));
  }

  /** Every regular file under {@code vectors/<folder>}, sorted by path. */
  public static List<Path> list(String folder) {
    try (Stream<Path> s = Files.walk(root().resolve(folder))) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code path} relative to the vectors folder, with forward slashes (for display names). */
  public static String name(Path path) {
    return root().relativize(path).toString().replace('\\', '/');
  }

  private static Path locate() {
    URL url = TestVectors.class.getResource("/vectors/SOURCES.md");
    if (url == null) {
      throw new IllegalStateException("vectors/SOURCES.md is not on the classpath: "
          + "depend on io.pqzk:test-vectors with <type>test-jar</type>");
    }
    try {
      URI uri = url.toURI();
      if (uri.getScheme().equals("jar")) {
        FileSystem fs;
        try {
          fs = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          fs = FileSystems.getFileSystem(uri);
        }
        return fs.getPath("/vectors");
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot open the packaged vectors at " + url, e);
    }
  }
}
