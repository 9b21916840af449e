package vn.r57desk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project's licence (Apache-2.0) is stated the same way everywhere it is stated, and the
 * maintainers' address is written in one place (app/pom.xml's r57.maintainer.* properties). Reads the repository's files
 * from offline-store's working directory (Maven runs tests in the module's folder).
 */
class LicenceTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String read(String path) throws Exception {
        return Files.readString(ROOT.resolve(path));
    }

    @Test
    void theRootLicenceIsTheFullApache20Text() throws Exception {
        String text = read("LICENSE");
        assertThat(text).contains("Apache License", "Version 2.0, January 2004", "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION",
                "9. Accepting Warranty or Additional Liability.", "END OF TERMS AND CONDITIONS");
        assertThat(text.lines().count()).isGreaterThan(190); // the whole text, not a summary
    }

    @Test
    void thePomsAndThePackagesSayApache20() throws Exception {
        assertThat(read("pom.xml")).contains("<name>Apache-2.0</name>", "<name>R57 Desk maintainers</name>");
        assertThat(read("installers/linux/copyright")).contains("Files: *\nCopyright: 2026 R57 Desk maintainers\nLicense: Apache-2.0")
                .doesNotContain("All rights reserved");
        assertThat(read("installers/LICENSE.txt")).contains("Licensed under the Apache License, Version 2.0").doesNotContain("All rights reserved");
        String build = read("installers/build.sh");
        assertThat(build).contains("--linux-rpm-license-type \"Apache-2.0\"").doesNotContain("LicenseRef");
    }

    @Test
    void theMaintainersAddressIsWrittenOnceInAppPom() throws Exception {
        // app/pom.xml's r57.maintainer.* properties are the one place; build.sh and the About dialog read them.
        String appPom = read("app/pom.xml");
        assertThat(appPom).contains("<r57.maintainer.name>R57 Desk maintainers</r57.maintainer.name>");
        Matcher m = Pattern.compile("<r57.maintainer.email>([^<]+@[^<]+)</r57.maintainer.email>").matcher(appPom);
        assertThat(m.find()).as("app/pom.xml sets r57.maintainer.email").isTrue();
        String address = m.group(1);
        assertThat(appPom.split(Pattern.quote(address), -1)).as("the address appears once in app/pom.xml").hasSize(2);
        String build = read("installers/build.sh");
        assertThat(build).contains("maintainer_name=$(pom_property r57.maintainer.name)", "maintainer_email=$(pom_property r57.maintainer.email)")
                .doesNotContain(address);
        // Nowhere else in the packaging files or the POMs, and no placeholder address left.
        try (Stream<Path> files = Files.walk(ROOT.resolve("installers"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/"))
                    .filter(p -> !p.getFileName().toString().matches(".*\\.(png|ico|icns)$")).toList()) {
                String text = Files.readString(f);
                assertThat(text).as(f.toString()).doesNotContain("example.vn");
                assertThat(text).as(f.toString()).doesNotContain(address);
            }
        }
        assertThat(read("pom.xml")).doesNotContain(address);
    }
}
