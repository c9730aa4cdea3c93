package io.pqzk.zk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The proof systems on the class path, found with {@link ServiceLoader} as {@link
 * ProofSystemProvider}s and looked up by id. A system whose module is absent is simply not there:
 * a chain that names only {@value #DEFAULT} runs without the Groth16 module.
 *
 * <p>Loaded once, on first use; thread-safe.
 */
public final class ProofSystems {
  /** The default system: transparent, hash-based, post-quantum. */
  public static final String DEFAULT = "stark";

  private static volatile Map<String, ProofSystemProvider> loaded;

  private ProofSystems() {}

  private static Map<String, ProofSystemProvider> providers() {
    Map<String, ProofSystemProvider> m = loaded;
    if (m == null) {
      synchronized (ProofSystems.class) {
        if (loaded == null) {
          Map<String, ProofSystemProvider> found = new TreeMap<>();
          for (ProofSystemProvider p : ServiceLoader.load(ProofSystemProvider.class,
              ProofSystems.class.getClassLoader())) {
            ProofSystemProvider twin = found.putIfAbsent(p.id().value(), p);
            if (twin != null && twin.getClass() != p.getClass()) {
              throw new IllegalStateException("two proof systems claim the id '" + p.id()
                  + "': " + twin.getClass().getName() + " and " + p.getClass().getName());
            }
          }
          loaded = Collections.unmodifiableMap(found);
        }
        m = loaded;
      }
    }
    return m;
  }

  /** The ids of the systems on the class path, the default first. */
  public static List<String> ids() {
    List<String> ids = new ArrayList<>(providers().keySet());
    if (ids.remove(DEFAULT)) {
      ids.add(0, DEFAULT);
    }
    return List.copyOf(ids);
  }

  /**
   * The provider of {@code id}.
   *
   * @throws UnavailableProofSystemException naming the id and the systems that are available
   */
  public static ProofSystemProvider provider(String id) throws UnavailableProofSystemException {
    ProofSystemProvider p = providers().get(id);
    if (p == null) {
      throw new UnavailableProofSystemException("unknown proof system '" + id
          + "' (available in this build: " + ids() + ")");
    }
    return p;
  }

  /** The system with its default parameters (see {@link ProofSystemProvider#create()}). */
  public static ProofSystem get(String id) throws UnavailableProofSystemException {
    return provider(id).create();
  }

  /** The hash of a system's registry (commitments and tree). */
  public static RegistryHash registryHash(String id) throws UnavailableProofSystemException {
    return provider(id).registryHash();
  }

  /** Whether a system's soundness holds against quantum adversaries (false if unknown). */
  public static boolean postQuantum(String id) {
    ProofSystemProvider p = providers().get(id);
    return p != null && p.postQuantum();
  }

  /** Whether a system needs a pinned verification key (false if unknown). */
  public static boolean hasTrustedSetup(String id) {
    ProofSystemProvider p = providers().get(id);
    return p != null && p.hasTrustedSetup();
  }

  /** The parameter sets a system accepts by default (see {@link ProofSystemProvider}). */
  public static List<String> defaultParameterSets(String id)
      throws UnavailableProofSystemException {
    return provider(id).defaultParameterSets();
  }

  /** The system accepting exactly the named parameter sets (a genesis pins them). */
  public static ProofSystem withParameterSets(String id, List<String> names)
      throws ProofException {
    return provider(id).withParameterSets(names);
  }

  /** The system, verifying against {@code verificationKey} only. */
  public static ProofSystem withVerificationKey(String id, String verificationKey)
      throws ProofException {
    return provider(id).withVerificationKey(verificationKey);
  }
}
