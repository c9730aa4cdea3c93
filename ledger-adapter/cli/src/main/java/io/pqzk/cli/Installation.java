package io.pqzk.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Where pqzk is installed: the system property {@code pqzk.home} (the {@code ./pqzk} launcher
 * sets it to its own folder), else derived from this jar's place in the build
 * ({@code HOME/ledger-adapter/cli/target/pqzk.jar}). Never the working directory, so every
 * command works from any folder.
 */
final class Installation {
  private Installation() {}

  static Path home() {
    String prop = System.getProperty("pqzk.home");
    if (prop != null && !prop.isEmpty()) {
      return Path.of(prop).toAbsolutePath();
    }
    try {
      Path self = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath();
      // .../ledger-adapter/cli/target/pqzk.jar (or target/classes): four levels up
      Path p = self;
      for (int i = 0; i < 4 && p != null; i++) {
        p = p.getParent();
      }
      if (p == null) {
        throw CliException.badInput("cannot tell where pqzk is installed from " + self
            + "; run it through the ./pqzk launcher or set -Dpqzk.home");
      }
      return p;
    } catch (URISyntaxException e) {
      throw CliException.badInput("cannot tell where pqzk is installed: " + e.getMessage());
    }
  }
}
