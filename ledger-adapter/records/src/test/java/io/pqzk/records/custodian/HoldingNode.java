package io.pqzk.records.custodian;

import io.pqzk.records.service.CustodianNode;
import io.pqzk.records.service.CustodianServer;
import io.pqzk.records.service.NodeLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The custodian service as {@code CustodianNode} runs it, but stopping at the one point between
 * an access event becoming final and the document leaving: it prints {@code EVENT-FINAL <tx>
 * <height>} and waits there (on its standard input, which nobody writes to) until it is killed.
 * Arguments as {@link CustodianNode#main}.
 */
public final class HoldingNode {
  private HoldingNode() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    char[] pass = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip()
        .toCharArray();
    ReleaseHook hold = (tx, height) -> {
      System.out.println("EVENT-FINAL " + HexFormat.of().formatHex(tx) + " " + height);
      System.out.flush();
      try {
        while (System.in.read() >= 0) {
          // held here until killed
        }
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      throw new IllegalStateException("standard input closed while holding a release");
    };
    try (CustodianNode node = CustodianNode.open(data, null, pass, hold);
        CustodianServer server = node.serve(NodeLayout.tls(data), args[2],
            Integer.parseInt(args[3]), pass, line -> System.err.println("pqzk custodian: "
                + line))) {
      System.out.println("listening on " + args[2] + ":" + server.port());
      System.out.flush();
      server.awaitTermination();
    }
  }
}
