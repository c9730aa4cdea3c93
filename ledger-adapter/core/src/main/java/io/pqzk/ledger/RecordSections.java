package io.pqzk.ledger;

import io.pqzk.ledger.proto.Custodian;
import io.pqzk.ledger.proto.Jurisdiction;
import io.pqzk.ledger.proto.RoleDefinition;
import io.pqzk.ledger.proto.RoleKind;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of the genesis sections for records kept by custodians: jurisdictions (codes of
 * [A-Z0-9-], unique, releasing only to declared ones), roles (names of [a-z0-9-], unique, a kind
 * each; break-glass roles name the purposes of use they allow) and custodians (each in a declared
 * jurisdiction). Every refusal names the section and the entry.
 */
final class RecordSections {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,15}");
  private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** Registers a custodian once its own section is checked. */
  interface CustodianSink {
    void add(Custodian c) throws MalformedInputException;
  }

  private RecordSections() {}

  static void check(io.pqzk.ledger.proto.Genesis g, CustodianSink custodians,
      Map<String, Jurisdiction> jurisdictions, Map<String, RoleDefinition> roles)
      throws MalformedInputException {
    for (Jurisdiction j : g.getJurisdictionsList()) {
      if (!CODE.matcher(j.getCode()).matches()) {
        throw new MalformedInputException("jurisdictions: code '" + Printable.escape(j.getCode())
            + "' must be 2 to 16 characters of [A-Z0-9-]");
      }
      if (!Printable.isPrintable(j.getName(), 64)) {
        throw new MalformedInputException("jurisdictions: '" + j.getCode() + "' needs a name of 1"
            + " to 64 printable ASCII characters");
      }
      if (jurisdictions.put(j.getCode(), j) != null) {
        throw new MalformedInputException("jurisdictions: '" + j.getCode() + "' appears twice");
      }
    }
    for (Jurisdiction j : g.getJurisdictionsList()) {
      for (String to : j.getReleaseToList()) {
        if (!jurisdictions.containsKey(to) || to.equals(j.getCode())) {
          throw new MalformedInputException("jurisdictions: '" + j.getCode() + "' releases to '"
              + Printable.escape(to) + "', which is " + (to.equals(j.getCode()) ? "itself"
              : "not a declared jurisdiction"));
        }
      }
    }
    for (RoleDefinition r : g.getRolesList()) {
      if (!ROLE.matcher(r.getName()).matches()) {
        throw new MalformedInputException("roles: name '" + Printable.escape(r.getName())
            + "' must be 1 to 64 characters of [a-z0-9-]");
      }
      if (r.getKind() == RoleKind.ROLE_KIND_UNSPECIFIED || r.getKind() == RoleKind.UNRECOGNIZED) {
        throw new MalformedInputException("roles: '" + r.getName() + "' needs a kind (CARE,"
            + " BREAK_GLASS or PATIENT_PROXY)");
      }
      if ((r.getKind() == RoleKind.BREAK_GLASS) == (r.getPurposesCount() == 0)) {
        throw new MalformedInputException("roles: '" + r.getName() + "': "
            + (r.getKind() == RoleKind.BREAK_GLASS
                ? "a break-glass role names the purposes of use it allows (e.g. ETREAT)"
                : "only break-glass roles name purposes"));
      }
      for (String p : r.getPurposesList()) {
        if (!PurposeOfUse.isCode(p)) {
          throw new MalformedInputException("roles: '" + r.getName() + "': '"
              + Printable.escape(p) + "' is not an HL7 PurposeOfUse code");
        }
      }
      if (roles.put(r.getName(), r) != null) {
        throw new MalformedInputException("roles: '" + r.getName() + "' appears twice");
      }
    }
    for (Custodian c : g.getCustodiansList()) {
      if (!Printable.isPrintable(c.getName(), 64)) {
        throw new MalformedInputException("custodians: a name must be 1 to 64 printable ASCII"
            + " characters, got '" + Printable.escape(c.getName()) + "'");
      }
      if (!jurisdictions.containsKey(c.getJurisdiction())) {
        throw new MalformedInputException("custodian '" + c.getName() + "': jurisdiction '"
            + Printable.escape(c.getJurisdiction()) + "' is not declared in jurisdictions");
      }
      custodians.add(c);
    }
  }
}
