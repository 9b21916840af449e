package vn.r57desk.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverviewTilesTest {
    @Test
    void projectorTilesGiveAFewPixelsForASecondColumnOnA1024PixelProjector() {
        // 1024 minus the sidebar, the content's padding and the scroll bar leave ~760 pixels
        assertThat(OverviewScreen.tileWidth(760, 16, 380)).isEqualTo(372);
    }

    @Test
    void tilesNeverGrowAndNeverShrinkMuchJustToAddAColumn() {
        assertThat(OverviewScreen.tileWidth(1177, 16, 300)).as("three at full width, not four squeezed").isEqualTo(300);
        assertThat(OverviewScreen.tileWidth(1600, 16, 380)).as("room to spare: the theme's width").isEqualTo(380);
        assertThat(OverviewScreen.tileWidth(700, 16, 380)).as("two would lose 10 %: one at full width").isEqualTo(380);
    }

    @Test
    void aRowNarrowerThanOneTileGetsOneTileItsWidth() {
        assertThat(OverviewScreen.tileWidth(300, 16, 380)).isEqualTo(300);
        assertThat(OverviewScreen.tileWidth(0, 16, 380)).as("not laid out yet").isEqualTo(380);
    }

    /** A headline KPI's tile says when its status rests on an old value (issue 22 item 8). */
    @Test
    void aTileSaysItsStatusRestsOnAnOldValue() {
        var k = vn.r57desk.app.common.FiguresWordingTest.kpi(">=30");
        var ctx = vn.r57desk.app.common.FiguresWordingTest.ctx(false, java.time.LocalDate.of(2026, 11, 20));
        assertThat(OverviewScreen.periodLine(ctx, vn.r57desk.app.common.FiguresWordingTest.status(k, 7))).isEqualTo("Kỳ 04/2026 · số liệu cũ 7 tháng");
        assertThat(OverviewScreen.periodLine(ctx, vn.r57desk.app.common.FiguresWordingTest.status(k, 0))).isEqualTo("Kỳ 04/2026");
    }
}
