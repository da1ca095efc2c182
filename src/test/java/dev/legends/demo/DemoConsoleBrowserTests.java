package dev.legends.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.legends.testkit.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo console in a real browser (Debian's headless Chromium, driven by Selenium):
 * the whole loop a newcomer tries, through the same forms and buttons a person clicks:
 * report an outcome in the modal, confirm it from another person's DM, see the board
 * change, set up a team and its goals, post a digest with its chart, open App Home and
 * receive the export file. The page must log no error. One app serves both tests; each
 * gets a fresh browser. Screenshots of each step are saved under
 * {@code target/demo-screenshots}.
 */
class DemoConsoleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "demo-screenshots");

	// Selenium warns on every start that it has no DevTools classes for this Chromium;
	// the
	// test does not use DevTools (a strong reference keeps the level set)
	private static final java.util.logging.Logger CDP_LOGGER = java.util.logging.Logger
		.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	@TempDir
	static Path dataDir;

	@TempDir
	Path profileDir;

	private static RunningApp app;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	static void startApp() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed) {
			System.out.println("DemoConsoleBrowserTests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing (apt-get install -y chromium chromium-driver; .ci/run installs them)");
		}
		assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		CDP_LOGGER.setLevel(java.util.logging.Level.OFF);
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		app = RunningApp.start(Map.of("SLACK_BOT_TOKEN", "", "SLACK_SIGNING_SECRET", "", "LEGENDS_DB_URL", "",
				"LEGENDS_DATA_DIR", dataDir.toString()));
	}

	@AfterAll
	static void stopApp() {
		if (app != null) {
			app.close();
		}
	}

	@BeforeEach
	void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1400,900", "--user-data-dir=" + this.profileDir);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		// the console re-renders a conversation when Legends sends something, so an
		// element
		// found a moment ago may be gone: every wait looks again
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	@AfterEach
	void stop(org.junit.jupiter.api.TestInfo test) throws IOException {
		if (this.browser != null) {
			String name = "last-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test");
			screenshot(name);
			Files.writeString(SCREENSHOTS.resolve(name + ".html"), this.browser.getPageSource());
			Files.writeString(SCREENSHOTS.resolve(name + "-outbox.json"), String
				.valueOf(((JavascriptExecutor) this.browser).executeAsyncScript(
						"const done = arguments[0]; fetch('/demo/outbox').then(r => r.text()).then(done, e => done(String(e)));")));
			this.browser.quit();
		}
	}

	@Test
	void consoleWhenNewcomerWalksTheLoopReportsConfirmsRanksSetsUpATeamAndGoalAndPostsTheDigestWithItsChart()
			throws Exception {
		open("U0DEMOGRACE", "C0DEMOGENERAL");
		String before = youLine(command("top"));
		command("report Search results load twice as fast");
		WebElement modal = modal("Report an outcome");
		new Select(modal.findElement(By.cssSelector("[data-block-id=kind] select"))).selectByVisibleText("Bug fixed");
		modal.findElement(By.cssSelector("[data-block-id=link] input")).sendKeys("not a link");
		new Select(modal.findElement(By.cssSelector("[data-block-id=confirmer] select")))
			.selectByVisibleText("Linus Torvalds");
		modal.findElement(By.cssSelector("[data-block-id=size] input[value]")).click();
		submit();
		WebElement linkError = this.wait.until((driver) -> visibleError("link"));
		assertThat(linkError.getText()).isNotBlank();
		screenshot("01-report-modal-error");
		WebElement link = this.browser.findElement(By.cssSelector("#modal [data-block-id=link] input"));
		link.clear();
		link.sendKeys("https://git.example.com/search/pull/42");
		submit();
		this.wait.until((driver) -> driver.findElement(By.id("modal-backdrop")).getDomAttribute("hidden") != null);

		switchTo("U0DEMOLINUS");
		click(By.id("nav-dm"));
		String request = "//*[@id='messages']/div[contains(@class, 'message')][contains(., 'Search results load twice as fast')]";
		By confirm = By.xpath(request + "//button[contains(@class, 'primary')][@data-action-id='outcome_confirm']");
		this.wait.until((driver) -> driver.findElement(confirm).isDisplayed());
		screenshot("02-confirm-request-in-dm");
		click(confirm);
		this.wait.until((driver) -> driver.findElements(By.xpath(request + "[.//div[@class='edited']]")).size() == 1
				&& driver.findElements(confirm).isEmpty());

		switchTo("U0DEMOGRACE");
		click(By.cssSelector("[data-channel=C0DEMOGENERAL]"));
		String after = youLine(command("top"));
		assertThat(after).isNotEqualTo(before);
		screenshot("03-board-after-confirmation");

		switchTo("U0DEMOADA");
		command("team setup");
		modal = modal("team");
		modal.findElement(By.cssSelector("[data-block-id=team_name] input")).sendKeys("Research");
		Select members = new Select(modal.findElement(By.cssSelector("[data-block-id=team_members] select")));
		members.selectByVisibleText("Barbara Liskov");
		members.selectByVisibleText("Frances Allen");
		new Select(modal.findElement(By.cssSelector("[data-block-id=team_managers] select")))
			.selectByVisibleText("Ada Lovelace");
		screenshot("04-team-setup");
		submit();
		this.wait.until((driver) -> driver.findElement(By.id("modal-backdrop")).getDomAttribute("hidden") != null
				|| !modalTitle().toLowerCase().contains("team"));
		closeAnyNotice();
		command("goals Research");
		modal = modal("");
		if (!this.browser.findElements(By.cssSelector("#modal [data-block-id=goal_team] select")).isEmpty()) {
			new Select(modal.findElement(By.cssSelector("[data-block-id=goal_team] select")))
				.selectByVisibleText("Research");
			submit();
		}
		WebElement points = this.wait
			.until((driver) -> driver.findElement(By.cssSelector("#modal [data-block-id=goal_points] input")));
		new Select(this.browser.findElement(By.cssSelector("#modal [data-block-id=goal_period] select")))
			.selectByIndex(1);
		points.sendKeys("12");
		this.browser.findElement(By.cssSelector("#modal [data-block-id=goal_outcomes] input")).sendKeys("4");
		screenshot("05-goals");
		submit();
		this.wait.until((driver) -> driver.findElement(By.id("modal-backdrop")).getDomAttribute("hidden") != null
				|| driver.findElements(By.cssSelector("#modal [data-block-id=goal_points]")).isEmpty());
		closeAnyNotice();
		String team = command("team Research");
		assertThat(team).contains("Research").contains("12");

		switchTo("U0DEMOMARGARET");
		click(By.cssSelector("[data-channel=C0DEMOPLATFORM]"));
		command("digest now");
		click(By.cssSelector("#messages .replies"));
		this.wait.until((driver) -> (Boolean) script(
				"const chart = document.querySelector('#thread .file img'); return !!chart && chart.complete && chart.naturalWidth > 0"));
		screenshot("06-digest-with-chart");

		click(By.id("nav-home"));
		this.wait.until((driver) -> text("#home").contains("Platform"));
		screenshot("07-app-home");

		click(By.cssSelector("[data-channel=C0DEMOGENERAL]"));
		assertThat(command("export")).contains("Preparing your export");
		click(By.id("nav-dm"));
		List<?> file = this.wait.until((driver) -> (List<?>) script(
				"const card = document.querySelector('#messages .file a.file-card'); return card ? [card.innerText, card.getAttribute('href')] : null"));
		assertThat(String.valueOf(file.get(0))).contains("Your Legends data").contains(".json");
		String export = String.valueOf(((JavascriptExecutor) this.browser).executeAsyncScript(
				"const done = arguments[1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
				file.get(1)));
		assertThat(export).contains("U0DEMOMARGARET");
		screenshot("08-export-in-dm");

		assertThat(consoleErrors()).isEmpty();
	}

	private List<LogEntry> consoleErrors() {
		return this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
			.toList();
	}

	@Test
	void consoleWhenWithdrawClickedAsksFirstAndDoesNothingOnCancel() throws Exception {
		open("U0DEMOGRACE", "C0DEMOGENERAL");
		command("me");
		String first = newestMessageBody();
		long kept = withdrawButtons();
		assertThat(kept).isPositive();
		click(By.xpath("(//*[@id='messages']//button[contains(@class, 'danger')][contains(., 'Withdraw')])[last()]"));
		WebElement dialog = this.wait.until((driver) -> driver.findElement(By.id("confirm")));
		this.wait.until((driver) -> dialog.isDisplayed());
		assertThat(dialog.getText()).contains("Withdraw this outcome?");
		screenshot("09-withdraw-confirm");
		this.browser.findElement(By.id("confirm-deny")).click();
		this.wait.until((driver) -> !dialog.isDisplayed());
		command("me");
		assertThat(withdrawButtons()).isEqualTo(kept);
		assertThat(newestMessageBody()).isEqualTo(first);
		assertThat(consoleErrors()).isEmpty();
	}

	/** What the newest message says, without its sender and time. */
	private String newestMessageBody() {
		return (String) script(
				"const all = document.querySelectorAll('#messages .message');" + " if (!all.length) return '';"
						+ " return [...all[all.length - 1].querySelectorAll('.body > :not(.meta)')]"
						+ ".map((part) => part.innerText).join('\\n');");
	}

	/** The Withdraw buttons in the newest message. */
	private long withdrawButtons() {
		return (Long) script("const all = document.querySelectorAll('#messages .message');"
				+ " if (!all.length) return 0;" + " return [...all[all.length - 1].querySelectorAll('button.danger')]"
				+ ".filter((b) => b.innerText.includes('Withdraw')).length;");
	}

	private void open(String user, String channel) {
		this.browser.get("http://127.0.0.1:" + app.port() + "/demo/index.html?user=" + user + "&channel=" + channel);
		this.wait.until((driver) -> "true".equals(driver.findElement(By.tagName("body")).getAttribute("data-ready")));
	}

	private void switchTo(String user) {
		new Select(this.browser.findElement(By.id("user"))).selectByValue(user);
	}

	/**
	 * Type a command and wait for its answer (or the form it opens).
	 * @return the newest message's text
	 */
	private String command(String text) {
		long before = messages();
		this.browser.findElement(By.id("text")).sendKeys(text);
		this.browser.findElement(By.id("send")).click();
		this.wait.until((driver) -> messages() >= before + 2
				|| driver.findElement(By.id("modal-backdrop")).getDomAttribute("hidden") == null);
		return (String) script("const all = document.querySelectorAll('#messages .message');"
				+ " return all.length ? all[all.length - 1].innerText : '';");
	}

	private long messages() {
		return (Long) script("return document.querySelectorAll('#messages .message').length;");
	}

	/**
	 * Click what {@code by} finds, looking again if the console re-rendered it meanwhile.
	 */
	private void click(By by) {
		this.wait.until((driver) -> {
			driver.findElement(by).click();
			return true;
		});
	}

	private Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) this.browser).executeScript(script, arguments);
	}

	private WebElement modal(String titlePart) {
		this.wait.until((driver) -> driver.findElement(By.id("modal-backdrop")).getDomAttribute("hidden") == null
				&& modalTitle().toLowerCase().contains(titlePart.toLowerCase()));
		return this.browser.findElement(By.id("modal"));
	}

	private String modalTitle() {
		return this.browser.findElement(By.cssSelector("#modal .modal-title")).getText();
	}

	private void closeAnyNotice() {
		if (this.browser.findElement(By.id("modal-backdrop")).getDomAttribute("hidden") == null) {
			this.browser.findElement(By.id("modal-cancel")).click();
		}
	}

	private void submit() {
		this.browser.findElement(By.id("modal-submit")).click();
	}

	private WebElement visibleError(String blockId) {
		return this.browser.findElements(By.cssSelector("#modal .input-block[data-block-id=" + blockId + "] .error"))
			.stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElse(null);
	}

	private String text(String selector) {
		return this.browser.findElement(By.cssSelector(selector)).getText();
	}

	private static String youLine(String board) {
		return board.lines().filter((line) -> line.startsWith("You:")).findFirst().orElse(board);
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		File file = this.browser.getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
