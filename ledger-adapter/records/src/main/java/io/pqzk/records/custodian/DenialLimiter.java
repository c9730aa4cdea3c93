package io.pqzk.records.custodian;

import com.google.protobuf.ByteString;
import java.util.HashMap;
import java.util.Map;

/**
 * How many denied reads of one reader become events: a token bucket per reader ({@code burst}
 * events at once, then one per {@code refillMillis}), so an authenticated reader hammering the
 * custodian cannot flood the chain. A denial over the limit is still refused, and counted: the
 * reader's next denied event carries the number suppressed since its last one. Judged on the
 * custodian's clock; no thread sleeps.
 */
final class DenialLimiter {
  private record Bucket(double tokens, long at, int suppressed) {}

  private final int burst;
  private final long refillMillis;
  private final Map<ByteString, Bucket> buckets = new HashMap<>();

  DenialLimiter(int burst, long refillMillis) {
    this.burst = burst;
    this.refillMillis = refillMillis;
  }

  /**
   * -1 when this denial of {@code reader} is over the limit (suppressed), else how many were
   * suppressed before it (for the event to carry).
   */
  synchronized int admit(ByteString reader, long now) {
    Bucket b = buckets.getOrDefault(reader, new Bucket(burst, now, 0));
    double tokens = Math.min(burst, b.tokens() + (double) (now - b.at()) / refillMillis);
    if (tokens < 1) {
      buckets.put(reader, new Bucket(tokens, now, b.suppressed() + 1));
      return -1;
    }
    buckets.put(reader, new Bucket(tokens - 1, now, 0));
    return b.suppressed();
  }
}
