package vn.r57desk.store.meeting;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Bilingual;

/** Numbers, dates and statuses as the stocktake writes them, in Vietnamese and English. */
public final class Words {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final Locale EN = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Words() {}

    public static String number(double v, Locale l) {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setMaximumFractionDigits(Math.abs(v) >= 1000 ? 0 : 2);
        return f.format(v);
    }

    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    public static String day(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    public static Bilingual rag(Rag r) {
        return switch (r) {
            case COMPLETED -> new Bilingual("Hoàn thành", "Completed");
            case GREEN -> new Bilingual("Đúng tiến độ", "On track");
            case AMBER -> new Bilingual("Chậm", "At risk");
            case RED -> new Bilingual("Nguy cơ không đạt", "Off track");
            case NO_DATA -> new Bilingual("Chưa có số liệu", "No data");
        };
    }

    public static Bilingual trend(Stocktake.Trend t) {
        return switch (t) {
            case BETTER -> new Bilingual("Tốt hơn", "Better");
            case SAME -> new Bilingual("Giữ nguyên", "Same");
            case WORSE -> new Bilingual("Xấu đi", "Worse");
            case NO_COMPARISON -> new Bilingual("Chưa có kỳ so sánh", "Nothing to compare with");
        };
    }
}
