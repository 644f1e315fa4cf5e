/**
 * The demo: the worked scenario of docs/domain.md, from June's deliveries to the reports of 2024-09-30, played through
 * Corridor's own HTTP API by one user per role. {@link org.corridor.demo.Demo} is its face; the
 * scenario is split into its steps (set-up, settlement, releases, figures). No feature depends on
 * this package, and it knows nothing of the command line.
 */
package org.corridor.demo;
