package dev.vigil.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless {@code chromium} driven through its {@code chromedriver} (package
 * {@code chromium-driver}) with Selenium: the browser tests and {@code vigil bench web} use it.
 * Both paths are given explicitly, so Selenium Manager never looks for (or downloads) a driver
 * or a browser; {@code -Dvigil.chromium=PATH} and {@code -Dvigil.chromedriver=PATH} point
 * elsewhere. With {@link #logRequests} every request the pages make is recorded (WebDriver
 * BiDi {@code network.beforeRequestSent}), so a test can show that nothing leaves the host.
 */
public final class HeadlessBrowser implements AutoCloseable {
  /** Where Debian puts the browser and its driver. */
  public static final String CHROMIUM = System.getProperty("vigil.chromium", "/usr/bin/chromium");
  public static final String CHROMEDRIVER = System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver");

  // Selenium warns that it has no DevTools bindings for this Chromium's version; the raw DevTools
  // commands used here (executeCdpCommand) and WebDriver BiDi do not need them. Held, so that the
  // levels are not lost with a collected logger.
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");
  private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final ChromeDriver driver;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final AutoCloseable network;

  private HeadlessBrowser(ChromeDriver driver, boolean logRequests) {
    this.driver = driver;
    if (logRequests) {
      org.openqa.selenium.bidi.module.Network n = new org.openqa.selenium.bidi.module.Network(driver);
      n.onBeforeRequestSent(e -> requests.add(e.getRequest().getUrl()));
      network = n;
    } else {
      network = () -> {};
    }
  }

  /**
   * Starts a fresh browser (its own temporary profile) with a {@code width x height} window.
   *
   * @throws IllegalStateException naming the missing program and the package that has it
   */
  public static HeadlessBrowser start(int width, int height, boolean logRequests) {
    require(CHROMIUM, "chromium");
    require(CHROMEDRIVER, "chromium-driver");
    SELENIUM.setLevel(Level.WARNING);
    CDP_VERSIONS.setLevel(Level.SEVERE);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
        "--window-size=" + width + "," + height);
    if (logRequests) {
      options.enableBiDi();
    }
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    try {
      return new HeadlessBrowser(driver, logRequests);
    } catch (RuntimeException e) {
      driver.quit();
      throw e;
    }
  }

  private static void require(String program, String debianPackage) {
    if (!Files.isExecutable(Path.of(program))) {
      throw new IllegalStateException(program + " is not there or not executable: install it with"
          + " 'apt-get install " + debianPackage + "' (or point -Dvigil."
          + Path.of(program).getFileName() + " at one)");
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Every URL requested since the start (or the last {@link #clearRequests}), in order. */
  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public void clearRequests() {
    requests.clear();
  }

  /**
   * Makes the page a phone's (or back): a {@code width x height} CSS-pixel viewport that honours
   * the page's {@code <meta name="viewport">}, through the DevTools Emulation domain.
   */
  public void emulateScreen(int width, int height, boolean mobile) {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** Loads every page from the server, as on a first visit (the HTTP cache is bypassed). */
  public void disableCache() {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
  }

  @Override
  public void close() {
    try {
      network.close();
    } catch (Exception ignored) {
      // the browser goes away next anyway
    } finally {
      driver.quit();
    }
  }
}
