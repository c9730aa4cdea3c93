package io.pqzk.zk.claims;

import java.util.Objects;

/**
 * What a verifier knows: the registry root, the policy and the binding context. The prover
 * claims to know a record whose commitment is a leaf under {@code root} and that satisfies
 * {@code policy}; the proof is bound to {@code context}. Disclosure (integrity) claims are
 * policies of {@code ==} predicates on the disclosed attributes.
 */
public record ClaimStatement(byte[] root, Policy policy, ClaimContext context) {
  public ClaimStatement {
    root = Objects.requireNonNull(root, "root").clone();
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(context, "context");
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
        && context.equals(s.context);
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(root), policy, context);
  }

  @Override
  public String toString() {
    return "ClaimStatement[root=" + java.util.HexFormat.of().formatHex(root)
        + ", policy=" + policy + ", context=" + context + "]";
  }
}
