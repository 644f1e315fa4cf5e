package org.corridor.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Downloads one list file to disk, refusing anything but a complete 200 response: an HTTP error,
 * a timeout, a body shorter than its Content-Length or an empty body (for a primary file) is a {@link Failed} with a
 * one-line reason, and the partial file is deleted.
 */
final class ListsDownloader {

    /** A download that did not give a complete file. */
    static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    /** A file on disk and the date the server says it was last modified, if it says. */
    record Downloaded(Path file, Optional<String> lastModified) {}

    private final HttpClient client;
    private final Duration timeout;

    ListsDownloader(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(Math.min(30, Math.max(1, timeout.toSeconds()))))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** @param mayBeEmpty whether an empty body is a complete file (a companion file with no rows) */
    Downloaded download(String url, Path target, boolean mayBeEmpty) throws Failed, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new Failed("not a URL: " + url);
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new Failed("not an http(s) URL: " + url);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "corridor-lists-update")
                .GET()
                .build();
        try {
            return fetch(request, url, target, mayBeEmpty);
        } catch (Failed e) {
            deleteQuietly(target); // never leave a partial file where a parser could read it
            throw e;
        }
    }

    private Downloaded fetch(HttpRequest request, String url, Path target, boolean mayBeEmpty)
            throws Failed, InterruptedException {
        try {
            // The request timeout only covers the wait for the headers; a body that stalls half way
            // would hang for ever, so the whole exchange gets the same bound.
            java.util.concurrent.CompletableFuture<HttpResponse<Path>> exchange =
                    client.sendAsync(request, HttpResponse.BodyHandlers.ofFile(target));
            HttpResponse<Path> response;
            try {
                response = exchange.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                exchange.cancel(true);
                throw new Failed("timed out after " + timeout.toSeconds() + " s: " + url);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof java.net.http.HttpTimeoutException) {
                    throw new Failed("timed out after " + timeout.toSeconds() + " s: " + url);
                }
                throw new Failed("download of " + url + " failed: "
                        + (cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage()));
            }
            if (response.statusCode() != 200) {
                throw new Failed("HTTP " + response.statusCode() + " from " + url);
            }
            long size = Files.size(target);
            Optional<Long> expected =
                    response.headers().firstValue("Content-Length").flatMap(ListsDownloader::number);
            if (expected.isPresent() && expected.get() != size) {
                throw new Failed("truncated body from " + url + ": " + size + " of " + expected.get() + " bytes");
            }
            if (size == 0 && !mayBeEmpty) {
                throw new Failed("empty body from " + url);
            }
            return new Downloaded(
                    target, response.headers().firstValue("Last-Modified").flatMap(ListsDownloader::date));
        } catch (IOException e) {
            throw new Failed("download of " + url + " failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file; the folder is removed afterwards anyway.
        }
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code Last-Modified} as an ISO date in UTC. */
    private static Optional<String> date(String header) {
        try {
            return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDate()
                    .toString());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
