package vn.r57desk.store.generate;

import java.util.List;

/**
 * Synthetic content for the demo dataset. The real plan's 30 breakthrough initiatives are not
 * public (reference-data README), so these are plausible stand-ins written from the systems'
 * published scope; every row they produce is flagged synthetic and the UI labels it demo data.
 */
final class DemoCatalog {
    private DemoCatalog() {}

    record InitiativeSeed(String vi, String en, String leadCode) {}

    record KpiSeed(String vi, String en, String unitVi, String unitEn, boolean higherIsBetter, double start,
                   double target2030, boolean agencyLevel) {}

    /** Five per system, in system order SYS1..SYS6. */
    static final List<List<InitiativeSeed>> INITIATIVES = List.of(
            List.of(
                    new InitiativeSeed("Mô hình quản trị quốc gia dựa trên dữ liệu và trí tuệ nhân tạo", "Data- and AI-based national governance model", "GO"),
                    new InitiativeSeed("Khung pháp lý thử nghiệm có kiểm soát cho công nghệ mới", "Regulatory sandbox for new technologies", "MOJ"),
                    new InitiativeSeed("Dịch vụ công trực tuyến toàn trình lấy người dân làm trung tâm", "Citizen-centred end-to-end online public services", "GO"),
                    new InitiativeSeed("Nền tảng định danh và xác thực điện tử quốc gia", "National electronic identification and authentication platform", "MPS"),
                    new InitiativeSeed("An ninh mạng cho hệ thống thông tin của hệ thống chính trị", "Cybersecurity for the political system's information systems", "MND")),
            List.of(
                    new InitiativeSeed("Làm chủ công nghệ thiết kế, đóng gói và kiểm thử chip bán dẫn", "Mastering semiconductor chip design, packaging and testing", "MOST"),
                    new InitiativeSeed("Chuyển đổi số doanh nghiệp nhỏ và vừa", "Digital transformation of small and medium enterprises", "MOIT"),
                    new InitiativeSeed("Ưu đãi đầu tư và thuế cho doanh nghiệp công nghệ chiến lược", "Investment and tax incentives for strategic technology enterprises", "MOF"),
                    new InitiativeSeed("Nội địa hóa thiết bị mạng di động 5G/6G", "Localising 5G/6G mobile network equipment", "MND"),
                    new InitiativeSeed("Sản xuất thông minh và nhà máy số trong công nghiệp chế biến, chế tạo", "Smart manufacturing and digital factories", "MOIT")),
            List.of(
                    new InitiativeSeed("Hồ sơ sức khỏe điện tử và y tế số cho mọi người dân", "Electronic health records and digital health for every citizen", "MOH"),
                    new InitiativeSeed("Chuyển đổi số giáo dục và học liệu số dùng chung", "Digital education and shared digital learning resources", "MOET"),
                    new InitiativeSeed("Nông nghiệp thông minh và truy xuất nguồn gốc nông sản", "Smart agriculture and farm produce traceability", "MAE"),
                    new InitiativeSeed("Cơ sở dữ liệu an sinh xã hội và chi trả không dùng tiền mặt", "Social welfare database and cashless benefit payments", "MOHA"),
                    new InitiativeSeed("Quan trắc môi trường và cảnh báo thiên tai theo thời gian thực", "Real-time environmental monitoring and disaster warning", "MAE")),
            List.of(
                    new InitiativeSeed("Hạ tầng cáp quang và phủ sóng 5G toàn quốc", "Nationwide fibre and 5G coverage", "MOST"),
                    new InitiativeSeed("Trung tâm dữ liệu quốc gia và điện toán đám mây chính phủ", "National data centre and government cloud", "MPS"),
                    new InitiativeSeed("Kết nối, chia sẻ dữ liệu liên thông giữa các cơ sở dữ liệu quốc gia", "Interconnected sharing between national databases", "MPS"),
                    new InitiativeSeed("Sàn giao dịch dữ liệu và phát triển kinh tế dữ liệu", "Data exchange and the data economy", "MOF"),
                    new InitiativeSeed("Cáp quang biển và kết nối quốc tế", "Submarine cables and international connectivity", "MOST")),
            List.of(
                    new InitiativeSeed("Thu hút và trọng dụng nhân tài khoa học, công nghệ", "Attracting and employing science and technology talent", "MOHA"),
                    new InitiativeSeed("Đào tạo nhân lực chất lượng cao về khoa học, kỹ thuật, công nghệ", "High-quality STEM workforce training", "MOET"),
                    new InitiativeSeed("Mạng lưới trung tâm đổi mới sáng tạo và hệ sinh thái khởi nghiệp", "Innovation centre network and start-up ecosystem", "NIC"),
                    new InitiativeSeed("Cơ chế khoán chi đến sản phẩm cuối cùng cho nghiên cứu khoa học", "Research funding by final product", "MOST"),
                    new InitiativeSeed("Viện nghiên cứu và trường đại học đạt chuẩn khu vực, quốc tế", "Research institutes and universities at international standard", "VAST")),
            List.of(
                    new InitiativeSeed("Trí tuệ nhân tạo quốc gia: mô hình ngôn ngữ lớn tiếng Việt", "National AI: a Vietnamese large language model", "MOST"),
                    new InitiativeSeed("Công nghệ gen và y học chính xác", "Gene technology and precision medicine", "VAST"),
                    new InitiativeSeed("Làm chủ công nghệ đường sắt tốc độ cao trục Bắc – Nam", "Mastering North–South high-speed railway technology", "MOC"),
                    new InitiativeSeed("Công nghệ vũ trụ và vệ tinh quan sát Trái Đất", "Space technology and Earth observation satellites", "VAST"),
                    new InitiativeSeed("Đất hiếm và vật liệu tiên tiến", "Rare earths and advanced materials", "MAE")));

    /** Operational KPIs reported down to communes, seven per system in system order. */
    static final List<List<KpiSeed>> LOCAL_KPIS = List.of(
            List.of(
                    new KpiSeed("Tỉ lệ hồ sơ thủ tục hành chính xử lý trực tuyến toàn trình", "Administrative dossiers processed fully online", "%", "%", true, 35, 80, true),
                    new KpiSeed("Tỉ lệ kết quả giải quyết thủ tục hành chính được số hóa", "Administrative results issued in digital form", "%", "%", true, 40, 100, true),
                    new KpiSeed("Tỉ lệ văn bản trao đổi giữa các cơ quan có ký số", "Inter-agency documents exchanged with digital signatures", "%", "%", true, 70, 100, true),
                    new KpiSeed("Thời gian giải quyết thủ tục hành chính bình quân", "Average processing time of administrative procedures", "ngày", "days", false, 9, 4, false),
                    new KpiSeed("Tỉ lệ người dân hài lòng với dịch vụ công", "Citizen satisfaction with public services", "%", "%", true, 80, 95, false),
                    new KpiSeed("Tỉ lệ cán bộ, công chức cấp xã được đào tạo kỹ năng số", "Commune officials trained in digital skills", "%", "%", true, 30, 100, false),
                    new KpiSeed("Tỉ lệ nhiệm vụ được cập nhật đúng hạn trên Hệ thống giám sát", "Tasks updated on time in the monitoring system", "%", "%", true, 60, 100, true)),
            List.of(
                    new KpiSeed("Tỉ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số", "SMEs using digital platforms", "%", "%", true, 30, 70, false),
                    new KpiSeed("Tỉ lệ hộ kinh doanh sử dụng hóa đơn điện tử", "Household businesses using e-invoices", "%", "%", true, 20, 90, false),
                    new KpiSeed("Doanh nghiệp công nghệ số trên một vạn dân", "Digital technology enterprises per 10,000 people", "DN/vạn dân", "per 10,000 people", true, 1.2, 3.0, false),
                    new KpiSeed("Tỉ lệ giao dịch thanh toán không dùng tiền mặt", "Cashless share of payment transactions", "%", "%", true, 45, 80, false),
                    new KpiSeed("Tỉ lệ hợp tác xã ứng dụng thương mại điện tử", "Cooperatives selling through e-commerce", "%", "%", true, 15, 60, false),
                    new KpiSeed("Doanh thu thương mại điện tử bình quân đầu người", "E-commerce revenue per person", "triệu đồng", "million VND", true, 2, 8, false),
                    new KpiSeed("Tỉ lệ lao động làm việc trong lĩnh vực công nghệ số", "Workforce employed in digital technology", "%", "%", true, 1.5, 5, false)),
            List.of(
                    new KpiSeed("Tỉ lệ người dân có hồ sơ sức khỏe điện tử", "People with an electronic health record", "%", "%", true, 50, 100, false),
                    new KpiSeed("Tỉ lệ cơ sở khám, chữa bệnh dùng bệnh án điện tử", "Clinics using electronic medical records", "%", "%", true, 20, 100, false),
                    new KpiSeed("Tỉ lệ trường học triển khai học bạ số", "Schools using digital school records", "%", "%", true, 40, 100, false),
                    new KpiSeed("Tỉ lệ chi trả an sinh xã hội không dùng tiền mặt", "Welfare payments made cashless", "%", "%", true, 50, 95, false),
                    new KpiSeed("Tỉ lệ diện tích nông nghiệp ứng dụng công nghệ cao", "Farmland using high technology", "%", "%", true, 8, 25, false),
                    new KpiSeed("Tỉ lệ sản phẩm OCOP có mã truy xuất nguồn gốc", "OCOP products with traceability codes", "%", "%", true, 30, 100, false),
                    new KpiSeed("Tỉ lệ trạm quan trắc môi trường tự động truyền dữ liệu", "Automatic environmental stations transmitting data", "%", "%", true, 50, 100, false)),
            List.of(
                    new KpiSeed("Tỉ lệ hộ gia đình có cáp quang băng rộng", "Households with fibre broadband", "%", "%", true, 75, 100, false),
                    new KpiSeed("Tỉ lệ dân số được phủ sóng 5G", "Population covered by 5G", "%", "%", true, 25, 99, false),
                    new KpiSeed("Tỉ lệ người trưởng thành có điện thoại thông minh", "Adults with a smartphone", "%", "%", true, 75, 100, false),
                    new KpiSeed("Tỉ lệ người dân có tài khoản định danh điện tử mức 2", "People with a level-2 electronic ID", "%", "%", true, 60, 100, false),
                    new KpiSeed("Tỉ lệ cơ sở dữ liệu chuyên ngành kết nối nền tảng tích hợp", "Sector databases connected to the integration platform", "%", "%", true, 40, 100, false),
                    new KpiSeed("Tỉ lệ dữ liệu dân cư \"đúng, đủ, sạch, sống\"", "Population records correct, complete, clean and live", "%", "%", true, 70, 100, false),
                    new KpiSeed("Tốc độ băng rộng cố định bình quân", "Average fixed broadband speed", "Mbps", "Mbps", true, 120, 300, false)),
            List.of(
                    new KpiSeed("Sáng kiến đổi mới được công nhận trên 100.000 dân", "Recognised innovations per 100,000 people", "sáng kiến/100.000 dân", "per 100,000 people", true, 3, 10, false),
                    new KpiSeed("Tỉ lệ người dân có kỹ năng số cơ bản", "People with basic digital skills", "%", "%", true, 40, 80, false),
                    new KpiSeed("Doanh nghiệp khởi nghiệp sáng tạo trên 100.000 dân", "Innovative start-ups per 100,000 people", "DN/100.000 dân", "per 100,000 people", true, 2, 6, false),
                    new KpiSeed("Tỉ lệ học sinh được học STEM", "Pupils taking STEM education", "%", "%", true, 35, 90, false),
                    new KpiSeed("Tỉ lệ chi ngân sách địa phương cho khoa học, công nghệ", "Local budget share for science and technology", "%", "%", true, 0.8, 3, false),
                    new KpiSeed("Tỉ lệ tổ công nghệ số cộng đồng hoạt động hiệu quả", "Community digital technology teams working effectively", "%", "%", true, 60, 100, false),
                    new KpiSeed("Tỉ lệ thư viện, nhà văn hóa có điểm truy cập Internet công cộng", "Libraries and cultural houses with public Internet access", "%", "%", true, 40, 100, false)),
            List.of(
                    new KpiSeed("Tỉ lệ cơ quan dùng trợ lý ảo AI khi giải quyết thủ tục", "Offices using an AI assistant for procedures", "%", "%", true, 5, 80, true),
                    new KpiSeed("Tỉ lệ camera an ninh kết nối hệ thống giám sát thông minh", "Security cameras connected to smart surveillance", "%", "%", true, 30, 90, false),
                    new KpiSeed("Tỉ lệ hồ sơ địa chính được số hóa", "Cadastral records digitised", "%", "%", true, 60, 100, false),
                    new KpiSeed("Tỉ lệ trẻ sơ sinh được sàng lọc gen", "Newborns given genetic screening", "%", "%", true, 20, 70, false),
                    new KpiSeed("Ứng dụng AI trong quản lý đô thị, nông thôn", "AI applications in local administration", "ứng dụng", "applications", true, 1, 10, false),
                    new KpiSeed("Tỉ lệ diện tích được lập bản đồ số từ ảnh vệ tinh, UAV", "Area mapped digitally from satellite and drone imagery", "%", "%", true, 30, 100, false),
                    new KpiSeed("Tỉ lệ cán bộ sử dụng nền tảng AI dùng chung", "Officials using the shared AI platform", "%", "%", true, 10, 80, true)));

    /** Real KPIs (kpis.csv id) → system code, the levels they are reported at, and headline status. */
    record RealKpiPlacement(String systemCode, String levels, boolean headline) {}

    static RealKpiPlacement placement(String kpiId) {
        return switch (kpiId) {
            case "R57-01" -> new RealKpiPlacement("SYS2", "national,province", true);
            case "R57-02", "R57-03", "R57-11", "R57-19" -> new RealKpiPlacement("SYS2", "national", false);
            case "R57-04" -> new RealKpiPlacement("SYS1", "national,agency,province,commune", true);
            case "R57-05" -> new RealKpiPlacement("SYS5", "national,province", true);
            case "R57-06", "R57-07" -> new RealKpiPlacement("SYS4", "national", false);
            case "R57-08" -> new RealKpiPlacement("SYS1", "national", false);
            case "R57-09" -> new RealKpiPlacement("SYS1", "national", true);
            case "R57-10" -> new RealKpiPlacement("SYS6", "national", false);
            case "R57-12" -> new RealKpiPlacement("SYS5", "national", true);
            case "R57-14" -> new RealKpiPlacement("SYS1", "national", true);
            default -> new RealKpiPlacement("SYS5", "national", false);
        };
    }

    /** Short labels for the Resolution's KPIs (our abbreviations, for tiles and chart axes). */
    static String[] shortName(String kpiId) {
        return switch (kpiId) {
            case "R57-01" -> new String[]{"Kinh tế số / GDP", "Digital economy / GDP"};
            case "R57-02" -> new String[]{"Đóng góp của TFP", "TFP contribution"};
            case "R57-03" -> new String[]{"Xuất khẩu công nghệ cao", "High-tech exports"};
            case "R57-04" -> new String[]{"Dịch vụ công trực tuyến", "Online public services"};
            case "R57-05" -> new String[]{"DN đổi mới sáng tạo", "Innovative enterprises"};
            case "R57-06" -> new String[]{"Cạnh tranh số (ĐNA)", "Digital competitiveness (SEA)"};
            case "R57-07" -> new String[]{"Cạnh tranh số (thế giới)", "Digital competitiveness (world)"};
            case "R57-08" -> new String[]{"Chính phủ điện tử (ĐNA)", "E-government (SEA)"};
            case "R57-09" -> new String[]{"Chính phủ điện tử (thế giới)", "E-government (world)"};
            case "R57-10" -> new String[]{"Nghiên cứu AI (ĐNA)", "AI research (SEA)"};
            case "R57-11" -> new String[]{"DN công nghệ số hàng đầu", "Leading digital tech firms"};
            case "R57-12" -> new String[]{"Chi R&D / GDP", "R&D spending / GDP"};
            case "R57-13" -> new String[]{"R&D từ xã hội", "R&D funded by society"};
            case "R57-14" -> new String[]{"Ngân sách KH&CN", "S&T budget share"};
            case "R57-15" -> new String[]{"Nhân lực R&D / vạn dân", "R&D staff per 10,000"};
            case "R57-16" -> new String[]{"Tổ chức KH&CN xếp hạng", "Ranked S&T organisations"};
            case "R57-17" -> new String[]{"Công bố quốc tế", "International publications"};
            case "R57-18" -> new String[]{"Đơn sáng chế", "Patent applications"};
            case "R57-19" -> new String[]{"Thương mại hóa sáng chế", "Patent commercialisation"};
            case "R57-20" -> new String[]{"Xếp hạng ĐMST & CĐS", "Innovation & DT rank"};
            default -> throw new IllegalArgumentException("no short name for " + kpiId);
        };
    }

    /**
     * A demo starting value for real KPIs that have no public baseline (the trajectory then starts
     * from the first reported value, docs/metrics.md). Never written into the KPI's baseline column.
     */
    static double demoStart(String kpiId, Double baseline) {
        if (baseline != null) return baseline;
        return switch (kpiId) {
            case "R57-03" -> 42;
            case "R57-04" -> 40;
            case "R57-05" -> 22;
            case "R57-06", "R57-08", "R57-10" -> 5;
            case "R57-07" -> 70;
            case "R57-11" -> 1;
            case "R57-13" -> 40;
            case "R57-15" -> 7;
            case "R57-16" -> 20;
            case "R57-17" -> 8;
            case "R57-19" -> 4;
            default -> 10;
        };
    }

    static String unitVi(String unitEn) {
        return unitEn.replace("% of GDP growth", "% tăng trưởng GDP")
                .replace("% of GDP", "% GDP")
                .replace("% of goods exports", "% kim ngạch xuất khẩu hàng hóa")
                .replace("% of enterprises", "% doanh nghiệp")
                .replace("rank (SEA)", "thứ hạng (Đông Nam Á)")
                .replace("rank (world, of 193)", "thứ hạng (thế giới, trên 193)")
                .replace("rank (world)", "thứ hạng (thế giới)")
                .replace("% of R&D expenditure", "% chi cho R&D")
                .replace("% of total annual state budget expenditure", "% tổng chi ngân sách nhà nước")
                .replace("persons per 10,000 population", "người trên một vạn dân")
                .replace("% per year (average)", "%/năm (bình quân)")
                .replace("count", "số lượng");
    }

    /** Task wording: an action applied to the initiative. */
    static final List<String[]> TASK_ACTIONS = List.of(
            new String[]{"Xây dựng kế hoạch triển khai", "Draft the implementation plan"},
            new String[]{"Ban hành văn bản hướng dẫn", "Issue implementing guidance"},
            new String[]{"Rà soát, đánh giá hiện trạng", "Review and assess the current state"},
            new String[]{"Triển khai thí điểm", "Run the pilot"},
            new String[]{"Kết nối dữ liệu với hệ thống quốc gia", "Connect data to the national system"},
            new String[]{"Đào tạo, bồi dưỡng cán bộ", "Train officials"},
            new String[]{"Bố trí kinh phí thực hiện", "Allocate the budget"},
            new String[]{"Nghiệm thu và báo cáo kết quả", "Accept and report results"},
            new String[]{"Tuyên truyền, hướng dẫn người dân", "Inform and guide the public"},
            new String[]{"Nhân rộng mô hình", "Scale up the model"});

    static final List<String> COMMUNE_NAME_PARTS = List.of(
            "An", "Bình", "Hòa", "Tân", "Phú", "Thịnh", "Đông", "Hưng", "Thạnh", "Mỹ", "Long", "Phước", "Lộc",
            "Thuận", "Xuân", "Lâm", "Vĩnh", "Cẩm", "Hải", "Sơn", "Trung", "Nghĩa", "Quang", "Thái", "Đức", "Minh",
            "Khánh", "Hồng", "Yên", "Thành", "Tiến", "Lợi", "Hiệp", "Phong", "Gia", "Kim", "Ngọc", "Châu");

    static final List<String> FAMILY_NAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương");
    static final List<String> MIDDLE_NAMES = List.of("Văn", "Thị", "Minh", "Đức", "Thanh", "Hữu", "Quốc", "Ngọc");
    static final List<String> GIVEN_NAMES = List.of("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Khoa",
            "Lan", "Linh", "Long", "Mai", "Nam", "Phong", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt", "Yến");
}
