package io.pqzk.zk.groth16claims;

import com.google.gson.JsonArray;
import io.pqzk.zk.claims.Attribute;
import io.pqzk.zk.claims.ClaimContext;
import io.pqzk.zk.claims.ClaimStatement;
import io.pqzk.zk.claims.ClaimWitness;
import io.pqzk.zk.claims.MerklePath;
import io.pqzk.zk.claims.Policy;
import io.pqzk.zk.claims.Predicate;
import io.pqzk.zk.claims.Record;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The claim circuit's inputs ({@code circuits/claim.zok}), derived from a statement and a witness.
 *
 * <p>Public inputs, in ABI order (30 field elements): root; 8 attribute indices; 8 op codes
 * (0 unused, 1 {@code >=}, 2 {@code <=}, 3 {@code ==}); 8 constants (the slots hold the
 * policy's {@link Policy#effectivePredicates()}: its own predicates, then {@code a<=2^32-2} for
 * each attribute it bounds only with {@code >=}, so that no used slot holds on an absent
 * attribute, 2^32 - 1, and the circuit needs no change); context = SHA-256(context
 * bytes) as a big-endian integer mod r; the record schema (1 or 2); disclose (1 for an integrity
 * claim); the disclosed document digest as two 128-bit halves (0, 0 when not disclosed). Unused
 * slots are all zero, and no used slot has op code 0, so the encoding is one-to-one: a policy
 * and the same policy padded with another predicate never share inputs. A verifier recomputes
 * them from the statement, so a proof made for another root, policy, context, schema or
 * document does not verify.
 */
public final class ClaimInputs {
  /** Registry depth the circuit is compiled for. */
  public static final int DEPTH = 20;
  /** Predicate slots in the circuit. */
  public static final int SLOTS = 8;
  /** Number of public inputs. */
  public static final int PUBLIC_COUNT = 1 + 3 * SLOTS + 1 + 1 + 1 + 2;
  /** Index of the first public input after the context: schema, disclose, document halves. */
  static final int SCHEMA_INPUT = 1 + 3 * SLOTS + 1;

  private ClaimInputs() {}

  /** The public inputs a proof of this statement must carry. */
  public static List<BigInteger> publicInputs(ClaimStatement statement) {
    Policy policy = statement.policy();
    List<Predicate> preds = policy.effectivePredicates();
    if (preds.size() > SLOTS) {
      int own = policy.predicates().size();
      throw new IllegalArgumentException("the policy needs " + preds.size() + " of the Groth16"
          + " claim circuit's " + SLOTS + " predicate slots: its " + own + " predicates and the"
          + " bounds " + preds.subList(own, preds.size()) + " that keep absent attributes"
          + " (2^32-1) out of its >= predicates; a <= of its own on such an attribute saves"
          + " a slot");
    }
    List<BigInteger> out = new ArrayList<>(PUBLIC_COUNT);
    out.add(PoseidonRegistryHash.fromBytes(statement.root()));
    List<BigInteger> attr = new ArrayList<>(Collections.nCopies(SLOTS, BigInteger.ZERO));
    List<BigInteger> op = new ArrayList<>(Collections.nCopies(SLOTS, BigInteger.ZERO));
    List<BigInteger> constant = new ArrayList<>(Collections.nCopies(SLOTS, BigInteger.ZERO));
    for (int k = 0; k < preds.size(); k++) {
      Predicate p = preds.get(k);
      attr.set(k, BigInteger.valueOf(p.attribute().ordinal()));
      op.set(k, BigInteger.valueOf(opCode(p.op())));
      constant.set(k, BigInteger.valueOf(p.constant()));
    }
    out.addAll(attr);
    out.addAll(op);
    out.addAll(constant);
    out.add(contextElement(statement.context()));
    out.add(BigInteger.valueOf(statement.schema().number()));
    out.add(statement.isIntegrity() ? BigInteger.ONE : BigInteger.ZERO);
    BigInteger[] doc = statement.document().map(PoseidonRegistryHash::documentHalves)
        .orElse(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
    out.add(doc[0]);
    out.add(doc[1]);
    return out;
  }

  /** SHA-256 of the context bytes, read as a big-endian integer, reduced mod r. */
  public static BigInteger contextElement(ClaimContext context) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(context.bytes());
      return new BigInteger(1, d).mod(Poseidon.R);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  static int opCode(Predicate.Op op) {
    return switch (op) {
      case GE -> 1;
      case LE -> 2;
      case EQ -> 3;
    };
  }

  /**
   * The arguments of {@code computeWitness} as JSON: the program is passed without its ABI, so
   * the 81 arguments are flattened field elements in ABI order (decimal strings; booleans "0" or
   * "1"). ZoKrates constrains u32 and bool arguments to their range. Contains the secret record:
   * callers must not log it.
   */
  public static String witnessArguments(ClaimStatement statement, ClaimWitness witness) {
    MerklePath path = witness.path();
    if (path.depth() != DEPTH) {
      throw new IllegalArgumentException(
          "the Groth16 claim circuit needs a registry of depth " + DEPTH + ", the path has depth "
              + path.depth());
    }
    JsonArray args = new JsonArray();
    for (BigInteger x : publicInputs(statement)) {
      args.add(x.toString());
    }
    Record record = witness.record();
    long[] attrs = record.attributes();
    long[] salt = record.salt();
    for (int i = 0; i < Attribute.values().length; i++) {
      args.add(Long.toString(attrs[i]));
    }
    for (long w : salt) {
      args.add(Long.toString(w));
    }
    BigInteger[] doc = record.document().map(PoseidonRegistryHash::documentHalves)
        .orElse(new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
    args.add(doc[0].toString());
    args.add(doc[1].toString());
    java.util.Arrays.fill(attrs, 0);
    java.util.Arrays.fill(salt, 0);
    for (int level = 0; level < DEPTH; level++) {
      args.add(((path.index() >>> level) & 1) == 1 ? "1" : "0");
    }
    for (int level = 0; level < DEPTH; level++) {
      args.add(PoseidonRegistryHash.fromBytes(path.sibling(level)).toString());
    }
    return args.toString();
  }
}
