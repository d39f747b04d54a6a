package org.epicontrol.roster.task;

public enum TaskKind {
    DOOR_TO_DOOR_TESTING, SUPPLY_DELIVERY, MEDICINE_PURCHASE, TRANSPORT, OTHER
}
