/**
 * The benchmarks behind {@code ./corridor bench ledger|audit|screening} and {@code ownership bench}:
 * each on a fresh durable embedded database, timing rounds by hand and printing the median round as
 * one line per case ({@code CASE tps=N p50_ms=X p99_ms=Y vs_baseline=R}); also the synthetic
 * ownership graph they and the large-graph test use. No feature depends on this package, and it
 * knows nothing of the command line.
 */
package org.corridor.bench;
