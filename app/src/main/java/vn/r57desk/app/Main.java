package vn.r57desk.app;

import javafx.application.Application;

import vn.r57desk.app.shell.R57DeskApp;

/** Launcher that is not itself an Application, so the app also starts with JavaFX on the class path. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Application.launch(R57DeskApp.class, args);
    }
}
