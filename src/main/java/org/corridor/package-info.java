/**
 * Corridor: a restricted-funds payment channel. The root package holds only the few failure types
 * that every feature may raise and every edge maps; the features live in sub-packages by concept
 * ({@code ledger}, {@code screening}, {@code authorisation}, ...) and the edges ({@code http},
 * {@code web}, {@code cli}, {@code db}) sit around them.
 */
package org.corridor;
