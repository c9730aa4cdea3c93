package io.pqzk.ledger;

import java.util.Set;

/**
 * The purposes of use a custodian read, a consent directive or a break-glass role may name: codes
 * of HL7 v3 PurposeOfUse (code system 2.16.840.1.113883.1.11.20448, also used by FHIR Consent
 * and the IHE audit profiles), by their exact code. Only these are accepted where the chain asks
 * for a purpose of use, so every audit can map them without guessing.
 */
public final class PurposeOfUse {
  /** Emergency treatment: the purpose break-glass roles state. */
  public static final String ETREAT = "ETREAT";
  /** Treatment. */
  public static final String TREAT = "TREAT";

  /**
   * The codes: treatment (TREAT, ETREAT, BTG "break the glass", POPHLTH), payment and operations
   * (HPAYMT, HOPERAT, CAREMGT), research (HRESCH, CLINTRCH), public health (PUBHLTH), the
   * patient's own request or that of family or an attorney (PATRQT, FAMRQT, PWATRNY), legal
   * (HLEGAL), disaster and threat (DISASTER, THREAT), training (TRAIN), coverage (COVERAGE).
   */
  public static final Set<String> CODES = Set.of("TREAT", "ETREAT", "BTG", "POPHLTH", "HPAYMT",
      "HOPERAT", "CAREMGT", "HRESCH", "CLINTRCH", "PUBHLTH", "PATRQT", "FAMRQT", "PWATRNY",
      "HLEGAL", "DISASTER", "THREAT", "TRAIN", "COVERAGE");

  private PurposeOfUse() {}

  public static boolean isCode(String s) {
    return CODES.contains(s);
  }
}
