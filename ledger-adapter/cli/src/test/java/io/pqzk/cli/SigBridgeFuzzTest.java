package io.pqzk.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.pqzk.sig.PqPrivateKey;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Key files as {@code pqzk sign --key} and {@code pqzk verify --pub} read them, through {@link
 * SigBridge} (PEM or DER, clear or encrypted PKCS#8 with a passphrase, SPKI). Input: one byte
 * choosing the reader (even: private key, odd: public key), then the file. A key is read or
 * refused with a {@link CliException} of exit code 2 whose message is one line.
 */
class SigBridgeFuzzTest {
  static final Path FILE = Path.of("key.pem");

  @FuzzTest
  @Timeout(20)
  void read(byte[] input) {
    if (input.length < 1) {
      return;
    }
    byte[] contents = Arrays.copyOfRange(input, 1, input.length);
    try {
      if ((input[0] & 1) == 0) {
        PqPrivateKey k = SigBridge.readPrivateKey(FILE, contents,
            "correct horse battery staple"::toCharArray);
        k.destroy();
      } else {
        SigBridge.readPublicKey(FILE, contents);
      }
    } catch (CliException refused) {
      String m = refused.getMessage();
      if (refused.exitCode() != Main.BAD_INPUT || m == null || m.isBlank() || m.contains("\n")
          || m.contains("\r")) {
        throw new AssertionError("not a one-line bad-input refusal: exit "
            + refused.exitCode() + ": " + m, refused);
      }
    }
  }
}
