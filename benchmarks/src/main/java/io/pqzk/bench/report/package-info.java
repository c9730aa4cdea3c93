/**
 * The report: JMH's JSON in, Markdown tables and PNG charts out. Figures are medians over every
 * measured iteration, and every ratio divides two rows of the same run, never figures from
 * different runs or machines.
 */
package io.pqzk.bench.report;
