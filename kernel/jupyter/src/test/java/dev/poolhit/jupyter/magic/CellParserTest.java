package dev.poolhit.jupyter.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellParserTest {
    @Test
    void javaOnlyCellIsOnePart() {
        assertEquals(List.of(new CellPart.Java("int x = 1;\nx\n")), CellParser.parse("int x = 1;\nx"));
    }

    @Test
    void lineMagicsSplitJavaAndKeepLineNumbers() {
        List<CellPart> parts = CellParser.parse("int a = 1;\n%trace 5 --into hits\nhits.rowCount()");
        assertEquals(3, parts.size());
        assertEquals(new CellPart.Java("int a = 1;\n"), parts.get(0));
        assertEquals(new CellPart.LineMagic("trace", "5 --into hits", 2), parts.get(1));
        assertEquals(new CellPart.Java("\n\nhits.rowCount()\n"), parts.get(2));
    }

    @Test
    void cellMagicTakesTheWholeCellEvenWithoutBody() {
        assertEquals(List.of(new CellPart.CellMagic("sql", "--db x", "select 1\n%not a line magic")),
                CellParser.parse("// comment first\n\n%%sql --db x\nselect 1\n%not a line magic"));
        assertEquals(List.of(new CellPart.CellMagic("sql", "", "")), CellParser.parse("%%sql"));
    }

    @Test
    void onlyColumnZeroPercentLetterIsAMagic() {
        assertTrue(CellParser.isLineMagic("%help"));
        assertFalse(CellParser.isLineMagic("  %help"));
        assertFalse(CellParser.isLineMagic("%2 == 0"));
        assertFalse(CellParser.isLineMagic("% help"));
        assertFalse(CellParser.isLineMagic("%"));
        assertEquals(List.of(new CellPart.Java("int r = 7\n  % 2;\n")), CellParser.parse("int r = 7\n  % 2;"));
    }

    @Test
    void blankJavaBetweenMagicsIsDropped() {
        assertEquals(List.of(new CellPart.LineMagic("help", "", 1), new CellPart.LineMagic("lsmagic", "", 3)),
                CellParser.parse("%help\n\n%lsmagic\n"));
    }
}
