package io.pqzk.replication;

import java.nio.file.Path;

/**
 * Runs one node in this process until it is stopped: {@code java ... NodeLauncher node.json}.
 * {@code pqzk node start} is the operator's command and does the same; this entry point lets the
 * module's own tests start real node processes without the command line.
 */
public final class NodeLauncher {
  private NodeLauncher() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: NodeLauncher node.json");
      System.exit(2);
    }
    int code = run(Path.of(args[0]));
    System.exit(code);
  }

  /** Starts the node, prints one line when it listens, and waits until it stops. */
  public static int run(Path config) throws Exception {
    LedgerNode node;
    try {
      node = LedgerNode.start(NodeSettings.load(config));
    } catch (ConfigException e) {
      System.err.println("pqzk: " + e.getMessage().lines().findFirst().orElse(""));
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
      } catch (java.io.IOException e) {
        System.err.println("pqzk: stopping: " + e.getMessage());
      }
    }, "pqzk-node-stop"));
    System.out.println("node " + node.settings().nodeId() + " listening: replication "
        + NodeSettings.text(node.settings().raft()) + ", client API "
        + NodeSettings.text(node.settings().api()));
    System.out.flush();
    node.awaitTermination();
    return 0;
  }
}
