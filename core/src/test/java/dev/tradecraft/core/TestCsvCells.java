package dev.tradecraft.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TestCsvCells
{
    @Test
    void testFormulaStartsAreNeutralised()
    {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvCells.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+cmd", CsvCells.cell("+cmd"));
        assertEquals("'-2+3", CsvCells.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
    }

    @Test
    void testQuotingWhenNeeded()
    {
        assertEquals("plain", CsvCells.cell("plain"));
        assertEquals("\"a,b\"", CsvCells.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.cell("two\nlines"));
        assertEquals("\"'=1,2\"", CsvCells.cell("=1,2"));
    }
}
