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
    /**
     * Optional columns give way, last marked first, only when the name would otherwise be cut below
     * its floor with every title already wrapped; wider, they come back. FULL/COMPACT: the others
     * take 300 px on one line, 225 with every title wrapped.
     */
    @Test
    void optionalColumnsGiveWayLastMarkedFirstOnlyWhenTheNameWouldBeCutBelowItsFloor() {
        java.util.List<Integer> optional = java.util.List.of(1, 3); // marked: column 1, then column 3
        assertThat(DataTable.fit(FULL, COMPACT, 0, optional, 600, 200).hidden()).as("all fit").containsExactly(false, false, false, false);
        assertThat(DataTable.fit(FULL, COMPACT, 0, optional, 425, 200).hidden()).as("the name keeps 200 with titles wrapped")
                .containsExactly(false, false, false, false);
        assertThat(DataTable.fit(FULL, COMPACT, 0, optional, 400, 200).hidden()).as("column 3 goes first")
                .containsExactly(false, false, false, true);
        assertThat(DataTable.fit(FULL, COMPACT, 0, optional, 300, 200).hidden()).as("then column 1")
                .containsExactly(false, true, false, true);
        assertThat(DataTable.fit(FULL, COMPACT, 0, optional, 200, 200).hidden()).as("never a column not marked")
                .containsExactly(false, true, false, true);
        assertThat(DataTable.fit(FULL, COMPACT, 0, java.util.List.of(), 200, 200).hidden()).containsExactly(false, false, false, false);
    }
}
