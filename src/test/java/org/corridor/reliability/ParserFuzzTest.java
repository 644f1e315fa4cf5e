package org.corridor.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.corridor.DomainException;
import org.corridor.csv.CsvFormatException;
import org.corridor.csv.CsvReader;
import org.corridor.money.Currency;
import org.corridor.money.Money;
import org.corridor.payments.Bic;
import org.corridor.payments.Iban;
import org.corridor.payments.Pacs008;
import org.corridor.screening.EntityType;
import org.corridor.screening.ListFormat;
import org.corridor.screening.ListFormatException;
import org.corridor.screening.ListReader;
import org.corridor.screening.ListSnapshot;
import org.corridor.screening.ListedEntity;
import org.corridor.screening.Party;
import org.corridor.screening.SanctionsList;
import org.corridor.screening.Screener;
import org.corridor.screening.ScreeningOutcome;
import org.corridor.screening.ShippedLists;

/**
 * Every parser of outside input, fed broken, truncated and hostile versions of what it reads: the
 * answer is a result or the parser's own named refusal, never an unexpected exception (a null
 * pointer, an index out of range, a stack overflow). And names dressed up to slip past screening
 * (look-alike letters, invisible characters, spacing and case tricks) still find their entity.
 */
class ParserFuzzTest {

    private static Screener screener;
    private static List<ListedEntity> people;
    private static String unSample;

    @BeforeContainer
    static void load() throws IOException {
        List<ListSnapshot> un = ShippedLists.load(Set.of(SanctionsList.UN));
        screener = Screener.ofSnapshots(un);
        people = un.get(0).entities().stream()
                .filter(entity -> entity.type() == EntityType.PERSON)
                .filter(entity -> entity.primaryName().split(" ").length >= 2)
                .filter(entity -> entity.primaryName().chars().allMatch(c -> c < 128))
                .limit(300)
                .toList();
        try (var in = ParserFuzzTest.class.getResourceAsStream("/screening/un-small.xml")) {
            unSample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Property(tries = 300)
    void the_csv_reader_answers_records_or_a_refusal_with_a_line(@ForAll("csvTexts") String text) {
        CsvReader reader = CsvReader.of(new StringReader(text), ',', 256, 1024);
        try {
            int records = 0;
            while (reader.next().isPresent()) {
                records++;
            }
            assertThat(records).isLessThanOrEqualTo(text.length() + 1);
        } catch (CsvFormatException refused) {
            assertThat(refused.getMessage()).containsPattern("line \\d+");
        }
    }

    @Property(tries = 150)
    void the_un_list_parser_refuses_damaged_files_by_element_and_line(@ForAll("damagedXml") String xml)
            throws IOException {
        Path file = Files.createTempFile("un-fuzz", ".xml");
        try {
            Files.writeString(file, xml);
            ListReader.read(ListFormat.UN_XML, file);
        } catch (ListFormatException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } catch (UncheckedIOException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Property(tries = 200)
    void payment_messages_amounts_ibans_and_bics_are_parsed_or_refused_by_name(@ForAll("hostileText") String text) {
        for (Runnable parse : List.<Runnable>of(
                () -> Pacs008.read(text),
                () -> Pacs008.read("<?xml version=\"1.0\"?><Document>" + text + "</Document>"),
                () -> Money.parse(text, Currency.IQD),
                () -> Money.parse(text, Currency.EUR),
                () -> Money.parse(text),
                () -> Iban.parse(text),
                () -> Bic.parse(text))) {
            try {
                parse.run();
            } catch (DomainException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    @Property(tries = 200)
    void names_dressed_to_evade_screening_still_find_their_entity(
            @ForAll("listedPeople") ListedEntity listed, @ForAll("evasions") Evasion evasion) {
        String disguised = evasion.apply(listed.primaryName());
        ScreeningOutcome outcome = screener.screen(Party.named(disguised).withType(EntityType.PERSON));
        assertThat(outcome.hits())
                .as(evasion + ": '" + disguised + "' for " + listed.primaryName())
                .anySatisfy(hit -> assertThat(hit.entityId()).isEqualTo(listed.id()));
    }

    /** Ways people write a listed name so that a naive comparison misses it. */
    enum Evasion {
        ZERO_WIDTH {
            String apply(String name) {
                return name.replace("a", "a\u200B").replace("e", "\u200De").replace(" ", " \u2060");
            }
        },
        CYRILLIC_LOOKALIKES {
            String apply(String name) {
                return name.replace('a', '\u0430')
                        .replace('o', '\u043E')
                        .replace('e', '\u0435')
                        .replace('A', '\u0410')
                        .replace('O', '\u041E')
                        .replace('E', '\u0415');
            }
        },
        BIDI_CONTROLS {
            String apply(String name) {
                return "\u202A" + name.replace(" ", "\u200E \u200F") + "\u202C";
            }
        },
        SPACING_AND_CASE {
            String apply(String name) {
                return "  " + name.toLowerCase(java.util.Locale.ROOT).replace(" ", "   \t ") + " ";
            }
        },
        FULL_WIDTH {
            String apply(String name) {
                StringBuilder out = new StringBuilder();
                name.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : (char) c));
                return out.toString();
            }
        },
        PUNCTUATION {
            String apply(String name) {
                return name.replace(" ", " - ") + ".";
            }
        };

        abstract String apply(String name);
    }

    @Provide
    Arbitrary<ListedEntity> listedPeople() {
        return Arbitraries.of(people);
    }

    @Provide
    Arbitrary<Evasion> evasions() {
        return Arbitraries.of(Evasion.class);
    }

    @Provide
    Arbitrary<String> csvTexts() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab,\"\r\n\u001a\uFEFF é").ofMaxLength(12),
                Arbitraries.strings().withChars("x").ofMinLength(200).ofMaxLength(400));
        return field.list().ofMaxSize(12).map(fields -> String.join("", fields));
    }

    @Provide
    Arbitrary<String> damagedXml() {
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 4_000);
        Arbitrary<String> insert = Arbitraries.of(
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                "<!DOCTYPE lol [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>",
                "&e;",
                "<INDIVIDUAL>",
                "</CONSOLIDATED_LIST>",
                "<DATE_OF_BIRTH>not a date</DATE_OF_BIRTH>",
                "\u0000",
                "<![CDATA[",
                "<" + "a>".repeat(2_000),
                "");
        return Combinators.combine(cut, insert, Arbitraries.of(true, false)).as((at, text, truncate) -> {
            int position = Math.min(at, unSample.length());
            String head = unSample.substring(0, position);
            return truncate ? head + text : head + text + unSample.substring(position);
        });
    }

    @Provide
    Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withChars("0123456789.,-+eE ").ofMaxLength(40),
                Arbitraries.of(
                        "-0",
                        "-0.00",
                        "92233720368547758.08",
                        "9".repeat(400),
                        "1.0001",
                        "EUR 1.001",
                        "IQD -1",
                        "CH93 0076 2011 6238 5295 7",
                        "CH9300762011623852958",
                        "GB82WEST1234569876543\u200B2",
                        "UBSWCHZH80A",
                        "UBSWCHZH",
                        "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>",
                        "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pacs.008.001.09\">" + "<a>".repeat(5_000),
                        ""));
    }
}
