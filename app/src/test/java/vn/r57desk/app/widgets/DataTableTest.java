package vn.r57desk.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which column titles go onto two lines when a table's columns do not fit (no toolkit needed). */
class DataTableTest {
    // Column 0 is the name (flexes); the others save 10, 40 and 25 pixels on two lines.
    private static final double[] FULL = {300, 60, 140, 100};
    private static final double[] COMPACT = {300, 50, 100, 75};

    /** An exported file's name says what it is and the date of its figures. */
    @Test
    void anExportsFileNameSaysWhatAndAsOfWhen() {
        assertThat(DataTable.fileName("Sáng kiến (30)", java.time.LocalDate.of(2026, 11, 20))).isEqualTo("sang-kien-30-2026-11-20.csv");
        assertThat(DataTable.fileName("Sáng kiến", null)).isEqualTo("sang-kien.csv");
    }

    @Test
    void nothingWrapsWhenTheColumnsFit() {
        assertThat(DataTable.wrappedTitles(FULL, COMPACT, 0, 0)).containsExactly(false, false, false, false);
        assertThat(DataTable.wrappedTitles(FULL, COMPACT, 0, -50)).containsExactly(false, false, false, false);
    }

    @Test
    void theTitleThatSavesMostWrapsFirstAndOnlyAsManyAsNeeded() {
        assertThat(DataTable.wrappedTitles(FULL, COMPACT, 0, 30)).containsExactly(false, false, true, false);
        assertThat(DataTable.wrappedTitles(FULL, COMPACT, 0, 41)).containsExactly(false, false, true, true);
        assertThat(DataTable.wrappedTitles(FULL, COMPACT, 0, 70)).containsExactly(false, true, true, true);
    }

    @Test
    void theNameNeverWrapsAndTitlesThatSaveNothingStayOnOneLine() {
        double[] full = {300, 60, 140};
        double[] compact = {200, 60, 100};
        assertThat(DataTable.wrappedTitles(full, compact, 0, 500)).containsExactly(false, false, true);
    }
}
