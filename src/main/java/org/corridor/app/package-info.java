/**
 * The composition root: reads the configuration, opens the database and wires the features
 * together. Only the edges ({@code cli}, {@code http}, {@code web}) use it; no feature does.
 */
package org.corridor.app;
