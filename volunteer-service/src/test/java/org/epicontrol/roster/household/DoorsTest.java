package org.epicontrol.roster.household;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One way of writing a unit and a room, whoever types them. */
class DoorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2|2单元", "2单元|2单元", "02|2单元", " 2 单元 |2单元", "２单元|2单元", "２|2单元", "10|10单元", "0|0单元",
            "东单元|东单元", "A座|A座", "Ａ座|A座", "''|''", "'  '|''"})
    void unitsWithTheSameNumberAreOneUnit(String typed, String stored) {
        assertEquals(stored, Doors.unitLabel(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "301|301", "301室|301", "３０１|301", " 3 01 |301", "301号|301", "b101|B101", "地下室|地下室", "1-2|1-2"})
    void roomsAreWrittenOneWay(String typed, String stored) {
        assertEquals(stored, Doors.room(typed));
    }
}
