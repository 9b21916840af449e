package vn.r57desk.app.shell;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.theme.Styles;

/**
 * "Giới thiệu / About R57 Desk" (F1, or the header's ⓘ button): the program's name and version,
 * its licence with a line of it, its maintainers and their address, the data open and its as-of
 * date, and the third-party software it bundles. Shown without blocking; the window's theme applies.
 */
final class AboutDialog {
    static final String ID = "about";
    static final String VERSION_ID = "about-version";
    static final String LICENCE_ID = "about-licence";
    static final String MAINTAINERS_ID = "about-maintainers";
    static final String DATA_ID = "about-data";
    static final String NOTICES_ID = "about-notices";

    private AboutDialog() {}

    /** The lines of the dialog, top to bottom, as text (a test reads them without a window). */
    static List<String> lines(Messages m, About about, String data) {
        return List.of(m.get("about.tagline"), m.get("about.version", about.version()),
                m.get("about.licence") + "\n" + m.get("about.licenceText"),
                m.get("about.maintainers", about.maintainerName(), about.maintainerEmail()), data,
                m.get("about.notices") + "\n" + String.join("\n", About.NOTICES.stream().map(n -> "• " + n).toList()));
    }

    static Dialog<ButtonType> show(Window owner, List<String> stylesheets, Messages m, About about, String data) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(m.get("about.title"));
        d.setHeaderText(m.get("app.name"));
        d.getDialogPane().setId(ID);
        d.getDialogPane().getStylesheets().setAll(stylesheets);
        List<String> text = lines(m, about, data);
        String[] ids = {null, VERSION_ID, LICENCE_ID, MAINTAINERS_ID, DATA_ID, NOTICES_ID};
        VBox box = new VBox(10);
        for (int i = 0; i < text.size(); i++) {
            Label l = new Label(text.get(i));
            l.setWrapText(true);
            if (ids[i] != null) l.setId(ids[i]);
            if (i == NOTICES_LINE) l.getStyleClass().add(Styles.MUTED);
            box.getChildren().add(l);
        }
        box.setPadding(new Insets(8, 12, 8, 12));
        box.setPrefWidth(WIDTH);
        // In the projector's type on a 768-pixel screen the text is taller than the window: it
        // scrolls, the Close button stays in sight (it was below the screen's edge).
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        d.getDialogPane().setContent(scroll);
        d.getDialogPane().getButtonTypes().setAll(new ButtonType(m.get("about.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        d.getDialogPane().applyCss();
        double room = owner == null ? Double.MAX_VALUE : owner.getHeight() - ROOM_AROUND;
        scroll.setPrefViewportHeight(Math.max(160, Math.min(box.prefHeight(WIDTH), room)));
        d.show();
        return d;
    }

    private static final int NOTICES_LINE = 5;
    private static final double WIDTH = 560;
    /** The window's height the dialog leaves to its title, header, button row and a margin. */
    private static final double ROOM_AROUND = 260;
}
