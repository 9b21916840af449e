package vn.r57desk.app.packs;

import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.material2.Material2AL;

import vn.r57desk.app.i18n.Messages;
import vn.r57desk.app.widgets.Icons;
import vn.r57desk.store.pack.DataHome.Dataset;

/**
 * The status bar's dataset chooser: says which data is on screen ("Gói: Hệ thống 4 · số liệu đến
 * 20/11/2026 · hết hạn 31/12/2026"), lists the others to switch to, and holds "Mở gói dữ liệu…"
 * and "Xóa dữ liệu trên máy này…". A spinner shows while a pack is being imported.
 */
public final class DatasetChooser {
    public static final String ID = "dataset-chooser";
    public static final String OPEN_ID = "dataset-open-pack";
    public static final String WIPE_ID = "dataset-wipe";
    public static final String PASSCODE_ID = "dataset-passcode";
    public static final String LOCK_ID = "dataset-lock";

    /** The passcode's items: whether one is set, set one, change it, lock now. */
    public record PasscodeActions(java.util.function.BooleanSupplier isSet, Runnable set, Runnable change, Runnable lock) {}

    private final DatasetsViewModel vm;
    private final Messages messages;
    private final MenuButton button = new MenuButton();
    private final Tooltip tip = new Tooltip();
    private final HBox node;
    private final Runnable openPack;
    private final Runnable wipe;
    private final PasscodeActions passcode;

    public DatasetChooser(DatasetsViewModel vm, Messages messages, Runnable openPack, Runnable wipe, PasscodeActions passcode) {
        this.passcode = passcode;
        this.vm = vm;
        this.messages = messages;
        this.openPack = openPack;
        this.wipe = wipe;
        button.setId(ID);
        button.setTooltip(tip);
        Icons.on(button, Material2AL.FOLDER_OPEN);
        // A long label gives way (ending in "…", the tooltip has it whole), down to about eight
        // letters: below that the sync buttons drop their words first (IconOnlyWhenNarrow measures
        // the bar's minimum). Left to shrink freely, the demo data's label was cut to "…" alone;
        // held at ten or more, the bar overflowed a 1024-pixel projector in Vietnamese.
        button.fontProperty().addListener((o, a, b) -> fitMinWidth());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.setMaxSize(16, 16);
        busy.visibleProperty().bind(vm.importingProperty());
        busy.managedProperty().bind(vm.importingProperty());
        node = new HBox(6, busy, button);
        node.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        vm.datasets().addListener((javafx.collections.ListChangeListener<Dataset>) c -> relabel());
        vm.currentProperty().addListener((o, a, b) -> relabel());
        vm.importingProperty().addListener((o, a, b) -> button.setDisable(b));
        relabel();
    }

    public Node node() {
        return node;
    }

    public MenuButton button() {
        return button;
    }

    private void fitMinWidth() {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(button.getText());
        measure.setFont(button.getFont());
        double em = button.getFont().getSize();
        double whole = measure.getLayoutBounds().getWidth() + 5 * em; // the icon, the arrow, the padding
        button.setMinWidth(Math.min(whole, 9 * em));
    }

    /**
     * A pack's long label in the menu on two lines, its scope above its dates: on one line
     * ("Gói: Hệ thống: … quản trị quốc gia · số liệu đến … · hết hạn …") the menu ran past the
     * right edge of a 1024 x 768 projector.
     */
    static String twoLines(String label) {
        int i = label.indexOf(" · ");
        return i < 0 ? label : label.substring(0, i) + "\n" + label.substring(i + 3);
    }

    /** Rebuilds the words and the list: after a change of language or of the datasets. */
    public void relabel() {
        Dataset current = vm.currentProperty().get();
        String text = current == null ? messages.get("dataset.choose") : vm.label(current);
        button.setText(text);
        fitMinWidth();
        button.setAccessibleText(messages.get("dataset.choose") + ": " + text);
        // which file holds the data on screen, and how a pack comes in (a drop needs no menu)
        tip.setText((current == null ? messages.get("dataset.choose") : text + "\n" + current.file().toAbsolutePath())
                + "\n\n" + messages.get("pack.openTip"));
        ToggleGroup group = new ToggleGroup();
        button.getItems().clear();
        for (Dataset d : vm.datasets()) {
            RadioMenuItem item = new RadioMenuItem(twoLines(vm.label(d)));
            item.setId("dataset-" + d.id());
            item.setToggleGroup(group);
            item.setSelected(current != null && current.id().equals(d.id()));
            item.setOnAction(e -> vm.switchTo(d));
            button.getItems().add(item);
        }
        if (!vm.datasets().isEmpty()) button.getItems().add(new SeparatorMenuItem());
        MenuItem open = new MenuItem(messages.get("pack.open"));
        open.setId(OPEN_ID);
        // Ctrl+O is the window's own shortcut (it works with the menu closed); the menu names it.
        open.setAccelerator(null);
        open.setOnAction(e -> openPack.run());
        MenuItem wipeItem = new MenuItem(messages.get("pack.wipe"));
        wipeItem.setId(WIPE_ID);
        wipeItem.setOnAction(e -> wipe.run());
        // The passcode of this laptop's data: set once (the data is then encrypted), changed, and Lock now.
        boolean set = passcode.isSet().getAsBoolean();
        MenuItem code = new MenuItem(messages.get(set ? "passcode.change.menu" : "passcode.set.menu"));
        code.setId(PASSCODE_ID);
        code.setOnAction(e -> (set ? passcode.change() : passcode.set()).run());
        button.getItems().addAll(open, new SeparatorMenuItem(), code);
        if (set) {
            MenuItem lock = new MenuItem(messages.get("passcode.lock.menu"));
            lock.setId(LOCK_ID);
            lock.setOnAction(e -> passcode.lock().run());
            button.getItems().add(lock);
        }
        button.getItems().addAll(new SeparatorMenuItem(), wipeItem);
    }
}
