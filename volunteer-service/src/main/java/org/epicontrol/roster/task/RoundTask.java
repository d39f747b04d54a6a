package org.epicontrol.roster.task;

/** A door-to-door task wanted for one household of a testing round: at its building, named by its address label. */
public record RoundTask(long householdId, long buildingId, String household) {
}
