package io.pqzk.vectors.acvp;

import static io.pqzk.vectors.VectorIo.array;
import static io.pqzk.vectors.VectorIo.integer;
import static io.pqzk.vectors.VectorIo.object;
import static io.pqzk.vectors.VectorIo.optBool;
import static io.pqzk.vectors.VectorIo.optStr;
import static io.pqzk.vectors.VectorIo.str;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.pqzk.vectors.VectorFormatException;
import io.pqzk.vectors.VectorIo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads NIST ACVP ML-DSA / SLH-DSA keyGen, sigGen and sigVer vector sets (ACVP-Server JSON, any
 * revision seen so far: the v1.1.0.35/37 internal-only SLH-DSA files and v1.1.0.43).
 *
 * <p>The role of a file is read from its content, not its name: a file whose groups have no
 * {@code parameterSet} is an {@code expectedResults} file; a file whose tests already carry the
 * answers is an {@code internalProjection}; otherwise it is a prompt. A prompt is joined with the
 * expectedResults file in the same folder when one exists (on (tgId, tcId)), and an
 * expectedResults file given alone is joined with its prompt.
 */
public final class AcvpLoader {
  private AcvpLoader() {}

  /** True when {@code json} looks like an ACVP vector set (algorithm, mode and testGroups). */
  public static boolean isAcvp(JsonObject json) {
    return json.has("algorithm") && json.has("mode") && json.has("testGroups");
  }

  /** True when {@code json} is an ACVP expectedResults file (answers only, no inputs). */
  public static boolean isResultsOnly(JsonObject json) throws VectorFormatException {
    for (JsonElement g : array(json, "testGroups")) {
      if (object(g, "test group").has("parameterSet")) {
        return false;
      }
    }
    return true;
  }

  /**
   * Loads {@code file} (plain or gzip) and joins it with its companion in the same folder (prompt
   * with expectedResults, or expectedResults with prompt) when there is one.
   *
   * @throws VectorFormatException if the file is not a supported ACVP set, or an expectedResults
   *     file has no prompt next to it
   */
  public static AcvpVectorSet load(Path file) throws IOException {
    JsonObject json;
    try (InputStream in = VectorIo.open(file)) {
      json = VectorIo.parseJson(in);
    }
    if (!isAcvp(json)) {
      throw new VectorFormatException(file + ": not an ACVP vector set");
    }
    if (isResultsOnly(json)) {
      Path prompt = companion(file, true);
      if (prompt == null) {
        throw new VectorFormatException(
            file + ": an expectedResults file needs prompt.json or prompt.json.gz beside it");
      }
      return parse(parseFile(prompt), json);
    }
    Path results = companion(file, false);
    if (results != null && !hasInlineAnswers(json)) {
      return parse(json, parseFile(results));
    }
    return parse(json, null);
  }

  /**
   * The companion of {@code file} in its folder: the prompt (when {@code wantPrompt}) or the
   * expectedResults file, plain or {@code .gz}, or null when absent. Names tried: the file's own
   * name with {@code prompt}/{@code expectedResults} swapped, then the ACVP-Server names.
   */
  public static Path companion(Path file, boolean wantPrompt) {
    String name = file.getFileName().toString();
    String from = wantPrompt ? "expectedResults" : "prompt";
    String to = wantPrompt ? "prompt" : "expectedResults";
    List<String> candidates = new ArrayList<>();
    if (name.contains(from)) {
      String swapped = name.replace(from, to);
      candidates.add(swapped);
      candidates.add(swapped.endsWith(".gz") ? swapped.substring(0, swapped.length() - 3) : swapped + ".gz");
    }
    candidates.add(to + ".json");
    candidates.add(to + ".json.gz");
    for (String c : candidates) {
      Path p = file.resolveSibling(c);
      if (!p.equals(file) && Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static JsonObject parseFile(Path p) throws IOException {
    try (InputStream in = VectorIo.open(p)) {
      JsonObject json = VectorIo.parseJson(in);
      if (!isAcvp(json)) {
        throw new VectorFormatException(p + ": not an ACVP vector set");
      }
      return json;
    }
  }

  private static boolean hasInlineAnswers(JsonObject json) throws VectorFormatException {
    String answer = answerField(str(json, "mode"));
    for (JsonElement g : array(json, "testGroups")) {
      for (JsonElement t : array(object(g, "test group"), "tests")) {
        if (object(t, "test").has(answer)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String answerField(String mode) {
    switch (mode) {
      case "keyGen":
        return "pk";
      case "sigGen":
        return "signature";
      default:
        return "testPassed";
    }
  }

  /**
   * Parses a prompt or internalProjection {@code main}, joining {@code results} (an
   * expectedResults file, may be null) on (tgId, tcId).
   *
   * @throws VectorFormatException on an unsupported algorithm/mode, a missing field, or a result
   *     with no matching prompt case
   */
  public static AcvpVectorSet parse(JsonObject main, JsonObject results) throws VectorFormatException {
    AcvpHeader header = header(main);
    AcvpKind kind = AcvpKind.of(header);
    if (kind == null) {
      throw new VectorFormatException(
          "unsupported ACVP algorithm/mode " + header.algorithm() + " " + header.mode());
    }
    Map<Long, JsonObject> answers = results == null ? Map.of() : index(results);
    String source = results != null ? "expectedResults" : hasInlineAnswers(main) ? "internalProjection" : "none";
    List<AcvpCase> cases = new ArrayList<>();
    int joined = 0;
    for (JsonElement ge : array(main, "testGroups")) {
      JsonObject g = object(ge, "test group");
      int tgId = integer(g, "tgId");
      for (JsonElement te : array(g, "tests")) {
        JsonObject t = object(te, "test").deepCopy();
        int tcId = integer(t, "tcId");
        JsonObject a = answers.get(key(tgId, tcId));
        if (a != null) {
          joined++;
          for (Map.Entry<String, JsonElement> e : a.entrySet()) {
            if (!t.has(e.getKey())) {
              t.add(e.getKey(), e.getValue());
            }
          }
        }
        try {
          cases.add(AcvpCases.parse(kind, g, t, tgId, tcId));
        } catch (VectorFormatException e) {
          throw new VectorFormatException("tg" + tgId + "/tc" + tcId + ": " + e.getMessage(), e);
        }
      }
    }
    if (joined != answers.size()) {
      throw new VectorFormatException(
          (answers.size() - joined) + " expected results have no matching prompt case (tgId/tcId)");
    }
    return new AcvpVectorSet(header, kind, source, cases);
  }

  private static AcvpHeader header(JsonObject o) throws VectorFormatException {
    long vsId = VectorIo.optLong(o, "vsId", -1);
    Boolean sample = optBool(o, "isSample");
    String revision = optStr(o, "revision");
    return new AcvpHeader(vsId, str(o, "algorithm"), str(o, "mode"), revision == null ? "" : revision,
        Boolean.TRUE.equals(sample));
  }

  private static Map<Long, JsonObject> index(JsonObject results) throws VectorFormatException {
    Map<Long, JsonObject> m = new HashMap<>();
    for (JsonElement ge : array(results, "testGroups")) {
      JsonObject g = object(ge, "results group");
      int tgId = integer(g, "tgId");
      for (JsonElement te : array(g, "tests")) {
        JsonObject t = object(te, "result");
        if (m.put(key(tgId, integer(t, "tcId")), t) != null) {
          throw new VectorFormatException("duplicate result tg" + tgId + "/tc" + integer(t, "tcId"));
        }
      }
    }
    return m;
  }

  private static long key(int tgId, int tcId) {
    return ((long) tgId << 32) | (tcId & 0xffffffffL);
  }
}
