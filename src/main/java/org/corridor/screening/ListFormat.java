package org.corridor.screening;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The published file formats Corridor can read, with the names used on the command line. */
public enum ListFormat {
    /** OFAC legacy CSV: a folder with sdn.csv (+ add.csv, alt.csv, sdn_comments.csv) and/or cons_*.csv. */
    OFAC_CSV("ofac-csv"),
    /** UN Security Council Consolidated List XML. */
    UN_XML("un-xml"),
    /** HM Treasury / OFSI Consolidated List CSV. */
    UK_CSV("uk-csv"),
    /** EU Financial Sanctions File CSV, old or current layout. */
    EU_CSV("eu-csv"),
    /** OpenSanctions FollowTheMoney entities, one JSON object per line (entities.ftm.json). */
    FTM_JSON("ftm");

    private final String cliName;

    ListFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Reads {@code ofac-csv}, {@code un-xml}, {@code uk-csv}, {@code eu-csv} or {@code ftm}. */
    public static ListFormat fromCliName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (ListFormat format : values()) {
            if (format.cliName.equals(key)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown list format '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ListFormat::cliName).collect(Collectors.joining(", ")));
    }
}
