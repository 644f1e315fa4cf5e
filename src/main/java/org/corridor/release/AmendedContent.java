package org.corridor.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.corridor.InvalidInputException;

/**
 * What an amendment asks for: the fields it replaces, and the request's content with them in
 * place. A part of a split request (-A) is amended on its own lines, not its sibling's.
 */
final class AmendedContent {

    private AmendedContent() {}

    /** The names of the fields the amendment replaces; refuses an amendment that replaces none. */
    static List<String> changedFields(Releases.Amendment amendment) {
        List<String> changed = new ArrayList<>();
        add(changed, "purchaser", amendment.purchaser());
        add(changed, "end_users", amendment.endUsers());
        add(changed, "vendor", amendment.vendor());
        add(changed, "vendor_account", amendment.vendorAccount());
        add(changed, "intermediary_bank", amendment.intermediaryBank());
        add(changed, "pay_from", amendment.payFrom());
        add(changed, "lines", amendment.lines());
        add(changed, "shipment", amendment.shipment());
        add(changed, "forwarder", amendment.forwarder());
        add(changed, "documents", amendment.documents());
        if (changed.isEmpty()) {
            throw new InvalidInputException(
                    "FIELD_MISSING",
                    "an amendment replaces at least one of purchaser, end_users, vendor, vendor_account,"
                            + " intermediary_bank, pay_from, lines, shipment, forwarder, documents");
        }
        return changed;
    }

    /** The request's content with the amendment's fields in place of its own. */
    static NewRequest of(RequestRow row, Releases.Amendment amendment) {
        NewRequest old = row.content();
        return new NewRequest(
                old.reference(),
                old.holder(),
                value(amendment.payFrom()).orElse(old.payFrom()),
                value(amendment.purchaser()).orElse(old.purchaser()),
                value(amendment.endUsers()).orElse(old.endUsers()),
                value(amendment.vendor()).orElse(old.vendor()),
                value(amendment.vendorAccount()).orElse(old.vendorAccount()),
                value(amendment.intermediaryBank()).isPresent() ? amendment.intermediaryBank() : old.intermediaryBank(),
                value(amendment.lines()).orElseGet(() -> ownLines(row)),
                old.incoterm(),
                value(amendment.shipment()).orElse(old.shipment()),
                value(amendment.forwarder()).isPresent() ? amendment.forwarder() : old.forwarder(),
                value(amendment.documents()).isPresent() ? amendment.documents() : old.documents());
    }

    /** The lines the row pays: all of a whole request, a part's own (by line id) for a split one. */
    private static List<NewRequest.LineInput> ownLines(RequestRow row) {
        if (row.parentReference().isEmpty()) {
            return row.content().lines();
        }
        Set<String> own = row.lines().lines().stream().map(ReleaseLine::line).collect(Collectors.toSet());
        return row.content().lines().stream()
                .filter(line -> line.line() != null && own.contains(line.line().trim()))
                .toList();
    }

    private static void add(List<String> changed, String name, Optional<?> field) {
        if (value(field).isPresent()) {
            changed.add(name);
        }
    }

    /** JSON leaves an absent optional field null: both mean "not amended". */
    private static <T> Optional<T> value(Optional<T> field) {
        return field == null ? Optional.empty() : field;
    }
}
