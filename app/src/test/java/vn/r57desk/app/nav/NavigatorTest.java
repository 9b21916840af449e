package vn.r57desk.app.nav;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NavigatorTest {
    @Test
    void backAndForwardWalkTheHistoryLikeABrowser() {
        Navigator n = new Navigator();
        assertThat(n.current()).isEqualTo(new Place.Overview());
        assertThat(n.canGoBackProperty().get()).isFalse();
        n.go(new Place.Systems());
        n.go(new Place.SystemInitiatives(4));
        n.go(new Place.InitiativeDetail(17, 4));
        n.back();
        assertThat(n.current()).isEqualTo(new Place.SystemInitiatives(4));
        assertThat(n.canGoForwardProperty().get()).isTrue();
        n.forward();
        assertThat(n.current()).isEqualTo(new Place.InitiativeDetail(17, 4));
        n.back();
        n.go(new Place.Rankings()); // a new branch drops the forward history
        assertThat(n.canGoForwardProperty().get()).isFalse();
        n.back();
        n.back();
        n.back();
        assertThat(n.current()).isEqualTo(new Place.Overview());
        assertThat(n.canGoBackProperty().get()).isFalse();
        n.back(); // nothing further back: stays
        assertThat(n.current()).isEqualTo(new Place.Overview());
        n.go(new Place.Overview()); // same place is not a new history entry
        assertThat(n.canGoBackProperty().get()).isFalse();
    }

    @Test
    void theBreadcrumbFollowsTheDrillPath() {
        Place kpi = new Place.KpiSeries(3, 99, new Place.InitiativeDetail(17, 4));
        assertThat(Place.path(kpi)).containsExactly(new Place.Systems(), new Place.SystemInitiatives(4),
                new Place.InitiativeDetail(17, 4), kpi);
        Place commune = new Place.Commune(120, 1, 4, "Xã An Phú", "Commune An Phu");
        assertThat(Place.path(commune)).containsExactly(new Place.Localities(4), new Place.Province(1, 4), commune);
        assertThat(commune.section()).isEqualTo(new Place.Localities(4));
    }
}
