package org.corridor.vessel;

import java.util.Objects;
import java.util.Optional;
import org.corridor.InvalidInputException;
import org.corridor.ownership.PartyRef;

/** A vessel's particulars as given for registration, with the source that states them. */
public record VesselRegistration(
        Imo imo,
        String name,
        Optional<String> flagState,
        Optional<PartyRef> registeredOwner,
        Optional<PartyRef> manager,
        String source) {

    public VesselRegistration {
        Objects.requireNonNull(imo, "imo");
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidInputException("VESSEL_NAME_INVALID", "a vessel name is 1 to 200 characters");
        }
        flagState =
                flagState.map(flag -> RiskIndicator.flag("flag_state", flag)).filter(flag -> !flag.isEmpty());
        source = source == null ? "" : source.strip();
        if (source.isEmpty() || source.length() > 500) {
            throw new InvalidInputException("VESSEL_SOURCE_MISSING", "a vessel's particulars need a source");
        }
    }

    boolean sameAs(Vessel vessel) {
        return vessel.name().equals(name)
                && vessel.flagState().equals(flagState)
                && vessel.registeredOwner().equals(registeredOwner)
                && vessel.manager().equals(manager)
                && vessel.source().equals(source);
    }
}
