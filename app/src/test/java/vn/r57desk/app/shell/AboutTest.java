package vn.r57desk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.r57desk.app.i18n.Messages;

/** "Giới thiệu / About R57 Desk": its facts come from the build, the maintainers' address from one place. */
class AboutTest {
    private static String pom(String element) throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<" + Pattern.quote(element) + ">([^<]*)</" + Pattern.quote(element) + ">").matcher(pom);
        assertThat(m.find()).as(element + " in app/pom.xml").isTrue();
        return m.group(1);
    }

    @Test
    void theVersionAndTheMaintainersComeFromTheBuild() throws Exception {
        About about = About.load();
        assertThat(about.version()).as("the build's version, not 'dev'").isNotEqualTo(About.DEV).doesNotContain("${")
                .isEqualTo(pom("version"));
        assertThat(about.maintainerName()).isEqualTo(pom("r57.maintainer.name")).isEqualTo("R57 Desk maintainers");
        assertThat(about.maintainerEmail()).isEqualTo(pom("r57.maintainer.email")).contains("@");
    }

    @Test
    void theAddressIsWrittenOnceTheInstallersReadIt() throws Exception {
        String email = pom("r57.maintainer.email");
        String build = Files.readString(Path.of("../installers/build.sh"));
        assertThat(build).as("build.sh reads the address from app/pom.xml").doesNotContain(email).contains("r57.maintainer.email");
    }

    @Test
    void aCopyTheBuildDidNotFilterSaysDev() {
        Properties p = new Properties();
        p.setProperty("version", "${project.version}");
        p.setProperty("maintainer.email", "${r57.maintainer.email}");
        About a = About.from(p);
        assertThat(a.version()).isEqualTo("dev");
        assertThat(a.maintainerEmail()).isEmpty();
        assertThat(About.from(new Properties()).version()).isEqualTo("dev");
    }

    @Test
    void theDialogSaysTheLicenceTheMaintainersTheDataAndTheThirdPartySoftware() {
        Messages m = new Messages();
        About about = new About("0.1.0", "R57 Desk maintainers", "r57@example.org");
        var vi = String.join("\n", AboutDialog.lines(m, about, "Dữ liệu đang mở: Dữ liệu minh họa, số liệu đến ngày 20/11/2026."));
        assertThat(vi).contains("Phiên bản 0.1.0", "Apache-2.0", "Giấy phép Apache, Phiên bản 2.0", "R57 Desk maintainers <r57@example.org>",
                "số liệu đến ngày 20/11/2026");
        for (String name : new String[] {"JavaFX", "TilesFX", "sqlite-jdbc", "OkHttp", "Jackson", "PDFBox", "Noto Sans — SIL Open Font License 1.1 (OFL)"}) {
            assertThat(vi).contains(name);
        }
        m.localeProperty().set(Messages.EN);
        assertThat(String.join("\n", AboutDialog.lines(m, about, "x"))).contains("Version 0.1.0", "Licence: Apache-2.0",
                "Maintained by R57 Desk maintainers <r57@example.org>", "Third-party software");
    }
    /**
     * The installers' notices (installers/LICENSE.txt, shown before installing) name what the About
     * window names and nothing else: they had listed ControlsFX, which is not bundled, and left out
     * PDFBox, which is. picocli is the CLI's and the installers leave it out (installers/build.sh).
     */
    @Test
    void theInstallersNoticesNameWhatTheAboutWindowNames() throws Exception {
        String notices = Files.readString(Path.of("../installers/LICENSE.txt")).replaceAll("\\s+", " ");
        for (String line : About.NOTICES) {
            String names = line.substring(0, line.indexOf(" — "));
            for (String name : names.replace("(OpenJFX)", "").split(",")) {
                String n = name.strip().replaceFirst(" \\(.*\\)$", "");
                if (n.equals("picocli") || n.equals("JavaFX")) continue;
                assertThat(notices).as("installers/LICENSE.txt names " + n).contains(n);
            }
        }
        assertThat(notices).contains("OpenJFX").doesNotContain("ControlsFX");
        assertThat(Files.readString(Path.of("../installers/build.sh"))).as("the installers leave picocli out").contains("picocli-*) ;;");
    }
}
