/**
 * The dashboard edge: the operator's single-page dashboard served from the jar at {@code /}. Every
 * asset ships inside Corridor (no CDN, no outside request); the page signs in with a bearer token
 * and reads everything through the authenticated JSON API.
 */
package org.corridor.web;
