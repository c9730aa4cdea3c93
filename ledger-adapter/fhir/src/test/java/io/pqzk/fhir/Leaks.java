package io.pqzk.fhir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What identifies the patient of a bundle (names, birth date, identifier values, the Patient's
 * id) and a scan of every file under a directory for any of it, as UTF-8 or UTF-16 text.
 */
public final class Leaks {
  private Leaks() {}

  /** The identifying strings of a bundle's Patient, at least 4 characters each. */
  public static Set<String> identifying(byte[] bundle) {
    JsonObject b = JsonParser.parseString(new String(bundle, StandardCharsets.UTF_8))
        .getAsJsonObject();
    Set<String> out = new LinkedHashSet<>();
    for (JsonElement e : b.getAsJsonArray("entry")) {
      JsonObject r = e.getAsJsonObject().getAsJsonObject("resource");
      if (!r.get("resourceType").getAsString().equals("Patient")) {
        continue;
      }
      out.add(r.get("id").getAsString());
      out.add(r.get("birthDate").getAsString());
      for (JsonElement n : r.getAsJsonArray("name")) {
        JsonObject name = n.getAsJsonObject();
        out.add(name.get("family").getAsString());
        for (JsonElement g : name.getAsJsonArray("given")) {
          out.add(g.getAsString());
        }
      }
      for (JsonElement i : r.getAsJsonArray("identifier")) {
        out.add(i.getAsJsonObject().get("value").getAsString());
      }
    }
    out.removeIf(s -> s.length() < 4);
    return out;
  }

  /** "file: string" for each file under {@code dir} that holds one of {@code secrets}. */
  public static List<String> scan(Path dir, Set<String> secrets) throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      byte[] data = Files.readAllBytes(f);
      String utf8 = new String(data, StandardCharsets.ISO_8859_1);
      String utf16 = new String(data, StandardCharsets.UTF_16LE);
      for (String secret : secrets) {
        if (utf8.contains(secret) || utf16.contains(secret)) {
          found.add(dir.relativize(f) + ": " + secret);
        }
      }
    }
    return found;
  }

  /** How many files {@link #scan} reads under {@code dir}. */
  public static long files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }
}
