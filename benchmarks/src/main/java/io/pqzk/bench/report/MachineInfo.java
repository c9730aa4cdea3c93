package io.pqzk.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** What the report says about the machine and the software it measured. */
public final class MachineInfo {
  private MachineInfo() {}

  /** CPU model, cores, memory, OS, JVM and the pinned library versions. */
  public static Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("CPU", cpuModel());
    m.put("Cores available to the JVM", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("Max heap", (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
    m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " (" + System.getProperty("os.arch") + ")");
    m.put("JDK", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.runtime.version"));
    Properties v = new Properties();
    try (InputStream in = MachineInfo.class.getResourceAsStream("/io/pqzk/bench/versions.properties")) {
      if (in != null) {
        v.load(in);
      }
    } catch (IOException e) {
      // versions unknown: the report says so below
    }
    for (String k : new String[] {"pqzk", "bouncycastle", "protobuf", "rocksdb", "jmh"}) {
      m.put(k, v.getProperty(k, "unknown"));
    }
    return m;
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    String env = System.getenv("PROCESSOR_IDENTIFIER");
    return env != null ? env : System.getProperty("os.arch");
  }
}
