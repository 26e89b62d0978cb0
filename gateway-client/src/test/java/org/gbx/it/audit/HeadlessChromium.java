package org.gbx.it.audit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Opens a local HTML file in Debian's headless Chromium (installed by scripts/test.sh), with a
 * fresh profile and no background networking, and returns what a reviewer would check: the
 * console messages (script errors and content-security-policy violations are logged there), the
 * DOM after loading, and a screenshot.
 */
final class HeadlessChromium {

    /** What one page load showed. */
    record Page(List<String> consoleMessages, String dom, BufferedImage screenshot) {
    }

    private static final long TIMEOUT_SECONDS = 60;

    private HeadlessChromium() {
    }

    static Page open(Path html, Path workDirectory) throws IOException, InterruptedException {
        return open(html.toUri(), workDirectory);
    }

    /** A page at an address of its own, e.g. a file with a fragment; the screenshot is a 1,280 px wide screen. */
    static Page open(java.net.URI address, Path workDirectory) throws IOException, InterruptedException {
        Path screenshot = workDirectory.resolve("screenshot.png");
        Run shot = run(workDirectory, "shot", "--screenshot=" + screenshot, "--window-size=1280,2400",
                "--hide-scrollbars", address.toString());
        Run dom = run(workDirectory, "dom", "--dump-dom", address.toString());
        List<String> console = new ArrayList<>(shot.console());
        console.addAll(dom.console());
        return new Page(console, dom.stdout(), ImageIO.read(screenshot.toFile()));
    }

    private record Run(String stdout, List<String> console) {
    }

    private static Run run(Path workDirectory, String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(workDirectory, "profile-"), "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(arguments));
        Path stdout = workDirectory.resolve(name + ".out");
        Path stderr = workDirectory.resolve(name + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
        }
        List<String> console = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE")).toList();
        return new Run(Files.readString(stdout, StandardCharsets.UTF_8), console);
    }

    private static String binary() {
        String configured = System.getenv("GBX_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            throw new IllegalStateException("Chromium is not installed: apt-get install -y chromium "
                    + "(scripts/test.sh does it), or set GBX_CHROMIUM to its path");
        }
        return "/usr/bin/chromium";
    }
}
