package io.pqzk.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.pqzk.fhir.audit.AuditTrail;
import io.pqzk.fhir.bundle.BundleRecord;
import io.pqzk.fhir.server.FhirFacade;
import io.pqzk.fhir.server.internal.FacadeReads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade benchmark: {@code GET Patient/{id}} through HAPI's generic client over mutual TLS,
 * each read a custodian read whose access event is final (sealed in a block, fsync'd) before the
 * response, so a read's latency includes its audited event. One client in sequence, then 8 in
 * parallel; a warm-up first. Prints and writes target/fhir-facade-bench.txt with the load
 * average beside the figures; asserts only that every read left its event.
 */
@Tag("slow")
class FacadeBench {
  @Test
  void facadeReads_perSecond_andLatency(@TempDir Path tmp) throws Exception {
    int sequential = Integer.getInteger("pqzk.bench.reads", 200);
    int parallel = 8;
    StringBuilder out = new StringBuilder();
    try (FhirFixture f = new FhirFixture(tmp.resolve("node"))) {
      List<byte[]> bundles = new ArrayList<>();
      for (String k : FhirFixture.KEPT) {
        bundles.add(FhirFixture.kept(k));
      }
      List<BundleRecord> records = f.importBundles(bundles);
      String[] subjects = records.stream().map(BundleRecord::subjectId).toArray(String[]::new);
      f.grant("clinic-alpha", "TREAT", subjects);
      try (FhirFacade facade = f.facade()) {
        String base = "https://127.0.0.1:" + facade.port() + "/fhir";
        List<IGenericClient> clients = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
          clients.add(TlsClients.fhir(base, f.ca, f.reader("clinic-alpha").tls(),
              Map.of(FacadeReads.PURPOSE_HEADER, "TREAT")));
        }
        int before = events(f, subjects);
        run(clients.subList(0, 1), subjects, 20); // warm-up
        out.append(String.format(Locale.ROOT, "FHIR facade benchmark: GET Patient/{id}, mutual"
            + " TLS, each read's access event final before the response; %d cores, JDK %s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(line("1 client ", run(clients.subList(0, 1), subjects, sequential)));
        out.append(line(parallel + " clients", run(clients, subjects, sequential * 2)));
        assertEquals(before + 20 + sequential * 3, events(f, subjects),
            "one final access event per read");
      }
    }
    System.out.print(out);
    Files.writeString(Path.of("target", "fhir-facade-bench.txt"), out.toString());
  }

  private static int events(FhirFixture f, String[] subjects) throws Exception {
    int n = 0;
    for (String s : subjects) {
      n += new AuditTrail(f.custodian).subject(s).orElseThrow().size();
    }
    return n;
  }

  /** {reads, wall nanos, latencies...}: {@code total} reads spread over the clients. */
  private static long[] run(List<IGenericClient> clients, String[] subjects, int total)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients.size());
    long[] lat = new long[total];
    long start = System.nanoTime();
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int c = 0; c < clients.size(); c++) {
        int me = c;
        fs.add(pool.submit(() -> {
          for (int i = me; i < total; i += clients.size()) {
            String s = subjects[i % subjects.length];
            long t = System.nanoTime();
            Patient p = clients.get(me).read().resource(Patient.class).withId(s).execute();
            lat[i] = System.nanoTime() - t;
            if (!s.equals(p.getIdElement().getIdPart())) {
              throw new IllegalStateException("read " + s + ", got " + p.getId());
            }
          }
          return null;
        }));
      }
      for (Future<?> fu : fs) {
        fu.get();
      }
    } finally {
      pool.shutdown();
    }
    long wall = System.nanoTime() - start;
    long[] r = new long[total + 2];
    r[0] = total;
    r[1] = wall;
    System.arraycopy(lat, 0, r, 2, total);
    return r;
  }

  private static String line(String who, long[] r) throws Exception {
    long[] lat = Arrays.copyOfRange(r, 2, r.length);
    Arrays.sort(lat);
    double p50 = lat[(int) Math.floor(0.50 * (lat.length - 1))] / 1e6;
    double p99 = lat[(int) Math.floor(0.99 * (lat.length - 1))] / 1e6;
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    return String.format(Locale.ROOT, "  %s: %d reads in %.1f s: %.1f reads/s, latency p50 %.1f"
        + " ms, p99 %.1f ms (load average %s)%n", who, r[0], r[1] / 1e9, r[0] / (r[1] / 1e9),
        p50, p99, load);
  }
}
