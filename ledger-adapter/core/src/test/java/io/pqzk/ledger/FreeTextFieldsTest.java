package io.pqzk.ledger;

import static io.pqzk.ledger.RuleChain.HOUR;
import static io.pqzk.ledger.RuleChain.T0;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.proto.Claim;
import io.pqzk.ledger.proto.ProofAttachment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema, purpose, policy and claim kind are capped printable ASCII: the audit's injected ANSI
 * sequence (which forged a line of {@code chain show}) and an oversized string are refused by
 * field name, and the refusal shows the string escaped, never as itself.
 */
class FreeTextFieldsTest {
  static final String ANSI = "treatment\u001b[2K\r\u001b[32mblock 9 verified\u001b[0m";
  RuleChain chain;
  byte[] record;

  @BeforeEach
  void chain() throws Exception {
    chain = new RuleChain();
    record = chain.commitment();
    chain.block(T0 + 1000, chain.register(chain.owner, record));
  }

  private void assertRefused(byte[] tx, String field, int max) {
    String e = chain.refused(T0 + 2000, tx);
    assertTrue(e.contains(field + " must be 1 to " + max + " printable ASCII characters"), e);
    assertFalse(e.chars().anyMatch(c -> c < 0x20 || c >= 0x7f), "raw control characters: " + e);
  }

  @Test
  void schema_injectedOrOversized_refused() {
    String e = chain.refused(T0 + 2000, chain.txs.registerRecord(chain.owner, chain.commitment(),
        "service-member/v1\u001b[2K"));
    assertTrue(e.contains("record schema must be 1 to 64") && e.contains("\\u001b[2K"), e);
    assertRefused(chain.txs.registerRecord(chain.owner, chain.commitment(), "s".repeat(65)),
        "record schema", 64);
    assertRefused(chain.txs.registerRecord(chain.owner, chain.commitment(), "gesundheit-\u00e9"),
        "record schema", 64);
  }

  @Test
  void grantPurpose_injectedOrOversized_refused() {
    assertRefused(chain.grant(chain.owner, chain.id(), ANSI, T0 + HOUR, record),
        "grant purpose", 64);
    assertRefused(chain.grant(chain.owner, chain.id(), "p".repeat(65), T0 + HOUR, record),
        "grant purpose", 64);
  }

  @Test
  void eventPurpose_injected_refused() throws Exception {
    byte[] gid = chain.id();
    chain.block(T0 + 1500, chain.grant(chain.owner, gid, "treatment", T0 + HOUR, record));
    assertRefused(chain.read(chain.clinic, gid, record, ANSI, T0 + 1600),
        "access event purpose", 64);
  }

  @Test
  void claimPolicyAndKind_injectedOrOversized_refused() {
    Claim.Builder c = Claim.newBuilder().setRootHeight(0).setPolicy("fitness>=70\n")
        .setContext(ByteString.copyFrom(new byte[32]))
        .setProof(ProofAttachment.newBuilder().setSystem("stark").setClaim("eligibility")
            .setProof(ByteString.copyFrom(new byte[] {1})));
    assertRefused(chain.txs.claim(chain.clinic, c.build()), "claim policy", 256);
    assertRefused(chain.txs.claim(chain.clinic, c.setPolicy("fitness>=70 && ".repeat(20) + "x")
        .build()), "claim policy", 256);
    c.setPolicy("fitness>=70");
    c.getProofBuilder().setClaim(ANSI);
    assertRefused(chain.txs.claim(chain.clinic, c.build()), "claim kind", 64);
    c.getProofBuilder().setClaim("eligibility").setSystem("st\u001b[1mark");
    String e = chain.refused(T0 + 2000, chain.txs.claim(chain.clinic, c.build()));
    assertTrue(e.contains("proof system 'st\\u001b[1mark' is not among"), e);
  }
}
