package io.pqzk.fhir.audit;

import io.pqzk.fhir.Fhir;
import io.pqzk.ledger.LedgerException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Checks AuditEvents against the chain: each must name (in its ledger-transaction entity) a
 * chain, a height and a transaction id; the block at that height must be final and hold that
 * transaction; and the AuditEvent must say what {@link AuditEvents} says of that transaction
 * (type, subtypes, action, time, outcome, purpose, agents, entities), field by field. A changed
 * height, id, time, reader or outcome is reported, naming the AuditEvent and the field.
 */
public final class AuditCheck {
  /** One AuditEvent that the chain does not confirm, and why. */
  public record Mismatch(String auditEventId, String problem) {
    @Override
    public String toString() {
      return "AuditEvent " + auditEventId + ": " + problem;
    }
  }

  private static final Map<String, Function<AuditEvent, Object>> FIELDS = fields();
  private final ChainEvents chain;
  private final AuditEvents mapping;
  private final String chainId;

  public AuditCheck(ChainEvents chain, AuditEvents mapping, String chainId) {
    this.chain = chain;
    this.mapping = mapping;
    this.chainId = chainId;
  }

  /** Every AuditEvent of {@code bundle} checked; the mismatches, none when all hold. */
  public List<Mismatch> check(Bundle bundle) throws IOException, LedgerException {
    List<Mismatch> out = new ArrayList<>();
    int count = 0;
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource();
      if (r instanceof AuditEvent a) {
        count++;
        check(a).ifPresent(out::add);
      }
    }
    if (count == 0) {
      out.add(new Mismatch("-", "the bundle holds no AuditEvent"));
    }
    return out;
  }

  /** The mismatch of one AuditEvent, or empty when the chain confirms it. */
  public Optional<Mismatch> check(AuditEvent a) throws IOException, LedgerException {
    String id = a.getIdElement().getIdPart() == null ? "(no id)" : a.getIdElement().getIdPart();
    AuditEvent.AuditEventEntityComponent tx = null;
    for (AuditEvent.AuditEventEntityComponent en : a.getEntity()) {
      if (AuditCodes.TRANSACTION_SYSTEM.equals(en.getWhat().getIdentifier().getSystem())) {
        tx = en;
      }
    }
    if (tx == null) {
      return Optional.of(new Mismatch(id, "no ledger-transaction entity"));
    }
    String chain = detail(tx, AuditCodes.DETAIL_CHAIN);
    String height = detail(tx, AuditCodes.DETAIL_HEIGHT);
    String txHex = detail(tx, AuditCodes.DETAIL_TRANSACTION);
    if (!chainId.equals(chain)) {
      return Optional.of(new Mismatch(id, "names chain " + chain + ", not " + chainId));
    }
    if (height == null || !height.matches("[0-9]{1,18}")) {
      return Optional.of(new Mismatch(id, "entity.detail " + AuditCodes.DETAIL_HEIGHT
          + " is not a height"));
    }
    if (txHex == null || !txHex.matches("[0-9a-f]{64}")) {
      return Optional.of(new Mismatch(id, "entity.detail " + AuditCodes.DETAIL_TRANSACTION
          + " is not a transaction id"));
    }
    if (!txHex.equals(id) || !txHex.equals(tx.getWhat().getIdentifier().getValue())) {
      return Optional.of(new Mismatch(id, "its id, its entity's identifier and its "
          + AuditCodes.DETAIL_TRANSACTION + " detail differ"));
    }
    Optional<ChainEvent> onChain = this.chain.find(Long.parseLong(height),
        HexFormat.of().parseHex(txHex));
    if (onChain.isEmpty()) {
      return Optional.of(new Mismatch(id, "no transaction " + txHex.substring(0, 16)
          + " in a final block at height " + height));
    }
    String patient = null;
    for (AuditEvent.AuditEventEntityComponent en : a.getEntity()) {
      if (en.getWhat().hasReference() && en.getWhat().getReference().startsWith("Patient/")) {
        patient = en.getWhat().getReference();
      }
    }
    Optional<AuditEvent> expected = mapping.of(onChain.get(), patient);
    if (expected.isEmpty()) {
      return Optional.of(new Mismatch(id, "the transaction at height " + height
          + " is no audit event"));
    }
    for (Map.Entry<String, Function<AuditEvent, Object>> f : FIELDS.entrySet()) {
      if (!f.getValue().apply(expected.get()).equals(f.getValue().apply(a))) {
        return Optional.of(new Mismatch(id, "AuditEvent." + f.getKey() + " differs from the"
            + " chain's event at height " + height));
      }
    }
    return Optional.empty();
  }

  private static String detail(AuditEvent.AuditEventEntityComponent e, String type) {
    for (AuditEvent.AuditEventEntityDetailComponent d : e.getDetail()) {
      if (type.equals(d.getType())) {
        return d.getValue().primitiveValue();
      }
    }
    return null;
  }

  /** The compared fields, each as canonical JSON of the element(s). */
  private static Map<String, Function<AuditEvent, Object>> fields() {
    Map<String, Function<AuditEvent, Object>> m = new LinkedHashMap<>();
    m.put("type", a -> json(a.getType()));
    m.put("subtype", a -> a.getSubtype().stream().map(AuditCheck::json).toList());
    m.put("action", a -> String.valueOf(a.getAction()));
    m.put("recorded", a -> a.getRecorded() == null ? "" : a.getRecorded().getTime());
    m.put("outcome", a -> String.valueOf(a.getOutcome()));
    m.put("outcomeDesc", a -> String.valueOf(a.getOutcomeDesc()));
    m.put("purposeOfEvent", a -> a.getPurposeOfEvent().stream().map(AuditCheck::json).toList());
    m.put("agent", a -> a.getAgent().stream().map(AuditCheck::json).toList());
    m.put("source", a -> json(a.getSource()));
    m.put("entity", a -> a.getEntity().stream().map(AuditCheck::json).toList());
    return m;
  }

  private static String json(Base element) {
    // a throwaway holder resource: the parser encodes whole resources, not elements
    AuditEvent holder = new AuditEvent();
    if (element instanceof org.hl7.fhir.r4.model.Coding c) {
      holder.setType(c);
    } else if (element instanceof org.hl7.fhir.r4.model.CodeableConcept cc) {
      holder.addPurposeOfEvent(cc);
    } else if (element instanceof AuditEvent.AuditEventAgentComponent ag) {
      holder.addAgent(ag.copy());
    } else if (element instanceof AuditEvent.AuditEventSourceComponent s) {
      holder.setSource(s.copy());
    } else if (element instanceof AuditEvent.AuditEventEntityComponent en) {
      holder.addEntity(en.copy());
    } else {
      throw new IllegalArgumentException("not compared: " + element.fhirType());
    }
    return Fhir.json().encodeResourceToString(holder);
  }
}
