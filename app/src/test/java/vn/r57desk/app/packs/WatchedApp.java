package vn.r57desk.app.packs;

import vn.r57desk.app.shell.MainWindow;
import vn.r57desk.app.shell.R57DeskApp;

/** The app, with its window in reach of a test (to open a pack as a drop or Ctrl+O's chooser would). */
public class WatchedApp extends R57DeskApp {
    public static volatile MainWindow window;

    @Override
    protected void started(MainWindow w) {
        window = w;
    }
}
