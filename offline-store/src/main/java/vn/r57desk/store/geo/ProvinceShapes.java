package vn.r57desk.store.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outlines of the 34 provinces (Natural Earth, public domain; see LICENSE-AND-SOURCE.md beside
 * the data) and the Hoàng Sa and Trường Sa archipelagos, which the outlines lack and a map of
 * Việt Nam must show. Longitudes and latitudes in degrees (WGS84).
 */
public record ProvinceShapes(Map<String, List<double[]>> ringsByCode, List<Archipelago> archipelagos) {
    private static final String DIR = "/vn/r57desk/store/reference/";

    /** An archipelago drawn as a labelled group of island markers; it belongs to the province {@code provinceCode}. */
    public record Archipelago(String nameVi, String nameEn, String administeredAs, String provinceCode, double lat, double lon) {}

    /** Each ring is lon0, lat0, lon1, lat1, … */
    public static ProvinceShapes load() {
        Map<String, List<double[]>> rings = new LinkedHashMap<>();
        try (InputStream in = ProvinceShapes.class.getResourceAsStream(DIR + "vietnam-provinces-34.geojson")) {
            if (in == null) throw new IllegalStateException("bundled province outlines missing");
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode f : root.get("features")) {
                String code = f.get("properties").get("code").asText();
                JsonNode g = f.get("geometry");
                List<double[]> out = rings.computeIfAbsent(code, k -> new ArrayList<>());
                if ("Polygon".equals(g.get("type").asText())) addPolygon(g.get("coordinates"), out);
                else for (JsonNode poly : g.get("coordinates")) addPolygon(poly, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Archipelago> arch = new ArrayList<>();
        for (Map<String, String> r : vn.r57desk.store.generate.ReferenceData.csv(DIR + "archipelagos.csv")) {
            arch.add(new Archipelago(r.get("name_vi"), r.get("name_en"), r.get("administered_as"), r.get("province_code"),
                    Double.parseDouble(r.get("label_lat")), Double.parseDouble(r.get("label_lon"))));
        }
        return new ProvinceShapes(Map.copyOf(rings), List.copyOf(arch));
    }

    private static void addPolygon(JsonNode polygon, List<double[]> out) {
        // Only the outer ring: provinces have no holes after dissolving (LICENSE-AND-SOURCE.md).
        JsonNode ring = polygon.get(0);
        double[] xy = new double[ring.size() * 2];
        for (int i = 0; i < ring.size(); i++) {
            xy[2 * i] = ring.get(i).get(0).asDouble();
            xy[2 * i + 1] = ring.get(i).get(1).asDouble();
        }
        out.add(xy);
    }

    /** Bounds {minLon, minLat, maxLon, maxLat} of everything drawn, archipelagos included. */
    public double[] bounds() {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (List<double[]> rs : ringsByCode.values()) {
            for (double[] r : rs) {
                for (int i = 0; i < r.length; i += 2) {
                    minX = Math.min(minX, r[i]); maxX = Math.max(maxX, r[i]);
                    minY = Math.min(minY, r[i + 1]); maxY = Math.max(maxY, r[i + 1]);
                }
            }
        }
        for (Archipelago a : archipelagos) {
            minX = Math.min(minX, a.lon() - 1.5); maxX = Math.max(maxX, a.lon() + 1.5);
            minY = Math.min(minY, a.lat() - 1.5); maxY = Math.max(maxY, a.lat() + 1.5);
        }
        return new double[]{minX, minY, maxX, maxY};
    }
}
