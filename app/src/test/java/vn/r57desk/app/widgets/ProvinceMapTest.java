package vn.r57desk.app.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.r57desk.store.geo.ProvinceShapes;

class ProvinceMapTest {
    @Test
    void pointsCloserThanAPixelFractionAreLeftOutButTheEndsStay() {
        // lon/lat pairs; 1 degree = 100 px in both directions here
        double[] ring = {0, 10, 0.001, 10, 0.002, 10.001, 0.5, 10, 0.501, 10, 1, 9, 1.0001, 9};
        List<Double> px = ProvinceMap.screenPoints(ring, 0, 10, 100, 100);
        assertThat(px).containsExactly(0.0, 0.0, 50.0, 0.0, 100.0, 100.0, 100.01, 100.0);
    }

    @Test
    void theRealBoundariesKeepTheirShapeWithFarFewerPoints() {
        ProvinceShapes shapes = ProvinceShapes.load();
        double[] b = shapes.bounds();
        double k = Math.cos(Math.toRadians((b[1] + b[3]) / 2));
        double scale = 520 / ((b[2] - b[0]) * k);
        long before = 0, after = 0;
        for (List<double[]> rings : shapes.ringsByCode().values()) {
            for (double[] ring : rings) {
                List<Double> px = ProvinceMap.screenPoints(ring, b[0], b[3], k * scale, scale);
                before += ring.length / 2;
                after += px.size() / 2;
                // No kept point is more than a step from the next: the outline has no gaps.
                assertThat(px.size()).isGreaterThanOrEqualTo(4);
                for (int i = 0; i < ring.length; i += 2) {
                    double x = (ring[i] - b[0]) * k * scale, y = (b[3] - ring[i + 1]) * scale;
                    double nearest = Double.MAX_VALUE;
                    for (int j = 0; j < px.size(); j += 2) nearest = Math.min(nearest, Math.hypot(px.get(j) - x, px.get(j + 1) - y));
                    assertThat(nearest).isLessThan(ProvinceMap.MIN_STEP_PX * 1.5);
                }
            }
        }
        System.out.printf("map points: %d of %d kept%n", after, before);
        assertThat(after).isLessThan(before);
    }
}
