package org.corridor.ownership;

/** What a party is: a company or other body, a natural person, or a ship. */
public enum PartyKind {
    ENTITY,
    PERSON,
    VESSEL
}
