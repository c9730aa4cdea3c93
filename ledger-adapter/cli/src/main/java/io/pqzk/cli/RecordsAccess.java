package io.pqzk.cli;

import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.records.AccessRefusedException;
import io.pqzk.records.InvalidRecordInputException;
import io.pqzk.records.RecordsException;
import io.pqzk.records.ShreddedRecordException;
import io.pqzk.records.TamperedRecordException;
import io.pqzk.records.UnauthenticatedException;
import io.pqzk.records.custodian.ReleaseHook;
import io.pqzk.records.kem.KemPrivateKey;
import io.pqzk.records.service.CustodianNode;
import io.pqzk.records.service.KeyDirectory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the records and audit commands share: opening a data directory's custodian in this
 * process (the demo shortcut: the command holds the validator and custodian keys of the demo's
 * directory), reading a party's keys from a key prefix ({@code --as keys/clinic-alpha} means
 * {@code keys/clinic-alpha.ML-DSA-65.key} and {@code keys/clinic-alpha.X-Wing.key}), and turning
 * the records module's exceptions into the command line's exit codes: 1 refused (or failing
 * authentication), 2 bad input.
 */
final class RecordsAccess {
  private RecordsAccess() {}

  /** Opens the custodian of {@code data} in process. */
  static CustodianNode open(Path data, String custodian, char[] passphrase) {
    if (!Files.isDirectory(data)) {
      throw CliException.badInput("data directory " + data + " does not exist");
    }
    try {
      return CustodianNode.open(data, custodian, passphrase, ReleaseHook.NONE);
    } catch (RecordsException e) {
      throw failure(e);
    } catch (LedgerException e) {
      throw ChainCommand.failure(e);
    } catch (IOException e) {
      throw CliException.badInput(ChainCommand.oneLine(e.getMessage()));
    }
  }

  /** The one ML-DSA key file {@code PREFIX.ML-DSA-*.key}: its algorithm. */
  static String signingAlgorithm(Path prefix) {
    Path dir = prefix.toAbsolutePath().getParent();
    String name = prefix.getFileName().toString();
    List<String> found = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, name + ".ML-DSA-*.key")) {
        for (Path p : s) {
          String f = p.getFileName().toString();
          found.add(f.substring(name.length() + 1, f.length() - ".key".length()));
        }
      } catch (IOException e) {
        throw CliException.badInput("--as " + prefix + ": " + e.getMessage());
      }
    }
    if (found.size() != 1) {
      throw CliException.badInput("--as " + prefix + ": expected one key file " + prefix
          + ".ML-DSA-<set>.key, found " + (found.isEmpty() ? "none" : found));
    }
    return found.get(0);
  }

  static LedgerSigningKey signingKey(Path prefix, char[] passphrase) {
    Path dir = prefix.toAbsolutePath().getParent();
    try {
      return KeyDirectory.signing(dir, prefix.getFileName().toString(),
          signingAlgorithm(prefix), passphrase);
    } catch (InvalidRecordInputException e) {
      throw CliException.badInput("--as " + prefix + ": " + ChainCommand.oneLine(e.getMessage()));
    }
  }

  static KemPrivateKey kemKey(Path prefix, char[] passphrase) {
    try {
      return KeyDirectory.kem(prefix.toAbsolutePath().getParent(),
          prefix.getFileName().toString(), passphrase);
    } catch (InvalidRecordInputException e) {
      throw CliException.badInput("--as " + prefix + ": " + ChainCommand.oneLine(e.getMessage()));
    }
  }

  /** The records module's exceptions as exit codes: policy and authentication 1, input 2. */
  static CliException failure(RecordsException e) {
    String msg = ChainCommand.oneLine(e.getMessage());
    if (e instanceof AccessRefusedException || e instanceof UnauthenticatedException
        || e instanceof ShreddedRecordException) {
      return CliException.rejected("refused: " + msg);
    }
    if (e instanceof TamperedRecordException) {
      return CliException.rejected("tampered: " + msg);
    }
    return CliException.badInput(msg);
  }
}
