package io.pqzk.bench;

import java.nio.file.Path;

/**
 * The repository the benchmarks run from: the system property {@code pqzk.home} (set by {@code
 * pqzk bench}, and inherited by JMH's forks), else the working directory.
 */
public final class Home {
  private Home() {}

  /** {@code relative} under the repository. */
  public static Path resolve(String relative) {
    return Path.of(System.getProperty("pqzk.home", ".")).resolve(relative);
  }
}
