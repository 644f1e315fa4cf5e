package org.corridor.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by its own chromedriver (both from apt, named explicitly so that
 * Selenium never tries to download a browser). Closed at the end of each test class.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, 1280, 900);
    }

    public Browser(int port, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + width + "," + height));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = "http://127.0.0.1:" + port;
    }

    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    public void signIn(String token) {
        open("/");
        WebElement input = waitFor(By.id("token"));
        input.sendKeys(token);
        driver.findElement(By.id("signin-button")).click();
        waitFor(By.id("whoami"));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(current ->
                        !current.findElement(By.id("whoami")).getText().isBlank());
    }

    public void go(String viewId) {
        driver.get(base + "/#/" + viewId);
        waitFor(By.id("view-" + viewId));
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
