package io.pqzk.fhir.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The detector on {@link InsiderWorkload}: every injected reader-day is flagged for the reason
 * its pattern should leave, and precision and recall over reader-days of the last week are
 * printed with every false positive and its reasons.
 */
class AnomalyDetectorTest {
  static final long SEED = 20261204L;

  @Test
  void injectedInsiderPatterns_areFlaggedForTheirReasons_precisionAndRecallPrinted() {
    InsiderWorkload w = new InsiderWorkload(SEED);
    List<AnomalyDetector.Finding> found = new AnomalyDetector(
        AnomalyDetector.Settings.defaults()).detect(w.events, w.since, w.now);
    Set<String> flagged = new HashSet<>();
    List<String> falsePositives = new ArrayList<>();
    for (AnomalyDetector.Finding f : found) {
      String key = f.reader() + "@" + f.day();
      flagged.add(key);
      if (!w.injected.containsKey(key)) {
        falsePositives.add(key + ": " + String.join("; ", f.reasons().stream()
            .map(AnomalyDetector.Reason::text).toList()));
      }
    }
    int tp = 0;
    for (String k : w.injected.keySet()) {
      tp += flagged.contains(k) ? 1 : 0;
    }
    long readerDays = w.events.stream().filter(a -> a.millis() >= w.since)
        .map(a -> a.reader() + "@" + java.time.Instant.ofEpochMilli(a.millis())
            .atZone(java.time.ZoneOffset.UTC).toLocalDate()).distinct().count();
    double precision = found.isEmpty() ? 0 : tp / (double) found.size();
    double recall = tp / (double) w.injected.size();
    System.out.printf(Locale.ROOT, "anomalies (seed %d): %d events, %d reader-days scored in the"
        + " last %d days, %d injected, %d flagged: %d true, %d false positives;"
        + " precision %.2f, recall %.2f%n", SEED, w.events.size(), readerDays,
        InsiderWorkload.WINDOW_DAYS, w.injected.size(), found.size(), tp,
        falsePositives.size(), precision, recall);
    for (AnomalyDetector.Finding f : found) {
      String key = f.reader() + "@" + f.day();
      if (w.injected.containsKey(key)) {
        System.out.println("  injected " + w.injected.get(key) + " " + key + ": "
            + f.reasons().get(0).text());
      }
    }
    falsePositives.forEach(fp -> System.out.println("  false positive " + fp));
    Map<String, AnomalyDetector.Feature> expected = Map.of(
        "bulk export", AnomalyDetector.Feature.READS,
        "snooping on one patient", AnomalyDetector.Feature.NEW_PATIENTS,
        "many readers on one patient", AnomalyDetector.Feature.CONVERGING,
        "after-hours access", AnomalyDetector.Feature.OFF_HOURS,
        "break-glass abuse", AnomalyDetector.Feature.BREAK_GLASS);
    for (Map.Entry<String, String> e : w.injected.entrySet()) {
      AnomalyDetector.Finding f = found.stream().filter(x -> (x.reader() + "@" + x.day())
          .equals(e.getKey())).findFirst().orElse(null);
      assertTrue(f != null, e.getValue() + " " + e.getKey() + " not flagged");
      AnomalyDetector.Feature want = expected.get(e.getValue());
      assertTrue(f.reasons().stream().anyMatch(r -> r.feature() == want), e.getKey() + " "
          + e.getValue() + " flagged without " + want + ": " + f.reasons());
    }
    assertEquals(1.0, recall);
    assertTrue(precision >= 0.5, "precision " + precision);
  }

  @Test
  void aDayLikeTheReadersOwnHistory_isNotFlagged_andBadSettingsAreRefused() {
    List<Access> events = new ArrayList<>();
    for (int day = 0; day < 15; day++) {
      for (int k = 0; k < 10; k++) {
        events.add(new Access("r", "p" + (k % 4), InsiderWorkload.millis(
            InsiderWorkload.START.plusDays(day), 9 + k % 8), Access.Outcome.RELEASED, false));
      }
    }
    long since = InsiderWorkload.millis(InsiderWorkload.START.plusDays(14), 0);
    assertEquals(List.of(), new AnomalyDetector(AnomalyDetector.Settings.defaults())
        .detect(events, since, since + 86_399_999L));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AnomalyDetector.Settings(java.time.ZoneOffset.UTC, 19, 7, 3.5, 7, 0, 3));
    assertTrue(e.getMessage().contains("19..7"), e.getMessage());
  }
}
