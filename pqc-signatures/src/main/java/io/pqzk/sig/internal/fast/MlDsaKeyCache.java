package io.pqzk.sig.internal.fast;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, thread-safe cache of expanded ML-DSA public keys, keyed by the parameter set and the
 * exact encoded key bytes, least recently used evicted first.
 *
 * <p>Bound: {@link #DEFAULT_CAPACITY} keys unless the system property {@value #CAPACITY_PROPERTY}
 * (read once, 0 to 65536; 0 disables caching) says otherwise. An ML-DSA-87 entry holds about
 * 68 KB (ML-DSA-65 39 KB, ML-DSA-44 22 KB), so the default bound is about 34 MB at worst.
 *
 * <p>Entries are only ever made by {@link MlDsaExpandedKey#expand} from the key bytes they are
 * filed under; nothing outside this package can put one in. A key differing in a single byte is
 * another entry. Expansion runs outside the lock, so concurrent misses on one key may both
 * expand it; the first to finish is kept, and both results are equal.
 */
final class MlDsaKeyCache {
  static final String CAPACITY_PROPERTY = "io.pqzk.sig.mldsa.keyCacheSize";
  static final int DEFAULT_CAPACITY = 512;
  static final int MAX_CAPACITY = 65536;

  private final int capacity;
  private final LinkedHashMap<CacheKey, MlDsaExpandedKey> map;

  MlDsaKeyCache(int capacity) {
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("ML-DSA key cache capacity must be in 0.." + MAX_CAPACITY
          + ", was " + capacity);
    }
    this.capacity = capacity;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<CacheKey, MlDsaExpandedKey> eldest) {
        return size() > MlDsaKeyCache.this.capacity;
      }
    };
  }

  /** The capacity from {@value #CAPACITY_PROPERTY}, or the default. */
  static int configuredCapacity() {
    String v = System.getProperty(CAPACITY_PROPERTY);
    if (v == null || v.isBlank()) {
      return DEFAULT_CAPACITY;
    }
    try {
      int c = Integer.parseInt(v.trim());
      return c < 0 || c > MAX_CAPACITY ? DEFAULT_CAPACITY : c;
    } catch (NumberFormatException e) {
      return DEFAULT_CAPACITY;
    }
  }

  /**
   * The expansion of {@code pk}, from the cache or made now. {@code pk} must be a private copy
   * of the right length that nobody modifies afterwards: the entry keeps it.
   */
  MlDsaExpandedKey get(MlDsaParams params, byte[] pk) {
    CacheKey e = new CacheKey(params, pk);
    synchronized (map) {
      MlDsaExpandedKey hit = map.get(e);
      if (hit != null) {
        return hit;
      }
    }
    MlDsaExpandedKey fresh = MlDsaExpandedKey.expand(params, pk);
    if (capacity == 0) {
      return fresh;
    }
    synchronized (map) {
      MlDsaExpandedKey won = map.putIfAbsent(e, fresh);
      return won != null ? won : fresh;
    }
  }

  int capacity() {
    return capacity;
  }

  int size() {
    synchronized (map) {
      return map.size();
    }
  }

  boolean contains(MlDsaParams params, byte[] pk) {
    synchronized (map) {
      return map.containsKey(new CacheKey(params, pk));
    }
  }

  void clear() {
    synchronized (map) {
      map.clear();
    }
  }

  /**
   * The lookup key: parameter set and encoded bytes. The hash covers the first 64 bytes only
   * (rho and the start of t1, random for any honest key), which is cheap; keys made to collide
   * on them still cost only O(log n) comparisons, because entries are {@link Comparable} and a
   * crowded hash bin becomes a tree ordered by the full bytes.
   */
  private static final class CacheKey implements Comparable<CacheKey> {
    private static final int HASHED_BYTES = 64;
    private final MlDsaParams params;
    private final byte[] pk;
    private final int hash;

    CacheKey(MlDsaParams params, byte[] pk) {
      this.params = params;
      this.pk = pk;
      int h = params.ordinal();
      for (int i = 0; i < Math.min(HASHED_BYTES, pk.length); i++) {
        h = 31 * h + pk[i];
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof CacheKey)) {
        return false;
      }
      CacheKey other = (CacheKey) o;
      return params == other.params && Arrays.equals(pk, other.pk);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public int compareTo(CacheKey o) {
      int c = Integer.compare(params.ordinal(), o.params.ordinal());
      return c != 0 ? c : Arrays.compare(pk, o.pk);
    }
  }
}
