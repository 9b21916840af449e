package vn.r57desk.store.metrics;

import vn.r57desk.store.model.Direction;

/**
 * Reads a target as the source states it ({@code >=30}, {@code >55}, {@code <=3}, {@code 40-50},
 * {@code 2}) into the number a trajectory aims at: the bound itself, and for a range the end that
 * must be reached first in the KPI's direction (the lower end when higher is better).
 */
public final class TargetText {
    private TargetText() {}

    /** {@code >80} or {@code <3}: the bound itself does not meet the target ({@code >=}, {@code <=}, ranges and plain numbers: it does). */
    public static boolean strict(String text) {
        if (text == null) return false;
        String t = text.trim();
        return (t.startsWith(">") || t.startsWith("<")) && !t.startsWith(">=") && !t.startsWith("<=");
    }

    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)");
    private static final java.util.regex.Pattern BOUND = java.util.regex.Pattern.compile("(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?)");

    /**
     * A target as people write it, for plain-text output (the CLI's tables): {@code >=30} as
     * "≥ 30", {@code <=3} as "≤ 3", {@code >55} as "> 55", {@code 40-50} as "40–50". The app's
     * screens add the unit and the locale's digits (Ctx.target); the CLI printed ">=30".
     */
    public static String display(String text) {
        if (text == null) return "";
        String t = text.strip();
        java.util.regex.Matcher range = RANGE.matcher(t);
        if (range.matches()) return range.group(1) + "–" + range.group(2);
        java.util.regex.Matcher x = BOUND.matcher(t);
        if (!x.matches()) return t.replace(">=", "≥ ").replace("<=", "≤ ");
        String sign = x.group(1) == null ? "" : switch (x.group(1)) {
            case ">=" -> "≥ ";
            case "<=" -> "≤ ";
            case "=" -> "";
            default -> x.group(1) + " ";
        };
        return sign + x.group(2);
    }

    public static Double value(String text, Direction direction) {
        if (text == null || text.isBlank()) return null;
        String t = text.trim().replace(" ", "");
        t = t.replaceFirst("^(>=|<=|>|<|=)", "");
        int dash = t.indexOf('-', 1);
        try {
            if (dash > 0) {
                double lo = Double.parseDouble(t.substring(0, dash));
                double hi = Double.parseDouble(t.substring(dash + 1));
                return direction == Direction.HIGHER_IS_BETTER ? Math.min(lo, hi) : Math.max(lo, hi);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unreadable target '" + text + "'", e);
        }
    }
}
