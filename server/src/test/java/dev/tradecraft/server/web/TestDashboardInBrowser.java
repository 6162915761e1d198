package dev.tradecraft.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import dev.tradecraft.server.SampleWorkspace;
import dev.tradecraft.server.response.ResponsePlanner;
import dev.tradecraft.store.Workspace;
import dev.tradecraft.store.read.Overview;
import dev.tradecraft.store.read.WorkspaceQueries;

/**
 * The dashboard in a real browser (Debian's chromium, headless): sign in through the token address,
 * read the overview's numbers, follow a campaign to a victim, see attacker text shown as text.
 * Skipped where chromium and its driver are not installed.
 */
class TestDashboardInBrowser
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path folder;

    private static Workspace workspace;
    private static WorkspaceQueries queries;
    private static Token token;
    private static Dashboard dashboard;
    private static WebDriver browser;
    private static Path screenshots;

    @BeforeAll
    static void start() throws Exception
    {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: needs " + CHROMIUM + " and " + CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)");
        SampleWorkspace.write(folder.resolve("workspace"));
        workspace = Workspace.openReadOnly(folder.resolve("workspace"));
        queries = new WorkspaceQueries(workspace);
        token = Token.generate();
        dashboard = Dashboard.start(WorkspaceSource.perRequest(folder.resolve("workspace")), ResponsePlanner.builtIn("CVE-2025-53770"),
                new DashboardSettings("127.0.0.1", 0, token));

        // The driver is named explicitly so Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
                "--user-data-dir=" + Files.createDirectories(folder.resolve("chromium-profile")));
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        screenshots = Files.isRegularFile(Path.of("server/pom.xml")) ? Path.of("server/target/screenshots") : Path.of("target/screenshots");
        Files.createDirectories(screenshots);
    }

    @AfterAll
    static void stop()
    {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.stop();
        }
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void testOverviewCampaignVictimAndExposureAsAPersonSeesThem() throws Exception
    {
        browser.get(dashboard.signInAddress(token).toString());
        assertEquals(dashboard.address().toString(), browser.getCurrentUrl(), "the token leaves the address bar");
        Overview overview = queries.overview();
        assertEquals(overview.exposure().services(), metric("exposed"));
        assertEquals(overview.exposure().vulnerable(), metric("vulnerable"));
        assertEquals(overview.compromised(), metric("compromised"));
        assertEquals(overview.campaigns(), metric("campaigns"));
        screenshot("overview");

        browser.findElement(By.linkText(SampleWorkspace.CAMPAIGN)).click();
        assertTrue(browser.getCurrentUrl().endsWith("/campaigns/" + SampleWorkspace.CAMPAIGN), browser.getCurrentUrl());
        assertEquals("Campaign " + SampleWorkspace.CAMPAIGN, browser.findElement(By.tagName("h1")).getText());
        assertEquals(2, browser.findElements(By.cssSelector("svg")).size(), "victim graph and timeline");
        screenshot("campaign");

        browser.findElement(By.cssSelector("a.victim-link[href='/organisations/" + SampleWorkspace.COMPROMISED + "']")).click();
        assertTrue(browser.getCurrentUrl().endsWith("/organisations/" + SampleWorkspace.COMPROMISED), browser.getCurrentUrl());
        long hits = queries.organisation(SampleWorkspace.COMPROMISED, 1).orElseThrow().hitCount();
        assertEquals(Long.toString(hits), browser.findElement(By.cssSelector("[data-metric=hits]")).getText());
        assertEquals(hits, browser.findElements(By.cssSelector("table.hits tr.hit")).size());
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(text.contains(SampleWorkspace.SCRIPT), "the planted script tag is shown as text");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert(), "no script ran");
        assertTrue(browser.findElements(By.tagName("script")).isEmpty(), "no script element on the page");
        assertFalse(browser.findElements(By.cssSelector("ol.checklist li[data-step=patch]")).isEmpty(), "the checklist is there");
        screenshot("organisation");

        browser.findElement(By.linkText("Exposure")).click();
        assertEquals("Exposure", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector("figure.chart svg")).size() >= 3, "totals, by country, by product");
        screenshot("exposure");
    }

    private static long metric(String name)
    {
        return Long.parseLong(browser.findElement(By.cssSelector("[data-metric=" + name + "] .number")).getText());
    }

    private static void screenshot(String name) throws IOException
    {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
