package vn.r57desk.app.widgets;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.Cursor;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.text.Text;

import vn.r57desk.app.theme.Styles;
import vn.r57desk.store.geo.ProvinceShapes;

/**
 * The 34 provinces coloured by a status, with the Hoàng Sa and Trường Sa archipelagos drawn as
 * labelled island groups in the colour of the province that administers them. Clicking a province
 * or an archipelago opens that province.
 */
public final class ProvinceMap {
    public static final String STYLE_CLASS = Styles.PROVINCE_MAP;

    private ProvinceMap() {}

    /** Points closer than this (in pixels) to the last one kept are left out: they cannot be seen. */
    static final double MIN_STEP_PX = 0.75;

    /**
     * A ring's points in pixels, leaving out those within {@link #MIN_STEP_PX} of the last kept one
     * (the boundaries are much finer than a 520-pixel map; fewer points are less to lay out and to
     * draw each time the view opens). The first and last points are always kept.
     */
    static List<Double> screenPoints(double[] ring, double lon0, double lat0, double sx, double sy) {
        List<Double> out = new java.util.ArrayList<>(ring.length);
        double lastX = Double.NaN, lastY = Double.NaN;
        for (int i = 0; i < ring.length; i += 2) {
            double x = (ring[i] - lon0) * sx, y = (lat0 - ring[i + 1]) * sy;
            boolean last = i + 2 >= ring.length;
            if (!last && Math.abs(x - lastX) < MIN_STEP_PX && Math.abs(y - lastY) < MIN_STEP_PX) continue;
            out.add(x);
            out.add(y);
            lastX = x;
            lastY = y;
        }
        return out;
    }

    /** An archipelago's label is at most this many degrees of longitude wide (scaled). */
    static final double LABEL_WIDTH_FACTOR = 2.6;

    /**
     * @param fill   colour of each province code
     * @param label  tooltip of each province code
     * @param open   called with the province code that was clicked
     */
    public static Node build(ProvinceShapes shapes, double width, Function<String, Color> fill, Function<String, String> label,
                             Function<ProvinceShapes.Archipelago, String> archipelagoLabel, Consumer<String> open) {
        double[] b = shapes.bounds();
        // Equirectangular, with longitudes shortened by the cosine of the mid latitude (~16°N).
        double k = Math.cos(Math.toRadians((b[1] + b[3]) / 2));
        double scale = width / ((b[2] - b[0]) * k);
        double height = (b[3] - b[1]) * scale;
        Group g = new Group();
        for (Map.Entry<String, List<double[]>> e : shapes.ringsByCode().entrySet()) {
            String code = e.getKey();
            Group province = new Group();
            for (double[] ring : e.getValue()) {
                Polygon p = new Polygon();
                p.getPoints().setAll(screenPoints(ring, b[0], b[3], k * scale, scale));
                p.setFill(fill.apply(code));
                p.setStroke(Color.WHITE);
                p.setStrokeWidth(0.8);
                province.getChildren().add(p);
            }
            province.setId("map-" + code);
            HoverTip.on(province, () -> label.apply(code));
            province.setCursor(Cursor.HAND);
            province.setOnMouseClicked(ev -> open.accept(code));
            province.setOnMouseEntered(ev -> province.setOpacity(0.75));
            province.setOnMouseExited(ev -> province.setOpacity(1));
            g.getChildren().add(province);
        }
        for (ProvinceShapes.Archipelago a : shapes.archipelagos()) {
            Group islands = new Group();
            double cx = (a.lon() - b[0]) * k * scale;
            double cy = (b[3] - a.lat()) * scale;
            // A schematic group of islands around the archipelago's centre: markers, not boundaries.
            double[][] offsets = {{0, 0}, {-0.6, 0.3}, {0.5, -0.4}, {0.8, 0.5}, {-0.3, -0.7}, {-0.9, -0.2}, {0.3, 0.9}};
            for (double[] o : offsets) {
                Circle c = new Circle(cx + o[0] * k * scale, cy - o[1] * scale, Math.max(2.5, scale * 0.07), fill.apply(a.provinceCode()));
                c.setStroke(Color.web("#57606a"));
                c.setStrokeWidth(0.6);
                islands.getChildren().add(c);
            }
            // Centred under the islands and wrapped to a column no wider than the space around them,
            // so the projector's larger type goes onto two lines instead of running past the map.
            double labelWidth = LABEL_WIDTH_FACTOR * k * scale;
            Text t = new Text(cx - labelWidth / 2, cy + 1.3 * scale, archipelagoLabel.apply(a));
            t.setWrappingWidth(labelWidth);
            t.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            t.setTextOrigin(javafx.geometry.VPos.TOP);
            t.getStyleClass().add(Styles.MAP_LABEL);
            islands.getChildren().add(t);
            islands.setId("map-archipelago-" + a.provinceCode());
            HoverTip.on(islands, () -> archipelagoLabel.apply(a) + " — " + a.administeredAs());
            islands.setCursor(Cursor.HAND);
            // Islands a few pixels wide are hard to hit; the whole group with its label is the target.
            islands.setPickOnBounds(true);
            islands.setOnMouseClicked(ev -> open.accept(a.provinceCode()));
            g.getChildren().add(islands);
        }
        Pane pane = new Pane(g);
        pane.getStyleClass().add(STYLE_CLASS);
        pane.setPrefSize(width, height + 30);
        pane.setMinSize(width, height + 30);
        return pane;
    }
}
