package org.corridor.screening;

/** The published lists Corridor screens against. */
public enum SanctionsList {
    /** OFAC Specially Designated Nationals and Blocked Persons. */
    OFAC_SDN,
    /** OFAC Consolidated (non-SDN) Sanctions List: SSI, NS-ISA, FSE, NS-MBS, CMIC and others. */
    OFAC_NON_SDN,
    /** UN Security Council Consolidated List. */
    UN,
    /** UK HM Treasury / OFSI Consolidated List of Financial Sanctions Targets. */
    UK,
    /** EU Consolidated Financial Sanctions File. */
    EU,
    /**
     * OpenSanctions' FollowTheMoney entities (entities.ftm.json): one more source, merged from many
     * lists, imported from a file the channel has the right to use. Nothing of it is shipped.
     */
    OPENSANCTIONS
}
