package vn.r57desk.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.i18n.Messages;

class TilesFormatTest {
    @Test
    void tileNumbersUseTheLanguagesSeparators() {
        assertThat(Tiles.numberFormat(Messages.VI, 0).format(12129)).isEqualTo("12.129");
        assertThat(Tiles.numberFormat(Messages.VI, 2).format(17.75)).isEqualTo("17,75");
        assertThat(Tiles.numberFormat(Messages.EN, 0).format(12129)).isEqualTo("12,129");
        assertThat(Tiles.numberFormat(Messages.EN, 2).format(1.5)).isEqualTo("1.50");
    }
}
