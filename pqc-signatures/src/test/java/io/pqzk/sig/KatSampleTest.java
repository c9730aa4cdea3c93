package io.pqzk.sig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample (the first entries of each file) of the independent FIPS 204 KATs
 * (post-quantum-cryptography/KAT, MIT; see test-vectors/SOURCES.md §3), checked byte for byte
 * through the public API: keys from xi, deterministic and hedged (given rnd) signatures for
 * pure, HashML-DSA and the internal interface. The complete files are run by the vectors suite.
 */
class KatSampleTest {
  private static final int ENTRIES_PER_FILE = 3;

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String set : List.of("44", "65", "87")) {
      for (String rnd : List.of("det", "hedged")) {
        for (String kind : List.of("pure", "hashed", "raw")) {
          String file = "kat_MLDSA_" + set + "_" + rnd + "_" + kind + ".rsp";
          List<Map<String, String>> entries = read(file);
          for (int i = 0; i < ENTRIES_PER_FILE; i++) {
            out.add(Arguments.of(file + " count=" + i, set, rnd, kind, entries.get(i)));
          }
        }
      }
    }
    return out.stream();
  }

  static List<Map<String, String>> read(String file) throws IOException {
    String path = "/vectors/kat/mldsa-fips204-pqc-kat/" + file + ".gz";
    List<Map<String, String>> entries = new ArrayList<>();
    try (InputStream in = KatSampleTest.class.getResourceAsStream(path);
        BufferedReader r = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII))) {
      Map<String, String> cur = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int eq = line.indexOf(" = ");
        if (eq < 0) {
          continue;
        }
        String k = line.substring(0, eq).trim();
        if (k.equals("count")) {
          cur = new LinkedHashMap<>();
          entries.add(cur);
          if (entries.size() > ENTRIES_PER_FILE) {
            break;
          }
        }
        cur.put(k, line.substring(eq + 3).trim());
      }
    }
    return entries;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kat_signatureMatchesByteForByte(
      String id, String set, String rnd, String kind, Map<String, String> e) throws Exception {
    SignatureAlgorithm alg = SignatureAlgorithm.fromName("ML-DSA-" + set);
    PqKeyPair kp = Signatures.keyPairFromSeed(alg, Hex.decode(e.get("xi")));
    assertArrayEquals(Hex.decode(e.get("pk")), kp.publicKey().raw(), "pk");
    assertArrayEquals(Hex.decode(e.get("sk")), kp.privateKey().expanded().orElseThrow(), "sk");

    SignatureOptions o = SignatureOptions.defaults().deterministic();
    if (rnd.equals("hedged")) {
      o = o.withRandomness(Hex.decode(e.get("rng")));
    }
    if (kind.equals("raw")) {
      o = o.withInput(SignatureOptions.Input.INTERNAL);
    } else {
      o = o.withContext(Hex.decode(e.get("ctx")));
    }
    if (kind.equals("hashed")) {
      o = o.withPreHash(Map.of("44", PreHash.SHA2_256, "65", PreHash.SHA2_384,
          "87", PreHash.SHA2_512).get(set));
    }
    byte[] msg = Hex.decode(e.get("msg"));
    byte[] sm = Hex.decode(e.get("sm"));
    byte[] expected = Arrays.copyOf(sm, sm.length - msg.length);
    byte[] sig = Signatures.provider("bc").signer(kp.privateKey(), o).sign(msg);
    assertEquals(Hex.encode(expected), Hex.encode(sig));
    Signatures.verifier(kp.publicKey(), o).verify(msg, sig);

    PqPrivateKey imported = Signatures.privateKeyFromExpanded(alg, Hex.decode(e.get("sk")));
    assertEquals(kp.publicKey(), imported.publicKey(), "pk derived from the expanded key");
  }
}
