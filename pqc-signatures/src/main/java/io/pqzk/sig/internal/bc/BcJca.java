package io.pqzk.sig.internal.bc;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle JCA provider, for the few features only its JCA layer offers (composites,
 * PKCS#8 encryption). BouncyCastle's composite classes look their component algorithms up by the
 * provider name "BC", so the provider must be registered: this registers it explicitly, once,
 * when first needed, rather than relying on some other code having done it.
 */
public final class BcJca {
  private BcJca() {}

  /** The registered "BC" provider, registering it first if nobody has. */
  public static synchronized Provider provider() {
    Provider p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
    if (p == null) {
      p = new BouncyCastleProvider();
      Security.addProvider(p);
    }
    return p;
  }
}
