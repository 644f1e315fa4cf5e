/**
 * Vessel screening (FR-23): vessels by IMO number with their flag, registered owner and manager,
 * risk indicators supplied as data (AIS gaps, ship-to-ship transfers, flag changes), and the
 * screening that weighs them under versioned rules. Owners and managers are assessed through the
 * ownership feature's 50 Percent Rule; list hits come through its listing port.
 */
package org.corridor.vessel;
