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
}
