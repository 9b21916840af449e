package vn.r57desk.store.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.r57desk.store.generate.ReferenceData;

class ProvinceShapesTest {
    @Test
    void everyProvinceHasAnOutlineAndBothArchipelagosAreThere() {
        ProvinceShapes s = ProvinceShapes.load();
        var codes = ReferenceData.load().provinces().stream().map(p -> p.get("code")).toList();
        assertThat(s.ringsByCode().keySet()).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(s.ringsByCode().values()).allSatisfy(rings -> assertThat(rings).isNotEmpty()
                .allSatisfy(r -> assertThat(r.length).isGreaterThanOrEqualTo(8).isEven()));
        assertThat(s.archipelagos()).extracting(ProvinceShapes.Archipelago::nameVi).containsExactly("Quần đảo Hoàng Sa", "Quần đảo Trường Sa");
        assertThat(s.archipelagos()).extracting(ProvinceShapes.Archipelago::provinceCode).containsExactly("48", "56");
        double[] b = s.bounds();
        assertThat(b[2]).isGreaterThan(114); // Trường Sa lies east of the mainland outline
        assertThat(b[0]).isLessThan(102.2);
    }
}
