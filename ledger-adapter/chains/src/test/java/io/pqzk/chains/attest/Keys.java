package io.pqzk.chains.attest;

import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** Attester keys for tests: n ML-DSA-65 keys (and SLH-DSA-SHA2-128f keys when asked). */
final class Keys {
  final List<String> names = new ArrayList<>();
  final List<LedgerSigningKey> mlDsa = new ArrayList<>();
  final List<LedgerSigningKey> slhDsa = new ArrayList<>();

  Keys(int n, boolean withSlhDsa) throws UnsupportedAlgorithmException {
    for (int i = 0; i < n; i++) {
      names.add("attester-" + i);
      mlDsa.add(Signatures.generate("ML-DSA-65"));
      if (withSlhDsa) {
        slhDsa.add(Signatures.generate("SLH-DSA-SHA2-128f"));
      }
    }
  }

  static List<LedgerPublicKey> pub(List<LedgerSigningKey> keys) {
    return keys.stream().map(LedgerSigningKey::publicKey).toList();
  }

  Attesters attesters(String chain, String chainId, int quorum, boolean slhRequired)
      throws AttestationException {
    return Attesters.parse(Attesters.file(chain, chainId, quorum, slhRequired, names,
        pub(mlDsa), pub(slhDsa)));
  }
}
