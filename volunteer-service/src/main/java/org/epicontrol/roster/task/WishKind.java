package org.epicontrol.roster.task;

public enum WishKind {
    MEDICINE, SUPPLIES, OTHER
}
