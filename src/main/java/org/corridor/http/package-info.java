/**
 * The HTTP edge: builds the Javalin server, authenticates every call but health and metrics,
 * checks each route's permission against the role matrix, maps every failure to RFC 9457 problem
 * details in one place, serves metrics and the OpenAPI description generated from the registered
 * routes. Features register their own routes through {@link org.corridor.http.Routes}.
 */
package org.corridor.http;
