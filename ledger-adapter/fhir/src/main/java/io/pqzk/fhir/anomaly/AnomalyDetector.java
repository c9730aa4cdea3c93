package io.pqzk.fhir.anomaly;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores each reader's day of activity against that reader's own earlier days, with robust
 * statistics: for every feature the median and the median absolute deviation (MAD) of the
 * reader's history days (days without activity count as zeros), and a day is flagged on a
 * feature when its value exceeds {@code median + max(k * 1.4826 * MAD, floor)}: the modified
 * z-score of Iglewicz and Hoaglin with k = 3.5, and a floor per feature so that a history with
 * no spread (a MAD of 0) does not flag a single extra read. A reader with fewer history days
 * than {@link Settings#minHistoryDays} is scored against every established reader's days.
 *
 * <p>Features of a reader's day: reads (releases with a grant or by break-glass), distinct
 * patients, the busiest hour, reads outside duty hours, denied attempts, break-glass reads, the
 * most reads of one patient, reads of patients the reader had never read though others had for
 * {@link Settings#minHistoryDays} ("new to the reader"; a new admission is new to everyone), and
 * patients on which several readers new to them converged that day
 * (many readers on one patient). Besides the scores, one rule: a break-glass read still not
 * reviewed after {@link Settings#reviewGraceMillis} is always flagged.
 *
 * <p>Why not a learned model (Tribuo's one-class SVM, an isolation forest): the features are a
 * handful of counts per reader-day, each reader's baseline is its own, and a finding has to say
 * which count left which range; a median/MAD rule per feature does that in one readable line,
 * needs no training set of known misuse, and is not dragged by the outliers it hunts.
 */
public final class AnomalyDetector {
  private static final double MAD_TO_SIGMA = 1.4826;

  /** What the detector measures on a reader's day. */
  public enum Feature {
    READS("reads", 5),
    DISTINCT_PATIENTS("distinct patients", 5),
    PEAK_HOUR("reads in the busiest hour", 4),
    OFF_HOURS("reads outside duty hours", 3),
    DENIED("denied attempts", 3),
    BREAK_GLASS("break-glass reads", 2),
    ONE_PATIENT("reads of one patient", 3),
    NEW_PATIENTS("reads of long-known patients new to the reader", 3),
    CONVERGING("patients on which several readers new to them converged", 0.5);

    final String text;
    final double floor;

    Feature(String text, double floor) {
      this.text = text;
      this.floor = floor;
    }

    public String text() {
      return text;
    }
  }

  /**
   * @param zone the zone whose clock defines days and duty hours
   * @param dutyStartHour first hour of duty (inclusive)
   * @param dutyEndHour end of duty (exclusive)
   * @param k how many robust standard deviations above the median flag a value
   * @param minHistoryDays fewer history days than this: scored against the population
   * @param reviewGraceMillis how long a break-glass read may stay unreviewed
   * @param convergingReaders how many readers new to one patient on one day make it converging
   */
  public record Settings(ZoneId zone, int dutyStartHour, int dutyEndHour, double k,
      int minHistoryDays, long reviewGraceMillis, int convergingReaders) {
    public Settings {
      if (dutyStartHour < 0 || dutyEndHour > 24 || dutyStartHour >= dutyEndHour) {
        throw new IllegalArgumentException("duty hours must be start < end within 0..24, not "
            + dutyStartHour + ".." + dutyEndHour);
      }
      if (!(k > 0) || minHistoryDays < 1 || reviewGraceMillis < 0 || convergingReaders < 2) {
        throw new IllegalArgumentException("k > 0, minHistoryDays >= 1, reviewGraceMillis >= 0"
            + " and convergingReaders >= 2 are needed");
      }
    }

    /** UTC days, duty 07:00-19:00, k = 3.5, 7 history days, 24 h to review, 3 readers. */
    public static Settings defaults() {
      return new Settings(ZoneId.of("UTC"), 7, 19, 3.5, 7, 86_400_000L, 3);
    }
  }

  /** Why a day was flagged: the value, the baseline it was held against, and the limit. */
  public record Reason(Feature feature, double value, double median, double mad, double limit,
      boolean population, String text) {
    /** How far past its limit, in robust standard deviations (at least one unit of spread). */
    public double score() {
      return (value - median) / Math.max(MAD_TO_SIGMA * mad, 1.0);
    }
  }

  /** One flagged reader-day with every reason for it, the strongest first. */
  public record Finding(String reader, LocalDate day, List<Reason> reasons) {
    public double score() {
      return reasons.stream().mapToDouble(Reason::score).max().orElse(0);
    }
  }

  private final Settings settings;

  public AnomalyDetector(Settings settings) {
    this.settings = settings;
  }

  /**
   * Scores every reader's days from {@code sinceMillis} to {@code nowMillis} against the events
   * before {@code sinceMillis}; returns the flagged reader-days, highest score first.
   */
  public List<Finding> detect(List<Access> events, long sinceMillis, long nowMillis) {
    LocalDate since = day(sinceMillis);
    LocalDate today = day(nowMillis);
    List<Access> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(Access::millis));
    // when each reader first appeared; its events by day
    Map<String, LocalDate> firstDay = new HashMap<>();
    Map<String, Map<LocalDate, List<Access>>> byReaderDay = new HashMap<>();
    for (Access a : sorted) {
      LocalDate d = day(a.millis());
      firstDay.merge(a.reader(), d, (x, y) -> x.isBefore(y) ? x : y);
      byReaderDay.computeIfAbsent(a.reader(), r -> new TreeMap<>())
          .computeIfAbsent(d, x -> new ArrayList<>()).add(a);
    }
    // features of each day, computed in day order so "new to the reader" means before that day
    Map<String, Set<String>> seen = new HashMap<>();
    Map<String, Map<LocalDate, double[]>> features = new HashMap<>();
    Map<LocalDate, Map<String, Set<String>>> newcomersByDay = new HashMap<>();
    Map<String, LocalDate> firstRead = new HashMap<>();
    TreeMap<LocalDate, List<Access>> byDay = new TreeMap<>();
    for (Access a : sorted) {
      byDay.computeIfAbsent(day(a.millis()), x -> new ArrayList<>()).add(a);
    }
    for (Map.Entry<LocalDate, List<Access>> de : byDay.entrySet()) {
      LocalDate d = de.getKey();
      Map<String, List<Access>> byReader = new HashMap<>();
      for (Access a : de.getValue()) {
        byReader.computeIfAbsent(a.reader(), r -> new ArrayList<>()).add(a);
      }
      Set<String> readToday = new HashSet<>();
      Map<String, Set<String>> newcomers = new HashMap<>();
      for (Map.Entry<String, List<Access>> re : byReader.entrySet()) {
        Set<String> mine = seen.computeIfAbsent(re.getKey(), r -> new HashSet<>());
        double[] f = dayFeatures(re.getValue(), mine, firstRead, d);
        features.computeIfAbsent(re.getKey(), r -> new HashMap<>()).put(d, f);
        for (Access a : re.getValue()) {
          if (a.read() && !a.record().isEmpty()) {
            if (longKnownAndNew(a.record(), mine, firstRead, d)) {
              newcomers.computeIfAbsent(a.record(), x -> new HashSet<>()).add(a.reader());
            }
            readToday.add(a.record());
          }
        }
      }
      newcomersByDay.put(d, newcomers);
      for (Map.Entry<String, List<Access>> re : byReader.entrySet()) {
        for (Access a : re.getValue()) {
          if (a.read() && !a.record().isEmpty()) {
            seen.get(re.getKey()).add(a.record());
          }
        }
      }
      for (String r : readToday) {
        firstRead.putIfAbsent(r, d);
      }
    }
    // converging: a patient known for minHistoryDays (a new admission is read by its new team)
    // that several readers new to it read on the same day
    for (Map.Entry<LocalDate, Map<String, Set<String>>> e : newcomersByDay.entrySet()) {
      for (Set<String> readers : e.getValue().values()) {
        if (readers.size() >= settings.convergingReaders()) {
          for (String r : readers) {
            features.get(r).get(e.getKey())[Feature.CONVERGING.ordinal()] += 1;
          }
        }
      }
    }
    // baselines: each reader's history days (zeros where idle), and the population's
    Map<String, List<double[]>> history = new HashMap<>();
    List<double[]> population = new ArrayList<>();
    for (Map.Entry<String, LocalDate> e : firstDay.entrySet()) {
      List<double[]> days = new ArrayList<>();
      Map<LocalDate, double[]> mine = features.get(e.getKey());
      for (LocalDate d = e.getValue(); d.isBefore(since); d = d.plusDays(1)) {
        days.add(mine.getOrDefault(d, new double[Feature.values().length]));
      }
      history.put(e.getKey(), days);
      if (days.size() >= settings.minHistoryDays()) {
        population.addAll(days);
      }
    }
    Map<Feature, double[]> popStats = stats(population);
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Map<LocalDate, List<Access>>> e : byReaderDay.entrySet()) {
      String reader = e.getKey();
      List<double[]> own = history.get(reader);
      boolean usePopulation = own.size() < settings.minHistoryDays();
      Map<Feature, double[]> base = usePopulation ? popStats : stats(own);
      for (Map.Entry<LocalDate, List<Access>> de : e.getValue().entrySet()) {
        LocalDate d = de.getKey();
        if (d.isBefore(since) || d.isAfter(today)) {
          continue;
        }
        double[] f = features.get(reader).get(d);
        List<Reason> reasons = new ArrayList<>();
        for (Feature feat : Feature.values()) {
          double[] s = base.get(feat);
          if (s == null) {
            continue;
          }
          double limit = s[0] + Math.max(settings.k() * MAD_TO_SIGMA * s[1], feat.floor);
          double v = f[feat.ordinal()];
          if (v > limit) {
            reasons.add(new Reason(feat, v, s[0], s[1], limit, usePopulation, String.format(
                Locale.ROOT, "%s %s (%s median %s, MAD %s: limit %s)", feat.text, num(v),
                usePopulation ? "all readers'" : "own", num(s[0]), num(s[1]), num(limit))));
          }
        }
        long unreviewed = de.getValue().stream().filter(a -> a.outcome()
            == Access.Outcome.BREAK_GLASS && !a.reviewed()
            && nowMillis - a.millis() > settings.reviewGraceMillis()).count();
        if (unreviewed > 0) {
          reasons.add(new Reason(Feature.BREAK_GLASS, unreviewed, 0, 0, 0, false,
              unreviewed + " break-glass read" + (unreviewed == 1 ? "" : "s")
              + " not reviewed within " + settings.reviewGraceMillis() / 3_600_000L + " h"));
        }
        if (!reasons.isEmpty()) {
          reasons.sort(Comparator.comparingDouble(Reason::score).reversed());
          out.add(new Finding(reader, d, List.copyOf(reasons)));
        }
      }
    }
    out.sort(Comparator.comparingDouble(Finding::score).reversed()
        .thenComparing(Finding::reader).thenComparing(Finding::day));
    return out;
  }

  private double[] dayFeatures(List<Access> day, Set<String> mine,
      Map<String, LocalDate> firstRead, LocalDate d) {
    double[] f = new double[Feature.values().length];
    Map<String, Integer> perPatient = new HashMap<>();
    int[] perHour = new int[24];
    for (Access a : day) {
      if (a.outcome() == Access.Outcome.DENIED) {
        f[Feature.DENIED.ordinal()]++;
        continue;
      }
      f[Feature.READS.ordinal()]++;
      if (a.outcome() == Access.Outcome.BREAK_GLASS) {
        f[Feature.BREAK_GLASS.ordinal()]++;
      }
      int hour = ZonedDateTime.ofInstant(Instant.ofEpochMilli(a.millis()), settings.zone())
          .getHour();
      perHour[hour]++;
      if (hour < settings.dutyStartHour() || hour >= settings.dutyEndHour()) {
        f[Feature.OFF_HOURS.ordinal()]++;
      }
      if (!a.record().isEmpty()) {
        perPatient.merge(a.record(), 1, Integer::sum);
        if (longKnownAndNew(a.record(), mine, firstRead, d)) {
          f[Feature.NEW_PATIENTS.ordinal()]++;
        }
      }
    }
    f[Feature.DISTINCT_PATIENTS.ordinal()] = perPatient.size();
    f[Feature.PEAK_HOUR.ordinal()] = Arrays.stream(perHour).max().orElse(0);
    f[Feature.ONE_PATIENT.ordinal()] = perPatient.values().stream().mapToInt(i -> i).max()
        .orElse(0);
    return f;
  }

  /** Never read by this reader before {@code d}; first read by anyone minHistoryDays before. */
  private boolean longKnownAndNew(String record, Set<String> mine,
      Map<String, LocalDate> firstRead, LocalDate d) {
    LocalDate known = firstRead.get(record);
    return !mine.contains(record) && known != null
        && !known.plusDays(settings.minHistoryDays()).isAfter(d);
  }

  /** Per feature {median, MAD} of the days; empty when there are none. */
  private static Map<Feature, double[]> stats(List<double[]> days) {
    Map<Feature, double[]> out = new EnumMap<>(Feature.class);
    if (days.isEmpty()) {
      return out;
    }
    for (Feature f : Feature.values()) {
      double[] v = days.stream().mapToDouble(d -> d[f.ordinal()]).toArray();
      double med = median(v);
      double[] dev = Arrays.stream(v).map(x -> Math.abs(x - med)).toArray();
      out.put(f, new double[] {med, median(dev)});
    }
    return out;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  private LocalDate day(long millis) {
    return Instant.ofEpochMilli(millis).atZone(settings.zone()).toLocalDate();
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
