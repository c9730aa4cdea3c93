package io.pqzk.cli;

import io.pqzk.chains.ChainAdapter;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.CommitmentMismatchException;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.attest.AttestationException;
import java.nio.file.Path;

/**
 * Reading foreign blocks for {@code pqzk adapter} and {@code pqzk attest}, with the exit codes of
 * {@code docs/CLI.md}: a block whose own commitments do not hold is a failed verification (1),
 * anything unreadable is bad input (2).
 */
final class ChainFiles {
  private ChainFiles() {}

  static ChainAdapter adapter(String chain) {
    try {
      return ChainAdapters.forName(chain);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput("--chain: " + e.getMessage());
    }
  }

  /** The block in {@code file}, parsed and checked by the {@code chain} adapter. */
  static ForeignBlock block(String chain, Path file) {
    ChainAdapter a = adapter(chain);
    byte[] bytes = CliFiles.read("--in", file);
    try {
      return a.parse(bytes);
    } catch (CommitmentMismatchException e) {
      throw CliException.rejected(file + ": " + e.getMessage());
    } catch (ChainException e) {
      throw CliException.badInput(file + ": " + e.getMessage());
    }
  }

  /** An attestation or attesters problem: always bad input. */
  static CliException bad(AttestationException e) {
    return CliException.badInput(e.getMessage());
  }
}
