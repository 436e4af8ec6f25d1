package io.keyreview.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;

import com.opencsv.CSVReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The night's {@code reports/index.html} in a real headless Chromium (Debian's chromium
 * and chromium-driver, which {@code .ci/run} installs): it loads with no console error
 * and no request leaving the file, its figures are the register's, and a hostile alias
 * renders as text.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:report;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
		+ "NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1")
class NightReportBrowserTests extends JobTestSupport {

	private static final String HOSTILE_ALIAS = "<img src=x onerror=alert(1)><script>alert(2)</script>";

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private ChromeDriver browser;

	@BeforeEach
	void headlessChromium() throws IOException {
		assumeTrue(Files.isExecutable(CHROMEDRIVER) || "true".equals(System.getenv("CI")),
				"Chromium and its driver are not installed (apt-get install chromium chromium-driver)");
		ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.browser = new ChromeDriver(
				new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void thePageLoadsNothingShowsTheRegistersFiguresAndAHostileAliasAsText() throws Exception {
		givenInputs("basic");
		Path keys = INPUTS.resolve("keys/gateway.csv");
		Files.writeString(keys,
				Files.readString(keys).replace("alpha-prod,alpha,", "alpha-prod,\"" + HOSTILE_ALIAS + "\","));
		assertThat(nightly(NightlyJobScenarios.NIGHT)).isEqualTo(ExitCode.DONE);
		Path page = OUT.resolve("reports/index.html").toAbsolutePath();

		this.browser.get(page.toUri().toString());

		assertThat(this.browser.getTitle()).isEqualTo("keyreview, night of 2026-11-21");
		assertThat(this.browser.manage().logs().get(LogType.BROWSER).getAll()).extracting(LogEntry::getMessage)
			.as("no console error")
			.isEmpty();
		assertThat(((JavascriptExecutor) this.browser)
			.executeScript("return performance.getEntriesByType('resource').length")).as("no request").isEqualTo(0L);
		Map<String, String> shown = new TreeMap<>();
		for (WebElement row : this.browser.findElements(By.cssSelector("tr.decision"))) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			shown.put(cells.get(0).getText(), cells.get(1).getText());
		}
		assertThat(shown).isEqualTo(decisionsIn(OUT.resolve("register/register-2026-11-21.csv")));
		assertThat(this.browser.findElements(By.cssSelector("td.alias"))).extracting(WebElement::getText)
			.contains(HOSTILE_ALIAS);
		assertThat(this.browser.findElements(By.tagName("img"))).isEmpty();
		assertThat(this.browser.findElements(By.tagName("script"))).isEmpty();
		assertThat(this.browser.findElement(By.cssSelector("a[href='mismatches-2026-11-21.csv']")).isDisplayed())
			.isTrue();
		assertThat(OUT.resolve("reports/mismatches-2026-11-21.csv")).exists();
	}

	/** How many keys of the register export got each decision. */
	private static Map<String, String> decisionsIn(Path register) throws Exception {
		Map<String, Integer> counts = new TreeMap<>();
		try (CSVReader csv = new CSVReader(Files.newBufferedReader(register))) {
			String[] header = csv.readNext();
			int decision = List.of(header).indexOf("decision");
			for (String[] row : csv) {
				if (!row[decision].isEmpty()) {
					counts.merge(row[decision], 1, Integer::sum);
				}
			}
		}
		Map<String, String> texts = new TreeMap<>();
		counts.forEach((decision, n) -> texts.put(decision, String.valueOf(n)));
		return texts;
	}

}
