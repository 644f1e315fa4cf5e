package org.corridor.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;

/**
 * Resolves country names, adjectives and ISO codes to ISO 3166 alpha-2 codes. Lists write the same
 * country many ways ("Korea, North", "Democratic People's Republic of Korea", "DPRK", "North
 * Korean"); comparing nationalities needs one code. Thread-safe: the table is built once.
 */
final class Countries {

    private static final Map<String, String> CODES = load();

    private Countries() {}

    /** The alpha-2 code for a country name, adjective or ISO alpha-2/alpha-3 code, if recognised. */
    static Optional<String> isoCode(String text) {
        String key = key(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String code = CODES.get(key);
        if (code == null && key.startsWith("the ")) {
            code = CODES.get(key.substring(4));
        }
        return Optional.ofNullable(code);
    }

    private static final java.util.Set<String> FORMER_STATES = java.util.Set.of("SU", "YU", "CS", "DD");

    /** Whether the code is one of a state that has split into several (USSR, Yugoslavia, ...). */
    static boolean isFormerState(String isoCode) {
        return FORMER_STATES.contains(isoCode);
    }

    /** The English short name for an alpha-2 code, or the code itself when unknown. */
    static String displayName(String isoCode) {
        String name = new Locale("", isoCode).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() ? isoCode : name;
    }

    static String key(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019' || c == '.') {
                continue;
            }
            if (c == '&') {
                if (!space) {
                    out.append(' ');
                }
                out.append("and ");
                space = true;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    private static Map<String, String> load() {
        Map<String, String> codes = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            codes.putIfAbsent(key(code), code);
            try {
                codes.putIfAbsent(key(locale.getISO3Country()), code);
            } catch (MissingResourceException e) {
                // A few codes have no alpha-3 form in the JDK; the alpha-2 code still resolves.
            }
            String name = locale.getDisplayCountry(Locale.ENGLISH);
            codes.putIfAbsent(key(name), code);
            // The JDK writes "Congo - Kinshasa" and "Myanmar (Burma)"; index the part before the
            // qualifier as well, unless another country already claims it.
            int qualifier = name.indexOf(" - ") >= 0 ? name.indexOf(" - ") : name.indexOf(" (");
            if (qualifier > 0) {
                codes.putIfAbsent(key(name.substring(0, qualifier)), code);
            }
        }
        codes.put("xk", "XK");
        codes.put("xkx", "XK");
        try (InputStream in = Countries.class.getResourceAsStream("/screening/countries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("resource /screening/countries.tsv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 2);
                String code = columns[0].strip();
                codes.put(key(code), code);
                if (columns.length > 1) {
                    for (String alias : columns[1].split("\\|")) {
                        codes.put(key(alias), code);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(codes);
    }
}
