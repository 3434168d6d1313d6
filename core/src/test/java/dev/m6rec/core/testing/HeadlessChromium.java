package dev.m6rec.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens an HTML report in Debian's headless Chromium ({@code /usr/bin/chromium}; {@code .ci/run}
 * installs it on CI) and reads back the page as it stands after its scripts ran. Tests skip, saying
 * why, only where no chromium binary exists (a developer machine). Each call uses a fresh profile
 * folder and the flags that keep Chromium off the network (background updates, sync, QUIC).
 */
public final class HeadlessChromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    /** A hung browser fails the test instead of the build; generous for a slow CI machine. */
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern CHART = Pattern.compile("<div [^>]*id=\"(chart-\\d+)\"");

    private HeadlessChromium() {
    }

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "no " + BINARY + " on this machine: the report is not"
                + " checked in a browser here (.ci/run installs Debian's chromium on CI)");
    }

    /** The page's DOM after its scripts ran (up to 20 s of virtual time). */
    public static String dumpDom(Path page) throws IOException, InterruptedException {
        return new String(run(page, List.of("--dump-dom")), StandardCharsets.UTF_8);
    }

    /** A full-width screenshot of the page's first {@code height} pixels. */
    public static void screenshot(Path page, Path png, int height) throws IOException, InterruptedException {
        run(page, List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=1280," + height,
                "--hide-scrollbars"));
        assertThat(png).isNotEmptyFile();
    }

    /**
     * Asserts what every rendered report must show: no script error or failed chart in the page's
     * error list, and an SVG in every chart container. Returns the number of charts.
     */
    public static int assertChartsRenderedWithoutErrors(String dom) {
        Matcher errors = Pattern.compile("<ul id=\"m6rec-errors\"[^>]*>(.*?)</ul>", Pattern.DOTALL).matcher(dom);
        assertThat(errors.find()).as("the page's error list").isTrue();
        assertThat(errors.group(1)).as("errors the page recorded").isEmpty();
        List<Integer> starts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Matcher chart = CHART.matcher(dom);
        while (chart.find()) {
            starts.add(chart.start());
            ids.add(chart.group(1));
        }
        assertThat(ids).as("chart containers").isNotEmpty();
        for (int i = 0; i < ids.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : dom.length();
            assertThat(dom.substring(starts.get(i), end)).as(ids.get(i) + " rendered").contains("<svg");
        }
        assertThat(dom).contains("data-charts-settled=\"" + ids.size() + "\"");
        return ids.size();
    }

    private static byte[] run(Path page, List<String> output) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("m6rec-chromium-");
        try {
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--user-data-dir=" + profile, "--virtual-time-budget=20000"));
            command.addAll(output);
            command.add(page.toAbsolutePath().toUri().toString());
            Path stdout = profile.resolve("stdout");
            Path stderr = profile.resolve("stderr");
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                        + Files.readString(stderr));
            }
            assertThat(process.exitValue()).as("chromium's exit code; stderr: " + Files.readString(stderr)).isZero();
            return Files.readAllBytes(stdout);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
