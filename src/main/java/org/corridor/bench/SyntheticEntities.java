package org.corridor.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.corridor.screening.Address;
import org.corridor.screening.EntityType;
import org.corridor.screening.Identifier;
import org.corridor.screening.IdentifierType;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.ListedName;
import org.corridor.screening.NameKind;
import org.corridor.screening.PartialDate;
import org.corridor.screening.SanctionsList;

/**
 * A list of made-up entities in the shape of the real lists, from a fixed seed: two thirds people
 * with birth dates, nationalities and passports, a third organisations with registration numbers
 * and legal forms; primary names, strong and weak aliases, and names in Arabic, Cyrillic and Han
 * script as the lists carry them. Names are built from syllables, so the vocabulary grows with
 * the list as a real one does. Listed as {@code OPENSANCTIONS}, the list an operator's large
 * import would be.
 */
final class SyntheticEntities {

    static final long SEED = 22;

    private static final String[] ONSETS = {
        "", "b", "d", "f", "g", "h", "j", "k", "kh", "l", "m", "n", "p", "r", "s", "sh", "t", "v", "w", "y", "z", "ch",
        "br", "dr", "gr", "st", "tr"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ia", "ey"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "m", "s", "d", "k", "ng", "sh", "t"};
    private static final String[] LEGAL_FORMS = {"LLC", "Ltd", "GmbH", "S.A.", "JSC", "Co.", "FZE", "Limited"};
    private static final String[] TRADES = {
        "Trading",
        "Shipping",
        "Industries",
        "Group",
        "Holding",
        "Bank",
        "Petroleum",
        "Logistics",
        "Exchange",
        "Engineering"
    };
    private static final String[] COUNTRIES = {
        "IR", "SY", "KP", "RU", "BY", "VE", "CU", "IQ", "LB", "AF", "YE", "SD", "LY", "MM", "CN", "AE", "TR", "PK"
    };
    private static final char[] ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".toCharArray();
    private static final char[] CYRILLIC = "абвгдежзиклмнопрстуфхцчшэюя".toCharArray();
    private static final char[] HAN = "金李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许".toCharArray();

    private SyntheticEntities() {}

    /** {@code count} entities, the same for the same count on any machine. */
    static ListSnapshot generate(int count) {
        Random random = new Random(SEED);
        List<ListedEntity> entities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entities.add(i % 3 == 2 ? organisation(i, random) : person(i, random));
        }
        return new ListSnapshot(SanctionsList.OPENSANCTIONS, "2026-01-01", digest(count), entities);
    }

    private static ListedEntity person(int n, Random random) {
        String family = word(random, 2 + random.nextInt(2));
        String given = word(random, 2);
        String middle = random.nextInt(3) == 0 ? " " + word(random, 2) : "";
        List<ListedName> names = new ArrayList<>();
        names.add(new ListedName(family.toUpperCase(Locale.ROOT) + ", " + given + middle, NameKind.PRIMARY));
        if (random.nextInt(2) == 0) {
            names.add(new ListedName(given + " " + respell(family, random), NameKind.STRONG_ALIAS));
        }
        if (random.nextInt(4) == 0) {
            names.add(new ListedName(given, NameKind.WEAK_ALIAS));
        }
        addScript(names, random);
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        List<PartialDate> births = List.of(
                random.nextInt(4) == 0
                        ? PartialDate.ofYear(1940 + random.nextInt(60))
                        : new PartialDate(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        List<Identifier> identifiers = random.nextInt(2) == 0
                ? List.of(Identifier.of(IdentifierType.PASSPORT, country + (10_000_000 + random.nextInt(89_999_999))))
                : List.of();
        return new ListedEntity(
                SanctionsList.OPENSANCTIONS,
                "syn-p-" + n,
                EntityType.PERSON,
                names,
                births,
                List.of(),
                List.of(country),
                List.of(),
                identifiers,
                List.of("SYNTHETIC"),
                List.of());
    }

    private static ListedEntity organisation(int n, Random random) {
        String name =
                capitalised(word(random, 2)) + " " + (random.nextBoolean() ? capitalised(word(random, 3)) + " " : "")
                        + TRADES[random.nextInt(TRADES.length)] + " " + LEGAL_FORMS[random.nextInt(LEGAL_FORMS.length)];
        List<ListedName> names = new ArrayList<>();
        names.add(new ListedName(name.toUpperCase(Locale.ROOT), NameKind.PRIMARY));
        if (random.nextInt(3) == 0) {
            names.add(new ListedName(
                    capitalised(word(random, 3)) + " " + TRADES[random.nextInt(TRADES.length)], NameKind.STRONG_ALIAS));
        }
        addScript(names, random);
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        return new ListedEntity(
                SanctionsList.OPENSANCTIONS,
                "syn-o-" + n,
                EntityType.ORGANISATION,
                names,
                List.of(),
                List.of(),
                List.of(country),
                List.of(new Address(word(random, 2) + " Street " + (1 + random.nextInt(200)), country)),
                List.of(Identifier.of(IdentifierType.REGISTRATION_NUMBER, Long.toString(1_000_000L + n))),
                List.of("SYNTHETIC"),
                List.of());
    }

    /** One entity in ten carries a name in Arabic, Cyrillic or Han script. */
    private static void addScript(List<ListedName> names, Random random) {
        if (random.nextInt(10) != 0) {
            return;
        }
        char[] letters = switch (random.nextInt(3)) {
            case 0 -> ARABIC;
            case 1 -> CYRILLIC;
            default -> HAN;
        };
        int words = 2 + random.nextInt(2);
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                name.append(' ');
            }
            int length = letters == HAN ? 1 + random.nextInt(2) : 3 + random.nextInt(4);
            for (int i = 0; i < length; i++) {
                name.append(letters[random.nextInt(letters.length)]);
            }
        }
        names.add(new ListedName(name.toString(), NameKind.ORIGINAL_SCRIPT));
    }

    private static String word(Random random, int syllables) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(ONSETS[random.nextInt(ONSETS.length)])
                    .append(VOWELS[random.nextInt(VOWELS.length)])
                    .append(CODAS[random.nextInt(CODAS.length)]);
        }
        return capitalised(word.toString());
    }

    /** Another romanisation of the same name: a vowel or a doubled letter changed. */
    private static String respell(String word, Random random) {
        int at = 1 + random.nextInt(Math.max(1, word.length() - 1));
        char letter = word.charAt(Math.min(at, word.length() - 1));
        String replacement = "aeiou".indexOf(letter) >= 0
                ? String.valueOf("eaiuo".charAt("aeiou".indexOf(letter)))
                : letter + "" + letter;
        return word.substring(0, Math.min(at, word.length() - 1))
                + replacement
                + word.substring(Math.min(at, word.length() - 1) + 1);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String digest(int count) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest(
                            ("synthetic-entities seed=" + SEED + " count=" + count).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
