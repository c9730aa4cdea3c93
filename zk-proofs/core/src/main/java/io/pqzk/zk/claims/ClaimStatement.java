package io.pqzk.zk.claims;

import java.util.Objects;
import java.util.Optional;

/**
 * What a verifier knows: the registry root, the record schema of that registry, the policy, the
 * binding context and, for an integrity claim, the document digest. The prover claims to know a
 * record of {@code schema} whose commitment is a leaf under {@code root} and that satisfies
 * {@code policy} (and, when {@code document} is present, whose committed document digest is that
 * one); the proof is bound to {@code context}.
 *
 * <p>Disclosure claims are policies of {@code ==} predicates on the disclosed attributes. An
 * integrity claim ({@link #integrity}) needs schema {@link RecordSchema#V2}; its policy may be
 * empty ("the record committed under R has this document", nothing else revealed); to name the
 * subject publicly, add {@code subject_id==S} to it. Every other claim has 1 to 8 predicates.
 */
public record ClaimStatement(byte[] root, Policy policy, ClaimContext context,
    RecordSchema schema, Optional<DocumentDigest> document) {
  public ClaimStatement {
    root = Objects.requireNonNull(root, "root").clone();
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(document, "document");
    if (document.isPresent() && !schema.hasDocument()) {
      throw new IllegalArgumentException("an integrity claim needs a registry of a schema with"
          + " document digests (" + RecordSchema.V2 + "), not " + schema);
    }
    if (document.isEmpty() && policy.predicates().isEmpty()) {
      throw new IllegalArgumentException(
          "a claim without a document digest needs at least one predicate");
    }
  }

  /** A claim about a schema-{@link RecordSchema#V1} registry (the original contract). */
  public ClaimStatement(byte[] root, Policy policy, ClaimContext context) {
    this(root, policy, context, RecordSchema.V1, Optional.empty());
  }

  /** A claim (no document digest) about a registry of the given schema. */
  public ClaimStatement(byte[] root, Policy policy, ClaimContext context, RecordSchema schema) {
    this(root, policy, context, schema, Optional.empty());
  }

  /**
   * An integrity claim about a schema-{@link RecordSchema#V2} registry: the record committed
   * under {@code root} has {@code document} as its document digest and satisfies {@code policy}
   * ({@link Policy#none()} for no predicate).
   */
  public static ClaimStatement integrity(byte[] root, Policy policy, ClaimContext context,
      DocumentDigest document) {
    return new ClaimStatement(root, policy, context, RecordSchema.V2,
        Optional.of(Objects.requireNonNull(document, "document")));
  }

  /** Whether the statement makes a document digest public (an integrity claim). */
  public boolean isIntegrity() {
    return document.isPresent();
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimStatement s
        && java.util.Arrays.equals(root, s.root)
        && policy.equals(s.policy)
        && context.equals(s.context)
        && schema == s.schema
        && document.equals(s.document);
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(root), policy, context, schema, document);
  }

  @Override
  public String toString() {
    return "ClaimStatement[root=" + java.util.HexFormat.of().formatHex(root)
        + ", schema=" + schema + ", policy=" + policy + ", context=" + context
        + document.map(d -> ", document=" + d.hex()).orElse("") + "]";
  }
}
