/**
 * Users, their roles and their API tokens. A token is shown once when issued and stored only as its
 * SHA-256 hash; one role matrix ({@link org.corridor.identity.RoleMatrix}) decides which permissions
 * each role holds. Knows nothing of HTTP.
 */
package org.corridor.identity;
