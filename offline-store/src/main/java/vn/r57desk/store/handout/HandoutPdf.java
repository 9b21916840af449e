package vn.r57desk.store.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import vn.r57desk.store.db.Cache;
import vn.r57desk.store.db.CacheException;
import vn.r57desk.store.meeting.AgendaItem;
import vn.r57desk.store.meeting.Decisions;
import vn.r57desk.store.meeting.MeetingAction;
import vn.r57desk.store.meeting.MeetingAgenda;
import vn.r57desk.store.meeting.Meetings;
import vn.r57desk.store.meeting.Stocktake;
import vn.r57desk.store.meeting.Words;
import vn.r57desk.store.metrics.Rag;
import vn.r57desk.store.model.Bilingual;
import vn.r57desk.store.model.Meeting;
import vn.r57desk.store.query.DrillDown;

/**
 * A meeting as one PDF (the handout): a cover (meeting, date and time, data as of, source,
 * generated at, whose copy), a table of contents with links, one section per agenda item with its
 * stocktake as vector charts and tables, page numbers and the as-of date in every footer, and a
 * watermark naming the user whose copy it is. Written to a temporary file beside {@code out} and
 * moved over it when complete, so a failure never leaves half a PDF.
 */
public final class HandoutPdf {
    /** {@code lang}: vi or en; {@code user}: whose copy (the watermark); {@code today}: the day for live data. */
    public record Options(Locale lang, String user, Clock clock, LocalDate today) {
        public Options {
            if (user == null || user.isBlank()) throw new IllegalArgumentException("the handout needs the name of whose copy it is");
        }
    }

    public record Result(Path file, int pages, long bytes, int items) {}

    static final float[] INK = {0.11f, 0.13f, 0.17f};
    static final float[] MUTED = {0.38f, 0.41f, 0.47f};
    static final float[] RULE = {0.80f, 0.82f, 0.86f};
    static final float[] ACCENT = {0.05f, 0.33f, 0.62f};
    static final float[] SHADE = {0.94f, 0.95f, 0.97f};

    private final PdfCanvas pdf;
    private final Options o;
    private final boolean vi;

    private HandoutPdf(PdfCanvas pdf, Options o) {
        this.pdf = pdf;
        this.o = o;
        this.vi = !"en".equals(o.lang().getLanguage());
    }

    /**
     * Writes the handout of meeting {@code meetingId}.
     *
     * @throws IllegalArgumentException when the cache has no such meeting (the message lists its meetings)
     */
    public static Result write(Cache cache, long meetingId, Path out, Options o) throws CacheException, IOException {
        DrillDown dd = new DrillDown(cache);
        Meetings meetings = new Meetings(cache, dd);
        MeetingAgenda agenda = meetings.require(meetingId);
        List<Stocktake> stocktakes = meetings.stocktakes(agenda, o.today());
        List<MeetingAction> recorded = new Decisions(cache, o.clock()).ofMeeting(meetingId);
        Bilingual source = DataSource.describe(dd);
        LocalDate asOf = meetings.dataDay(o.today());
        Path abs = out.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".writing");
        int pages;
        try (PdfCanvas pdf = new PdfCanvas()) {
            HandoutPdf h = new HandoutPdf(pdf, o);
            h.draw(agenda, stocktakes, recorded, source, asOf, dd.catalog().isDemo());
            pages = pdf.doc.getNumberOfPages();
            pdf.doc.save(tmp.toFile());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(abs, pages, Files.size(abs), agenda.items().size());
    }

    private String t(String viText, String enText) {
        return vi ? viText : enText;
    }

    private String t(Bilingual b) {
        return b == null ? "" : vi ? b.vi() : b.en();
    }

    private String when(LocalDateTime start) {
        Locale l = vi ? Locale.forLanguageTag("vi-VN") : Locale.UK;
        String dow = start.getDayOfWeek().getDisplayName(TextStyle.FULL, l);
        return DateTimeFormatter.ofPattern("HH:mm").format(start) + ", " + dow + " " + Words.day(start.toLocalDate());
    }

    // ---- the document ------------------------------------------------------------------------------

    private void draw(MeetingAgenda agenda, List<Stocktake> stocktakes, List<MeetingAction> recorded, Bilingual source, LocalDate asOf,
                      boolean demo) throws IOException {
        Meeting m = agenda.meeting();
        ZonedDateTime generated = ZonedDateTime.now(o.clock()).withZoneSameInstant(Meeting.ZONE);
        var info = pdf.doc.getDocumentInformation();
        info.setTitle(pdf.clean(t(m.title())));
        info.setSubject(pdf.clean(t("Tài liệu phiên họp", "Meeting handout")));
        info.setAuthor(pdf.clean(o.user()));
        info.setCreator("R57 Desk");
        info.setCreationDate(GregorianCalendar.from(generated));

        cover(agenda, source, asOf, demo, generated);
        PDPage tocPage = pdf.newPage();
        List<PDPage> starts = new ArrayList<>();
        for (Stocktake s : stocktakes) {
            starts.add(pdf.newPage());
            section(s, recorded);
        }
        pdf.cs.close();
        pdf.cs = null;
        toc(tocPage, agenda, starts);
        outline(agenda, starts, tocPage);
        footers(asOf, generated);
    }

    private void cover(MeetingAgenda agenda, Bilingual source, LocalDate asOf, boolean demo, ZonedDateTime generated) throws IOException {
        Meeting m = agenda.meeting();
        pdf.newPage();
        pdf.rect(0, PdfCanvas.HEIGHT - 120, PdfCanvas.WIDTH, 120, ACCENT);
        pdf.text("R57 Desk", pdf.bold, 14, PdfCanvas.MARGIN, PdfCanvas.HEIGHT - 60, new float[] {1, 1, 1});
        pdf.text(t("Tài liệu phiên họp", "Meeting handout"), pdf.regular, 12, PdfCanvas.MARGIN, PdfCanvas.HEIGHT - 82, new float[] {1, 1, 1});
        pdf.y = PdfCanvas.HEIGHT - 180;
        pdf.paragraph(t(m.title()), pdf.bold, 24, PdfCanvas.MARGIN, PdfCanvas.CONTENT, INK);
        pdf.y -= 14;
        coverLine(t("Thời gian", "Date and time"), when(m.startsAt()));
        if (m.location() != null) coverLine(t("Địa điểm", "Place"), m.location());
        coverLine(t("Chương trình", "Agenda"), agenda.items().size() + t(" mục", " items") + (agenda.totalMinutes() > 0
                ? ", " + agenda.totalMinutes() + t(" phút", " minutes") : ""));
        coverLine(t("Số liệu đến ngày", "Data as of"), Words.day(asOf) + (demo ? t(" (dữ liệu minh họa)", " (demo data)") : ""));
        coverLine(t("Nguồn", "Source"), t(source));
        coverLine(t("Lập lúc", "Generated at"), DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy").format(generated) + t(" (giờ Việt Nam)", " (Vietnam time)"));
        coverLine(t("Bản của", "Copy of"), o.user());
        pdf.y -= 24;
        pdf.paragraph(t("Mỗi tình trạng trong tài liệu kèm lý do: đầu vào của quy tắc đánh giá (tiến độ thực tế so với kỳ vọng, chỉ tiêu so với lộ trình). "
                        + "Xu hướng so với phiên họp trước được tính trên số liệu tại ngày của phiên họp đó.",
                "Every status in this handout gives its reason: the inputs of the rule (actual against expected progress, a KPI against its trajectory). "
                        + "The trend compares with the figures as they stood on the previous meeting's day."),
                pdf.regular, 10, PdfCanvas.MARGIN, PdfCanvas.CONTENT, MUTED);
    }

    private void coverLine(String label, String value) throws IOException {
        float labelWidth = 120;
        List<String> lines = pdf.wrap(value, pdf.regular, 12, PdfCanvas.CONTENT - labelWidth);
        pdf.y -= 20;
        pdf.text(label, pdf.bold, 11, PdfCanvas.MARGIN, pdf.y, MUTED);
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) pdf.y -= 16;
            pdf.text(lines.get(i), pdf.regular, 12, PdfCanvas.MARGIN + labelWidth, pdf.y, INK);
        }
    }

    private void toc(PDPage tocPage, MeetingAgenda agenda, List<PDPage> starts) throws IOException {
        pdf.page = tocPage;
        pdf.cs = new PDPageContentStream(pdf.doc, tocPage, PDPageContentStream.AppendMode.APPEND, true, true);
        pdf.y = PdfCanvas.TOP;
        pdf.text(t("Mục lục", "Contents"), pdf.bold, 18, PdfCanvas.MARGIN, pdf.y - 18, INK);
        pdf.y -= 44;
        for (int i = 0; i < agenda.items().size(); i++) {
            AgendaItem item = agenda.items().get(i);
            int pageNo = pdf.doc.getPages().indexOf(starts.get(i)) + 1;
            float top = pdf.y;
            String number = String.valueOf(pageNo);
            float numberWidth = pdf.width(number, pdf.regular, 11);
            List<String> lines = pdf.wrap(item.position() + ". " + t(item.title()), pdf.bold, 11, PdfCanvas.CONTENT - 60);
            for (int l = 0; l < lines.size(); l++) {
                pdf.y -= 15;
                pdf.text(lines.get(l), pdf.bold, 11, PdfCanvas.MARGIN, pdf.y, INK);
            }
            pdf.text(number, pdf.regular, 11, PdfCanvas.WIDTH - PdfCanvas.MARGIN - numberWidth, pdf.y, INK);
            StringBuilder meta = new StringBuilder();
            if (item.subjectName() != null) meta.append(t(item.subjectName()));
            if (item.presenter() != null) meta.append(meta.isEmpty() ? "" : " · ").append(t("Trình bày: ", "Presenter: ")).append(t(item.presenter()));
            if (item.minutes() != null) meta.append(meta.isEmpty() ? "" : " · ").append(item.minutes()).append(t(" phút", " min"));
            for (String line : pdf.wrap(meta.toString(), pdf.regular, 9, PdfCanvas.CONTENT - 60)) {
                pdf.y -= 12;
                pdf.text(line, pdf.regular, 9, PdfCanvas.MARGIN + 12, pdf.y, MUTED);
            }
            pdf.y -= 10;
            // the whole entry opens its section
            PDAnnotationLink link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(PdfCanvas.MARGIN, pdf.y, PdfCanvas.CONTENT, top - pdf.y));
            PDBorderStyleDictionary none = new PDBorderStyleDictionary();
            none.setWidth(0);
            link.setBorderStyle(none);
            PDActionGoTo go = new PDActionGoTo();
            go.setDestination(destination(starts.get(i)));
            link.setAction(go);
            tocPage.getAnnotations().add(link);
        }
        pdf.cs.close();
        pdf.cs = null;
    }

    private static PDPageFitWidthDestination destination(PDPage page) {
        PDPageFitWidthDestination d = new PDPageFitWidthDestination();
        d.setPage(page);
        d.setTop((int) PdfCanvas.HEIGHT);
        return d;
    }

    private void outline(MeetingAgenda agenda, List<PDPage> starts, PDPage tocPage) {
        PDDocumentOutline outline = new PDDocumentOutline();
        pdf.doc.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem contents = new PDOutlineItem();
        contents.setTitle(pdf.clean(t("Mục lục", "Contents")));
        contents.setDestination(destination(tocPage));
        outline.addLast(contents);
        for (int i = 0; i < starts.size(); i++) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(pdf.clean(agenda.items().get(i).position() + ". " + t(agenda.items().get(i).title())));
            item.setDestination(destination(starts.get(i)));
            outline.addLast(item);
        }
    }

    /** Page numbers, the as-of date and whose copy on every page; the watermark naming the user (PdfCanvas.stamp, shared with ViewPdf). */
    private void footers(LocalDate asOf, ZonedDateTime generated) throws IOException {
        pdf.stamp(t("Số liệu đến ngày ", "Data as of ") + Words.day(asOf) + " · R57 Desk · " + t("Bản của ", "Copy of ") + o.user(),
                t("Trang ", "Page "), t("Bản của ", "Copy of ") + o.user() + " · " + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(generated));
    }

    // ---- one agenda item ---------------------------------------------------------------------------------

    private void section(Stocktake s, List<MeetingAction> recorded) throws IOException {
        AgendaItem item = s.item();
        pdf.paragraph(item.position() + ". " + t(item.title()), pdf.bold, 16, PdfCanvas.MARGIN, PdfCanvas.CONTENT, INK);
        StringBuilder meta = new StringBuilder();
        if (item.subject() != null) meta.append(kindName(item.subject().kind())).append(" ").append(item.subject().code()).append(": ").append(t(item.subjectName()));
        if (item.presenter() != null) meta.append(meta.isEmpty() ? "" : " · ").append(t("Trình bày: ", "Presenter: ")).append(t(item.presenter()));
        if (item.minutes() != null) meta.append(meta.isEmpty() ? "" : " · ").append(item.minutes()).append(t(" phút", " minutes"));
        pdf.y -= 2;
        pdf.paragraph(meta.toString(), pdf.regular, 9.5f, PdfCanvas.MARGIN, PdfCanvas.CONTENT, MUTED);
        pdf.y -= 10;
        status(s);
        if (item.subject() == null) return;

        if (s.progress() != null || !s.trajectories().isEmpty()) {
            heading(t("Lộ trình đến mục tiêu", "Trajectory to the target"));
            if (s.progress() != null) Charts.progress(pdf, s.progress(), s.asOf(), vi);
            for (var series : s.trajectories()) Charts.kpi(pdf, series, s.asOf(), vi);
        }
        changes(s);
        overdue(s);
        actions(t("Kết luận và nhiệm vụ của các phiên họp trước", "Decisions and actions of earlier meetings"), s.earlierActions(), s.asOf(), true);
        List<MeetingAction> here = recorded.stream().filter(a -> a.agendaItemId() != null && a.agendaItemId() == item.id()).toList();
        if (!here.isEmpty()) actions(t("Kết luận và nhiệm vụ tại phiên họp này", "Decisions and actions of this meeting"), here, s.asOf(), false);
    }

    private String kindName(vn.r57desk.store.meeting.Subject.Kind k) {
        return switch (k) {
            case SYSTEM -> t("Hệ thống", "System");
            case INITIATIVE -> t("Sáng kiến", "Initiative");
            case AGENCY -> t("Bộ, ngành", "Ministry");
            case LOCALITY -> t("Địa phương", "Province");
            case KPI -> t("Chỉ tiêu", "KPI");
        };
    }

    static float[] ragColor(Rag r) {
        return switch (r) {
            case COMPLETED -> new float[] {0.16f, 0.40f, 0.72f};
            case GREEN -> new float[] {0.13f, 0.55f, 0.30f};
            case AMBER -> new float[] {0.86f, 0.56f, 0.05f};
            case RED -> new float[] {0.78f, 0.18f, 0.18f};
            case NO_DATA -> new float[] {0.55f, 0.57f, 0.60f};
        };
    }

    private void status(Stocktake s) throws IOException {
        pdf.ensure(70);
        float top = pdf.y;
        pdf.rect(PdfCanvas.MARGIN, top - 22, 14, 14, ragColor(s.now().rag()));
        String label = t("Tình trạng: ", "Status: ") + t(Words.rag(s.now().rag()));
        pdf.text(label, pdf.bold, 13, PdfCanvas.MARGIN + 22, top - 20, INK);
        float x = PdfCanvas.MARGIN + 22 + pdf.width(pdf.clean(label), pdf.bold, 13) + 18;
        Charts.trendArrow(pdf, s.trend(), x, top - 15);
        String trend = t(Words.trend(s.trend()));
        if (s.previous() != null && s.then() != null) {
            trend += t(" so với phiên họp ", " than at the meeting of ") + Words.day(s.previousAsOf()) + " ("
                    + t(Words.rag(s.then().rag())).toLowerCase(vi ? Locale.forLanguageTag("vi") : Locale.ROOT) + ")";
        }
        pdf.text(trend, pdf.regular, 10.5f, x + 16, top - 19, INK);
        pdf.y = top - 30;
        pdf.paragraph(t("Lý do: ", "Why: ") + t(s.now().reason()), pdf.regular, 10, PdfCanvas.MARGIN, PdfCanvas.CONTENT, INK);
        if (s.then() != null) {
            pdf.paragraph(t("Tại phiên họp trước: ", "At the previous meeting: ") + t(s.then().reason()), pdf.regular, 9, PdfCanvas.MARGIN,
                    PdfCanvas.CONTENT, MUTED);
        }
        pdf.y -= 8;
    }

    void heading(String text) throws IOException {
        pdf.ensure(40);
        pdf.y -= 8;
        pdf.paragraph(text, pdf.bold, 11.5f, PdfCanvas.MARGIN, PdfCanvas.CONTENT, ACCENT);
        pdf.y -= 4;
    }

    private void changes(Stocktake s) throws IOException {
        var c = s.changes();
        if (c.from() == null) {
            heading(t("Thay đổi từ phiên họp trước", "Changes since the previous meeting"));
            pdf.paragraph(t("Không có phiên họp nào trước để so sánh.", "There is no earlier meeting to compare with."), pdf.regular, 10,
                    PdfCanvas.MARGIN, PdfCanvas.CONTENT, MUTED);
            return;
        }
        heading(t("Thay đổi từ phiên họp trước (", "Changes since the previous meeting (") + Words.day(c.from()) + " – " + Words.day(c.to()) + ")");
        Table.draw(this, pdf, new float[] {0.7f, 0.3f}, null, List.of(
                new String[] {t("Nhiệm vụ hoàn thành", "Tasks completed"), num(c.tasksCompleted())},
                new String[] {t("Nhiệm vụ được giao thêm (theo lịch sử đồng bộ)", "Tasks added (from the sync history)"), num(c.tasksAdded())},
                new String[] {t("Nhiệm vụ rút khỏi kế hoạch, toàn chương trình", "Tasks withdrawn, whole programme"), num(c.tasksWithdrawnProgrammeWide())},
                new String[] {t("Giá trị chỉ tiêu được báo cáo", "KPI values reported"), num(c.valuesReported())}));
        if (!c.initiatives().isEmpty()) {
            pdf.y -= 6;
            List<String[]> rows = new ArrayList<>();
            for (var mv : c.initiatives()) {
                rows.add(new String[] {mv.initiative().code() + " " + t(mv.initiative().title()), Words.percent(mv.progressThen()) + " – "
                        + Words.percent(mv.progressNow()), t(Words.rag(mv.ragThen())) + " – " + t(Words.rag(mv.ragNow()))});
            }
            Table.draw(this, pdf, new float[] {0.56f, 0.16f, 0.28f},
                    new String[] {t("Sáng kiến", "Initiative"), t("Tiến độ", "Progress"), t("Tình trạng", "Status")}, rows);
        }
        if (!c.values().isEmpty()) {
            pdf.y -= 6;
            List<String[]> rows = new ArrayList<>();
            for (var v : c.values()) {
                var ym = vn.r57desk.store.model.Period.toYearMonth(v.period());
                rows.add(new String[] {t(v.kpi().shortName()) + " (" + t(v.scope()) + ")", ym.getMonthValue() + "/" + ym.getYear(),
                        Words.number(v.value(), vi ? Locale.forLanguageTag("vi-VN") : Locale.UK) + " " + t(v.kpi().unit()), Words.day(v.reportedAt())});
            }
            Table.draw(this, pdf, new float[] {0.44f, 0.14f, 0.24f, 0.18f},
                    new String[] {t("Chỉ tiêu", "KPI"), t("Kỳ", "Period"), t("Giá trị", "Value"), t("Ngày báo cáo", "Reported")}, rows);
        }
        if (!c.recentlyCompleted().isEmpty()) {
            pdf.y -= 6;
            List<String[]> rows = new ArrayList<>();
            for (var task : c.recentlyCompleted()) {
                rows.add(new String[] {t(task.title()), t(task.assignee()), Words.day(task.completedAt())});
            }
            Table.draw(this, pdf, new float[] {0.52f, 0.30f, 0.18f},
                    new String[] {t("Hoàn thành gần nhất", "Latest completed"), t("Đơn vị", "Assignee"), t("Ngày", "Day")}, rows);
        }
    }

    private void overdue(Stocktake s) throws IOException {
        var od = s.overdue();
        heading(t("Nhiệm vụ quá hạn đến ngày ", "Overdue tasks on ") + Words.day(s.asOf()) + ": " + num(od.count()));
        if (od.count() == 0) return;
        List<String[]> rows = new ArrayList<>();
        for (var task : od.oldest()) {
            rows.add(new String[] {t(task.task().title()) + " (" + task.task().initiativeCode() + ")", t(task.task().assignee()),
                    Words.day(task.task().deadline()), num(task.daysLate())});
        }
        Table.draw(this, pdf, new float[] {0.46f, 0.26f, 0.15f, 0.13f},
                new String[] {t("Quá hạn lâu nhất", "Most overdue"), t("Đơn vị", "Assignee"), t("Hạn", "Due"), t("Số ngày", "Days late")}, rows);
        pdf.y -= 6;
        rows = new ArrayList<>();
        for (var a : od.byAssignee()) rows.add(new String[] {t(a.assignee()), num(a.overdue()), num(a.mostDaysLate())});
        Table.draw(this, pdf, new float[] {0.6f, 0.2f, 0.2f},
                new String[] {t("Đơn vị có nhiều nhiệm vụ quá hạn nhất", "Assignees with the most overdue tasks"), t("Quá hạn", "Overdue"),
                        t("Lâu nhất (ngày)", "Oldest (days)")}, rows);
    }

    private void actions(String title, List<MeetingAction> list, LocalDate asOf, boolean withMeeting) throws IOException {
        heading(title);
        if (list.isEmpty()) {
            pdf.paragraph(t("Chưa có.", "None."), pdf.regular, 10, PdfCanvas.MARGIN, PdfCanvas.CONTENT, MUTED);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (MeetingAction a : list) {
            String state = a.done() ? t("Đã xong", "Done") : a.overdueOn(asOf) ? t("Chưa xong, quá hạn", "Not done, overdue") : t("Chưa xong", "Not done");
            String kind = a.kind() == MeetingAction.Kind.DECISION ? t("Kết luận", "Decision") : t("Nhiệm vụ", "Action");
            rows.add(new String[] {(withMeeting && a.meetingStartsAt() != null ? Words.day(a.meetingStartsAt().toLocalDate()) + " · " : "") + kind,
                    a.text(), a.agencyCode() == null ? "" : a.agencyCode(), a.due() == null ? "" : Words.day(a.due()), state});
        }
        Table.draw(this, pdf, new float[] {0.17f, 0.43f, 0.1f, 0.13f, 0.17f},
                new String[] {t("Phiên họp", "Meeting"), t("Nội dung", "What"), t("Cơ quan", "Agency"), t("Hạn", "Due"), t("Kết quả", "Done?")}, rows);
    }

    private String num(long n) {
        return Words.number(n, vi ? Locale.forLanguageTag("vi-VN") : Locale.UK);
    }

    PDType0Font bold() {
        return pdf.bold;
    }
}
