package vn.r57desk.app.ministries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** How the ministries × systems grid shares a window's width (no toolkit needed). */
class MinistriesGridTest {
    // The six systems' headers: their longest words ("Governance", "Industry"…), and a cell's 96 pixels.
    private static final double[] HEADERS = {100, 80, 70, 42, 90, 80};
    private static final double GAP = 4;

    private static double total(double[] w) {
        return Arrays.stream(w).sum() + GAP * (w.length - 1);
    }

    @Test
    void aWideWindowGivesTheNamesOneLineAndTheCellsTheirWidth() {
        double[] w = MinistriesScreen.columnWidths(1200, GAP, 140, 300, HEADERS, 96);
        assertThat(w).containsExactly(300, 100, 96, 96, 96, 96, 96);
    }

    @Test
    void onA1024PixelWindowTheCellsGiveWayBeforeTheNamesAndEverythingFits() {
        // ~730 pixels beside the sidebar: the cells narrow to their headers' words, the names keep what is left
        double[] w = MinistriesScreen.columnWidths(730, GAP, 140, 300, HEADERS, 96);
        assertThat(Arrays.copyOfRange(w, 1, 7)).containsExactly(HEADERS);
        assertThat(w[0]).isEqualTo(730 - 24 - 462);
        assertThat(total(w)).isLessThanOrEqualTo(730);
    }

    @Test
    void theNamesTakeRoomFirstThenTheNarrowestCellsGrow() {
        double[] w = MinistriesScreen.columnWidths(800, GAP, 140, 300, HEADERS, 96);
        assertThat(w[0]).as("one line for the names").isEqualTo(300);
        // 14 pixels left: the narrowest column (42) takes them
        assertThat(w[4]).isEqualTo(56);
        assertThat(total(w)).isLessThanOrEqualTo(800);
    }

    @Test
    void belowTheMinimumsNoColumnGoesNarrowerThanItsLongestWord() {
        double[] w = MinistriesScreen.columnWidths(400, GAP, 140, 300, HEADERS, 96);
        assertThat(w[0]).isEqualTo(140);
        assertThat(Arrays.copyOfRange(w, 1, 7)).containsExactly(HEADERS);
    }
}
