package io.pqzk.fhir.anomaly;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A hospital's month of reads with insider patterns injected in its last week, from one seed.
 *
 * <p>Normal: 4 units of 60 patients and 10 readers each (8 on day shift 08:00-18:00, a few
 * reads running to 20:00; 2 on night shift 21:00-05:00), each reader working 5 days in 7 with
 * about 18 reads a day, mostly within a caseload of 25 of its unit's patients, and about one
 * denied attempt in five days; each unit admits a patient a day, whom its team then reads; 3
 * emergency readers with about one break-glass read in three days, each reviewed within hours.
 *
 * <p>Injected, one reader-day each unless said: bulk export (150 patients of every unit in two
 * hours), snooping (6 reads of one patient of another unit), a crowd (4 readers of other units
 * on one long-known patient), after-hours (a day-shift reader's 8 reads between 01:00 and
 * 03:00), break-glass abuse (an emergency reader's 5 break-glass reads, never reviewed).
 */
final class InsiderWorkload {
  static final int HISTORY_DAYS = 28;
  static final int WINDOW_DAYS = 7;
  static final LocalDate START = LocalDate.of(2026, 10, 1);
  private static final long HOUR = 3_600_000L;

  final List<Access> events = new ArrayList<>();
  /** "reader@day" of every injected reader-day, with its pattern. */
  final Map<String, String> injected = new LinkedHashMap<>();
  final long since = millis(START.plusDays(HISTORY_DAYS), 0);
  final long now = millis(START.plusDays(HISTORY_DAYS + WINDOW_DAYS), 0) - 1;
  private final Random rnd;
  private final List<List<String>> units = new ArrayList<>();
  private int nextPatient;

  InsiderWorkload(long seed) {
    rnd = new Random(seed);
    List<String[]> readers = new ArrayList<>();
    List<List<String>> caseloads = new ArrayList<>();
    for (int u = 0; u < 4; u++) {
      List<String> patients = new ArrayList<>();
      for (int p = 0; p < 60; p++) {
        patients.add(patient());
      }
      units.add(patients);
      for (int r = 0; r < 10; r++) {
        readers.add(new String[] {"u" + u + "-r" + r, Integer.toString(u), r < 8 ? "day" : "night"});
        List<String> mine = new ArrayList<>(patients);
        java.util.Collections.shuffle(mine, rnd);
        caseloads.add(new ArrayList<>(mine.subList(0, 25)));
      }
    }
    for (int day = 0; day < HISTORY_DAYS + WINDOW_DAYS; day++) {
      LocalDate d = START.plusDays(day);
      for (int u = 0; u < 4; u++) {
        String admitted = patient();
        units.get(u).add(admitted);
        for (int i = 0; i < readers.size(); i++) {
          if (Integer.parseInt(readers.get(i)[1]) == u && rnd.nextInt(3) == 0) {
            caseloads.get(i).add(admitted);
          }
        }
      }
      for (int i = 0; i < readers.size(); i++) {
        String[] r = readers.get(i);
        if ((day + i) % 7 >= 5) {
          continue; // two days off in seven, staggered
        }
        int n = poisson(18);
        boolean night = r[2].equals("night");
        List<String> cases = caseloads.get(i);
        List<String> unit = units.get(Integer.parseInt(r[1]));
        for (int k = 0; k < n; k++) {
          List<String> from = rnd.nextInt(10) == 0 ? unit : cases;
          String p = from.get(rnd.nextInt(from.size()));
          events.add(new Access(r[0], p, shift(d, night), Access.Outcome.RELEASED, false));
        }
        if (rnd.nextInt(5) == 0) {
          events.add(new Access(r[0], unit.get(rnd.nextInt(unit.size())), shift(d, night),
              Access.Outcome.DENIED, false));
        }
      }
      for (int e = 0; e < 3; e++) {
        String er = "er-" + e;
        for (int k = poisson(3); k > 0; k--) {
          List<String> unit = units.get(rnd.nextInt(4));
          events.add(new Access(er, unit.get(rnd.nextInt(unit.size())),
              millis(d, 0) + (long) (rnd.nextDouble() * 24 * HOUR), Access.Outcome.RELEASED,
              false));
        }
        if (rnd.nextInt(3) == 0) {
          List<String> unit = units.get(rnd.nextInt(4));
          events.add(new Access(er, unit.get(rnd.nextInt(unit.size())),
              millis(d, 0) + (long) (rnd.nextDouble() * 24 * HOUR), Access.Outcome.BREAK_GLASS,
              true));
        }
      }
    }
    inject();
  }

  private void inject() {
    LocalDate w = START.plusDays(HISTORY_DAYS);
    // bulk export: u1-r3 on the window's 2nd day (a working day for it)
    LocalDate bulk = working(w.plusDays(1), 10 + 3);
    Set<String> all = new HashSet<>();
    for (List<String> u : units) {
      all.addAll(u);
    }
    List<String> every = new ArrayList<>(all);
    java.util.Collections.shuffle(every, rnd);
    for (int k = 0; k < 150; k++) {
      events.add(new Access("u1-r3", every.get(k), millis(bulk, 14) + k * 48_000L,
          Access.Outcome.RELEASED, false));
    }
    injected.put("u1-r3@" + bulk, "bulk export");
    // snooping: u2-r5 reads one patient of unit 0, six times
    LocalDate snoop = working(w.plusDays(2), 20 + 5);
    String target = units.get(0).get(7);
    for (int k = 0; k < 6; k++) {
      events.add(new Access("u2-r5", target, millis(snoop, 9) + k * 40 * 60_000L,
          Access.Outcome.RELEASED, false));
    }
    injected.put("u2-r5@" + snoop, "snooping on one patient");
    // a crowd on one long-known patient of unit 3
    LocalDate crowd = w.plusDays(3);
    String famous = units.get(3).get(11);
    for (String r : List.of("u0-r1", "u1-r6", "u2-r2", "u0-r4")) {
      events.add(new Access(r, famous, millis(crowd, 11), Access.Outcome.RELEASED, false));
      injected.put(r + "@" + crowd, "many readers on one patient");
    }
    // after hours: day-shift u3-r2 reads eight of its unit's patients at night
    LocalDate late = w.plusDays(4);
    for (int k = 0; k < 8; k++) {
      events.add(new Access("u3-r2", units.get(3).get(k), millis(late, 1) + k * 900_000L,
          Access.Outcome.RELEASED, false));
    }
    injected.put("u3-r2@" + late, "after-hours access");
    // break-glass abuse: er-1 breaks glass five times, never reviewed
    LocalDate glass = w.plusDays(0);
    for (int k = 0; k < 5; k++) {
      events.add(new Access("er-1", units.get(k % 4).get(20 + k), millis(glass, 13) + k * HOUR,
          Access.Outcome.BREAK_GLASS, false));
    }
    injected.put("er-1@" + glass, "break-glass abuse");
  }

  /** {@code d} or the next day that the reader with index {@code i} works. */
  private static LocalDate working(LocalDate d, int i) {
    while ((int) (d.toEpochDay() - START.toEpochDay() + i) % 7 >= 5) {
      d = d.plusDays(1);
    }
    return d;
  }

  private long shift(LocalDate d, boolean night) {
    if (night) {
      return millis(d, 21) + (long) (rnd.nextDouble() * 8 * HOUR);
    }
    double h = rnd.nextInt(30) == 0 ? 10 + rnd.nextDouble() * 2 : rnd.nextDouble() * 10;
    return millis(d, 8) + (long) (h * HOUR);
  }

  private String patient() {
    return String.format("%064x", ++nextPatient);
  }

  private int poisson(double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }

  static long millis(LocalDate d, int hour) {
    return d.atTime(hour, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
