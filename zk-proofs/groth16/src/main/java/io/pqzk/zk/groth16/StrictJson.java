package io.pqzk.zk.groth16;

import io.pqzk.zk.MalformedProofException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the JSON that ZoKrates writes (RFC 8259 grammar, and less): ASCII only, no
 * comments, no escape sequences or control characters in strings, no duplicate member names, no
 * trailing commas, nothing before or after the document but JSON whitespace, at most {@link
 * #MAX_DEPTH} nested containers. The caller bounds the text's length before calling, so the tree
 * built here is bounded too.
 *
 * <p>Every value carries its path ({@code proof.inputs[3]}) so a later schema check can name it.
 * Messages never repeat input beyond printable ASCII: a character outside it is named by its code
 * point, and member names are cut short, so a message stays one safe line on a terminal.
 */
final class StrictJson {
  /** ZoKrates' documents nest four containers deep: the root, proof, proof.b, proof.b[0]. */
  static final int MAX_DEPTH = 6;

  sealed interface Value permits Obj, Arr, Str, Scalar {
    String path();
  }

  /** An object; its members in document order. */
  record Obj(String path, Map<String, Value> members) implements Value {}

  record Arr(String path, List<Value> items) implements Value {}

  record Str(String path, String value) implements Value {}

  /** A number, {@code true}, {@code false} or {@code null}, kept as written. */
  record Scalar(String path, String token) implements Value {}

  private final String text;
  private final String document;
  private int pos;

  private StrictJson(String text, String document) {
    this.text = text;
    this.document = document;
  }

  /**
   * Parses {@code text}; {@code document} names it in messages ("proof"), {@code root} is the path
   * of its top value ("vk").
   */
  static Value parse(String text, String document, String root) throws MalformedProofException {
    StrictJson p = new StrictJson(text, document);
    p.whitespace(root);
    Value v = p.value(root, 0);
    p.whitespace(root);
    if (p.pos < text.length()) {
      throw p.error(root, "unexpected " + p.describeHere() + " after the end of the document");
    }
    return v;
  }

  private Value value(String path, int depth) throws MalformedProofException {
    if (pos >= text.length()) {
      throw error(path, "the document ends where a value was expected");
    }
    char ch = text.charAt(pos);
    switch (ch) {
      case '{':
        return object(path, depth + 1);
      case '[':
        return array(path, depth + 1);
      case '"':
        return new Str(path, string(path));
      case 't':
      case 'f':
      case 'n':
        return new Scalar(path, literal(path));
      default:
        if (ch == '-' || (ch >= '0' && ch <= '9')) {
          return new Scalar(path, number(path));
        }
        throw error(path, "unexpected " + describeHere() + " where a value was expected");
    }
  }

  private Obj object(String path, int depth) throws MalformedProofException {
    checkDepth(path, depth);
    pos++; // '{'
    Map<String, Value> members = new LinkedHashMap<>();
    whitespace(path);
    if (peek('}')) {
      pos++;
      return new Obj(path, Collections.unmodifiableMap(members));
    }
    while (true) {
      whitespace(path);
      if (!peek('"')) {
        throw error(path, "expected a member name in double quotes, found " + describeHere());
      }
      String name = string(path);
      String child = path + "." + name;
      if (members.containsKey(name)) {
        throw error(path, "duplicate member \"" + shorten(name) + "\"");
      }
      whitespace(path);
      expect(':', path);
      whitespace(path);
      members.put(name, value(child, depth));
      whitespace(path);
      if (peek(',')) {
        pos++;
        continue;
      }
      expect('}', path);
      return new Obj(path, Collections.unmodifiableMap(members));
    }
  }

  private Arr array(String path, int depth) throws MalformedProofException {
    checkDepth(path, depth);
    pos++; // '['
    List<Value> items = new ArrayList<>();
    whitespace(path);
    if (peek(']')) {
      pos++;
      return new Arr(path, List.of());
    }
    while (true) {
      whitespace(path);
      items.add(value(path + "[" + items.size() + "]", depth));
      whitespace(path);
      if (peek(',')) {
        pos++;
        continue;
      }
      expect(']', path);
      return new Arr(path, Collections.unmodifiableList(items));
    }
  }

  /** A string of printable ASCII: ZoKrates writes hex, names and nothing that needs escaping. */
  private String string(String path) throws MalformedProofException {
    int start = ++pos; // after '"'
    while (pos < text.length()) {
      char ch = text.charAt(pos);
      if (ch == '"') {
        return text.substring(start, pos++);
      } else if (ch == '\\') {
        throw error(path, "escape sequences are not allowed in strings");
      } else if (ch < 0x20 || ch > 0x7e) {
        throw error(path, describeHere() + " is not allowed in a string (printable ASCII only)");
      }
      pos++;
    }
    throw error(path, "unterminated string");
  }

  private String literal(String path) throws MalformedProofException {
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, pos)) {
        pos += word.length();
        return word;
      }
    }
    throw error(path, "unexpected " + describeHere() + " where a value was expected");
  }

  /** RFC 8259 section 6: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
  private String number(String path) throws MalformedProofException {
    int start = pos;
    if (peek('-')) {
      pos++;
    }
    if (peek('0')) {
      pos++;
    } else if (digits() == 0) {
      throw error(path, "malformed number");
    }
    if (peek('.')) {
      pos++;
      if (digits() == 0) {
        throw error(path, "malformed number");
      }
    }
    if (peek('e') || peek('E')) {
      pos++;
      if (peek('+') || peek('-')) {
        pos++;
      }
      if (digits() == 0) {
        throw error(path, "malformed number");
      }
    }
    return text.substring(start, pos);
  }

  private int digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - start;
  }

  /** JSON whitespace; a comment, where some readers allow one, is refused by name. */
  private void whitespace(String path) throws MalformedProofException {
    while (pos < text.length()) {
      char ch = text.charAt(pos);
      if (ch == '/') {
        throw error(path, "comments are not allowed");
      } else if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
        return;
      }
      pos++;
    }
  }

  private boolean peek(char ch) {
    return pos < text.length() && text.charAt(pos) == ch;
  }

  private void expect(char ch, String path) throws MalformedProofException {
    if (!peek(ch)) {
      throw error(path, "expected '" + ch + "', found " + describeHere());
    }
    pos++;
  }

  private void checkDepth(String path, int depth) throws MalformedProofException {
    if (depth > MAX_DEPTH) {
      throw error(path, "nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private String describeHere() {
    if (pos >= text.length()) {
      return "the end of the document";
    }
    return describe(text.codePointAt(pos));
  }

  /** A character for a message: printable ASCII quoted, anything else by its code point. */
  static String describe(int cp) {
    if (cp >= 0x20 && cp <= 0x7e) {
      return "'" + (char) cp + "'";
    }
    String kind = cp < 0x80 ? "control character " : "non-ASCII character ";
    return kind + String.format("U+%04X", cp);
  }

  static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private MalformedProofException error(String path, String what) {
    return new MalformedProofException(
        document + " is not strict JSON: " + shorten(path) + ": " + what + " (" + where(text, pos)
            + ")");
  }

  /**
   * The value as ZoKrates lays it out: compact (no whitespace, as zokrates-js returns it) or
   * pretty (the ZoKrates CLI's and {@code JSON.stringify(v, null, 2)}'s: one member or element per
   * line, two spaces of indentation per level, {@code ": "} after a name, no final line feed).
   */
  static String render(Value v, boolean pretty) {
    StringBuilder out = new StringBuilder();
    render(v, pretty, 0, out);
    return out.toString();
  }

  private static void render(Value v, boolean pretty, int level, StringBuilder out) {
    if (v instanceof Str s) {
      out.append('"').append(s.value()).append('"');
    } else if (v instanceof Scalar s) {
      out.append(s.token());
    } else if (v instanceof Arr a) {
      out.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        separator(out, pretty, level + 1, i == 0);
        render(a.items().get(i), pretty, level + 1, out);
      }
      close(out, ']', pretty, level, a.items().isEmpty());
    } else if (v instanceof Obj o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Value> m : o.members().entrySet()) {
        separator(out, pretty, level + 1, first);
        first = false;
        out.append('"').append(m.getKey()).append(pretty ? "\": " : "\":");
        render(m.getValue(), pretty, level + 1, out);
      }
      close(out, '}', pretty, level, o.members().isEmpty());
    }
  }

  private static void separator(StringBuilder out, boolean pretty, int level, boolean first) {
    if (!first) {
      out.append(',');
    }
    if (pretty) {
      out.append('\n').append("  ".repeat(level));
    }
  }

  private static void close(StringBuilder out, char bracket, boolean pretty, int level,
      boolean empty) {
    if (pretty && !empty) {
      out.append('\n').append("  ".repeat(level));
    }
    out.append(bracket);
  }

  /** "line L, column C" of a character offset, both counted from 1. */
  static String where(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (offset - lineStart + 1);
  }
}
