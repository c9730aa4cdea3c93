package io.pqzk.fhir.bundle;

import io.pqzk.ledger.LedgerException;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.records.RecordsException;
import io.pqzk.records.custodian.Custodian;
import io.pqzk.records.custodian.RecordDocument;
import io.pqzk.records.kem.KemPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Bundles into a custodian's vault: each {@link BundleRecord} is one record, its exact bytes the
 * document the vault encrypts, its extracted attributes (absent ones as {@link
 * io.pqzk.zk.claims.Attribute#ABSENT}) what the commitment binds. Only commitments reach the
 * chain, as for any record.
 */
public final class FhirImport {
  private FhirImport() {}

  /**
   * Imports {@code records} for {@code owner}, resident in {@code residency}, whose consent is
   * the patient's of {@code patientKeyId} (null: none named); returns once final.
   */
  public static List<Custodian.Imported> importAll(Custodian custodian, List<BundleRecord> records,
      String residency, byte[] patientKeyId, LedgerSigningKey owner, KemPublicKey ownerKem)
      throws RecordsException, LedgerException {
    List<Custodian.ImportRequest> rs = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      BundleRecord r = records.get(i);
      byte[] bytes = r.bytes();
      try {
        rs.add(new Custodian.ImportRequest(RecordDocument.extracted(bytes, r.attributes(),
            "bundle " + (i + 1)), residency, patientKeyId, List.of()));
      } finally {
        java.util.Arrays.fill(bytes, (byte) 0);
      }
    }
    try {
      return custodian.importAll(rs, owner, ownerKem);
    } finally {
      for (Custodian.ImportRequest r : rs) {
        r.document().wipe();
      }
    }
  }
}
