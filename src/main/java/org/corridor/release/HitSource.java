package org.corridor.release;

/**
 * What raised a screening hit: the party's name against a listed entity, the 50 Percent Rule on
 * its owners, or a vessel's red flags. {@link ScreeningHit#source()} carries its name.
 */
public enum HitSource {
    NAME,
    OWNERSHIP,
    VESSEL
}
