package org.corridor.vessel;

import java.util.List;
import java.util.Optional;
import org.corridor.ownership.PartyRef;

/**
 * A vessel to screen: its IMO number and/or name, and whatever else the caller knows. A registered
 * vessel's particulars and indicators are added to what the query gives; the query's own values win.
 */
public record VesselQuery(
        Optional<String> imo,
        Optional<String> name,
        Optional<String> flagState,
        Optional<PartyRef> registeredOwner,
        Optional<PartyRef> manager,
        List<RiskIndicator> indicators) {

    public VesselQuery {
        indicators = List.copyOf(indicators);
    }

    public static VesselQuery byImo(String imo) {
        return new VesselQuery(
                Optional.of(imo), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    public static VesselQuery of(String imo, String name) {
        return new VesselQuery(
                Optional.of(imo), Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
