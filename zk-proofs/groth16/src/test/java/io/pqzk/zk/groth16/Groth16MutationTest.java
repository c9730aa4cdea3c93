package io.pqzk.zk.groth16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.ProofRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random mutations (bit flips, byte replacements, insertions, deletions, truncations, a hex digit
 * changed, a slice copied elsewhere) of the honest proof.json and verification.key.json of every
 * fixture, in the zokrates-js layout and compact: each is refused with a {@link
 * MalformedProofException} or a {@link ProofRejectedException}, never another exception, or it is
 * the honest document. 6 fixtures x 4 files x 256 cases (6,144), fixed seed.
 */
class Groth16MutationTest {
  private static final long SEED = 0x5eed_6016L;
  private static final int CASES_PER_FILE = 256;
  /** Bytes that matter to a JSON reader, tried more often than uniform bytes would be. */
  private static final byte[] SPICY = "{}[]\":,/\\ \t\r\n0123456789abcdefABCDEFx-+.eEtfn\u0000\u007f"
      .getBytes(StandardCharsets.ISO_8859_1);

  static List<String> fixtures() {
    return Fixtures.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void verify_randomMutation_typedRefusalOrHonestDocument(String fx) throws ProofException {
    String vkText = Fixtures.read(fx, "verification.key.json");
    String proofText = Fixtures.read(fx, "proof.json");
    Groth16VerifyingKey vk = Groth16VerifyingKey.fromJson(vkText);
    Groth16Proof proof = Groth16Proof.fromJson(proofText);
    Random rnd = new Random(SEED ^ fx.hashCode());
    List<String> failures = new ArrayList<>();
    int[] outcomes = new int[3]; // accepted, malformed, rejected
    for (String[] file : new String[][] {
        {"verification.key.json", vkText},
        {"proof.json", proofText},
        {"verification.key.json (compact)", JsonParser.parseString(vkText).toString()},
        {"proof.json (compact)", JsonParser.parseString(proofText).toString()}}) {
      byte[] honest = file[1].getBytes(StandardCharsets.US_ASCII);
      boolean key = file[0].startsWith("verification");
      for (int i = 0; i < CASES_PER_FILE; i++) {
        StringBuilder how = new StringBuilder(file[0]).append(" case ").append(i).append(": ");
        byte[] m = mutate(honest, rnd, how);
        try {
          if (key) {
            Groth16Verifier.verify(Groth16VerifyingKey.fromJson(m), proof);
          } else {
            Groth16Verifier.verify(vk, Groth16Proof.fromJson(m));
          }
          outcomes[0]++;
          if (!sameDocument(m, honest)) {
            failures.add(how + " accepted");
          }
        } catch (MalformedProofException e) {
          outcomes[1]++;
        } catch (ProofRejectedException e) {
          outcomes[2]++;
        } catch (Throwable t) { // any other type is a bug: collect them all, then fail
          failures.add(how + " threw " + t);
        }
      }
    }
    assertEquals(List.of(), failures);
    // not vacuous: some mutations get past the reader and fail only at the pairing check
    assertTrue(outcomes[1] > 0 && outcomes[2] > 0, Arrays.toString(outcomes));
  }

  /**
   * The honest bytes, or the honest bytes without their final line feed: the same document in the
   * ZoKrates CLI's layout, which a truncation of one byte reaches.
   */
  private static boolean sameDocument(byte[] m, byte[] honest) {
    return Arrays.equals(m, honest)
        || (honest[honest.length - 1] == '\n' && Arrays.equals(m, Arrays.copyOf(honest, honest.length - 1)));
  }

  private static byte[] mutate(byte[] b, Random rnd, StringBuilder how) {
    int at = rnd.nextInt(b.length);
    switch (rnd.nextInt(7)) {
      case 0 -> {
        int bit = rnd.nextInt(8);
        how.append("flip bit ").append(bit).append(" of byte ").append(at);
        byte[] m = b.clone();
        m[at] ^= (byte) (1 << bit);
        return m;
      }
      case 1 -> {
        byte v = someByte(rnd);
        how.append("byte ").append(at).append(" := ").append(v & 0xff);
        byte[] m = b.clone();
        m[at] = v;
        return m;
      }
      case 2 -> {
        byte[] ins = rnd.nextInt(8) == 0 ? new byte[] {(byte) 0xd9, (byte) 0xa0} // U+0660
            : new byte[] {someByte(rnd)};
        how.append("insert ").append(Arrays.toString(ins)).append(" at ").append(at);
        return splice(b, at, at, ins);
      }
      case 3 -> {
        how.append("delete byte ").append(at);
        return splice(b, at, at + 1, new byte[0]);
      }
      case 4 -> {
        how.append("truncate to ").append(at);
        return Arrays.copyOf(b, at);
      }
      case 5 -> { // a hex digit changed to another: grammar and layout stay valid
        int d = at;
        while (!isHexDigit(b, d)) {
          d = (d + 1) % b.length;
        }
        byte v = (byte) "0123456789abcdef".charAt(rnd.nextInt(16));
        if (v == b[d]) {
          v = (byte) (v == 'f' ? '0' : v + (v == '9' ? 40 : 1)); // '9' -> 'a'
        }
        how.append("hex digit at ").append(d).append(" := ").append((char) v);
        byte[] m = b.clone();
        m[d] = v;
        return m;
      }
      default -> {
        int from = rnd.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + rnd.nextInt(200));
        how.append("copy bytes ").append(from).append("..").append(to).append(" to ").append(at);
        return splice(b, at, at, Arrays.copyOfRange(b, from, to));
      }
    }
  }

  /** A digit of a "0x" number: after "0x", before the closing quote. */
  private static boolean isHexDigit(byte[] b, int i) {
    if (!((b[i] >= '0' && b[i] <= '9') || (b[i] >= 'a' && b[i] <= 'f'))) {
      return false;
    }
    int j = i;
    while (j > 0 && b[j - 1] != '"') {
      j--;
    }
    return j + 1 < i && b[j] == '0' && b[j + 1] == 'x';
  }

  private static byte someByte(Random rnd) {
    return rnd.nextBoolean() ? SPICY[rnd.nextInt(SPICY.length)] : (byte) rnd.nextInt(256);
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] ins) {
    byte[] m = new byte[b.length - (to - from) + ins.length];
    System.arraycopy(b, 0, m, 0, from);
    System.arraycopy(ins, 0, m, from, ins.length);
    System.arraycopy(b, to, m, from + ins.length, b.length - to);
    return m;
  }
}
