package io.pqzk.replication;

/**
 * A node or network configuration that cannot be used; the message names the field. It quotes
 * names and paths from the file, so control characters in them are shown as {@code \\uXXXX}:
 * the message stays one line on a terminal.
 */
public final class ConfigException extends ReplicationException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(oneLine(message));
  }

  public ConfigException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  static String oneLine(String m) {
    StringBuilder b = new StringBuilder(m.length());
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
