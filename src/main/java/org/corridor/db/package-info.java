/**
 * The database edge: the connection pool, the Flyway migrations run from code, the Jdbi instance
 * the features' stores use, and the embedded PostgreSQL server that is Corridor's default
 * database. Nothing domain-specific lives here.
 */
package org.corridor.db;
