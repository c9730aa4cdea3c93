/**
 * The {@code pqzk} command line. Its commands, options and exit codes (0 ok, 1 verification
 * failed, 2 bad usage or input) are a contract scripts rely on, stated in {@code docs/CLI.md}.
 * Every file a command writes itself goes through {@link io.pqzk.common.DurableFiles} (only
 * {@code pqzk bench} leaves its raw JSON and charts to JMH and XChart); signature operations go
 * through {@code SigBridge} only. No other module may depend on this package
 * (checked by the architecture test of this module).
 */
package io.pqzk.cli;
