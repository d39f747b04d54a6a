package org.epicontrol.notice.area;

public enum AreaKind {
    DISTRICT("D"), STREET("S"), COMPOUND("C"), SECTION("X"), BUILDING("B"), UNIT("U"), PART("P");

    private final String letter;

    AreaKind(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }
}
