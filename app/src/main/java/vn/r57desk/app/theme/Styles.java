package vn.r57desk.app.theme;

import java.util.List;

/**
 * The style classes R57's own style sheets (styles module: r57.css and the theme sheets) colour and
 * size, as constants: a typo is a compile error, and {@code StylesTest} checks each is styled or is
 * one of the {@link #HOOKS} that only tests and code look up.
 */
public final class Styles {
    private Styles() {}

    public static final String AGENDA_ITEM = "r57-agenda-item";
    public static final String BACKGROUND = "r57-background";
    public static final String BAR_LIST = "r57-bar-list";
    public static final String BAR_TEXT = "r57-bar-text";
    public static final String BAR_VALUE = "r57-bar-value";
    public static final String BREADCRUMB = "r57-breadcrumb";
    public static final String BREADCRUMB_HERE = "r57-breadcrumb-here";
    public static final String CONTENT = "r57-content";
    public static final String DATA_TABLE = "r57-data-table";
    public static final String DATA_TABLE_HOLDER = "r57-data-table-holder";
    public static final String DATA_TABLE_MEASURE = "r57-data-table-measure";
    public static final String DEMO_BADGE = "r57-demo-badge";
    public static final String ERROR = "r57-error";
    public static final String EXPORT = "r57-export";
    public static final String FACTS = "r57-facts";
    public static final String FACT_LABEL = "r57-fact-label";
    public static final String FACT_VALUE = "r57-fact-value";
    public static final String FEEDBACK = "r57-feedback";
    public static final String FEEDBACK_ITEM = "r57-feedback-item";
    public static final String FEEDBACK_KIND = "r57-feedback-kind";
    public static final String FEEDBACK_TEXT = "r57-feedback-text";
    public static final String FEEDBACK_WITHDRAW = "r57-feedback-withdraw";
    public static final String FILTERS = "r57-filters";
    public static final String GRID_CELL = "r57-grid-cell";
    public static final String GRID_HEADER = "r57-grid-header";
    public static final String GRID_ROW = "r57-grid-row";
    public static final String HEADER = "r57-header";
    public static final String ICON = "r57-icon";
    public static final String KPI_CHART = "r57-kpi-chart";
    public static final String KPI_NAME = "r57-kpi-name";
    public static final String KPI_SUMMARY = "r57-kpi-summary";
    public static final String MAP_LABEL = "r57-map-label";
    public static final String MEETING_CARD = "r57-meeting-card";
    public static final String MEETING_TITLE = "r57-meeting-title";
    public static final String MOVER = "r57-mover";
    public static final String MUTED = "r57-muted";
    public static final String NAV_BUTTON = "r57-nav-button";
    public static final String PLACEHOLDER = "r57-placeholder";
    public static final String PRESENTER_BAR = "r57-presenter-bar";
    public static final String PRESENTER_MEETING = "r57-presenter-meeting";
    public static final String PRIVATE_NOTE_SEND = "r57-private-note-send";
    public static final String PROVINCE_MAP = "r57-province-map";
    public static final String RAG_AMBER = "r57-rag-amber";
    public static final String RAG_RED = "r57-rag-red";
    public static final String ROW_TEXT = "r57-row-text";
    public static final String SEARCH = "r57-search";
    public static final String SEARCH_OVERLAY = "r57-search-overlay";
    public static final String SECTION_TITLE = "r57-section-title";
    public static final String SIDEBAR = "r57-sidebar";
    public static final String STATUS_BAR = "r57-status-bar";
    public static final String STATUS_GRID = "r57-status-grid";
    public static final String STOCKTAKE = "r57-stocktake";
    public static final String STOCKTAKE_CHART = "r57-stocktake-chart";
    public static final String STOCKTAKE_STATUS = "r57-stocktake-status";
    public static final String STOCKTAKE_TITLE = "r57-stocktake-title";
    public static final String STOCKTAKE_TREND = "r57-stocktake-trend";
    public static final String SYNC_BAR = "r57-sync-bar";
    public static final String TITLE = "r57-title";

    /** Classes no style sheet styles: markers that tests and code find nodes by. */
    public static final List<String> HOOKS = List.of(BACKGROUND, BAR_LIST, DATA_TABLE_HOLDER, EXPORT, FACTS, FEEDBACK, FEEDBACK_WITHDRAW,
            PRIVATE_NOTE_SEND, PROVINCE_MAP, STATUS_GRID, STOCKTAKE, SYNC_BAR);
}
