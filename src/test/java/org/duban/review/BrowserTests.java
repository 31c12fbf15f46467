package org.duban.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.TestClock;
import org.duban.access.Accounts;
import org.duban.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The review pages in real headless Chromium against a running Duban with the demo data on 2023-10-15.
 * Each page visited is screenshotted to {@code target/screenshots/} and checked to load nothing from
 * another host. Without Chromium the suite is skipped locally and fails on CI ({@code CI=true}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"duban.demo=true", "duban.clock.today=2023-10-15", "duban.schedule.enabled=false"})
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
class BrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final String DEPARTMENT = "shengtai"; // 区生态环境分局 leads task 27
    static final String PASSWORD = "browser-secret-1";

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void startChromium() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but Chromium is missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): .ci/run installs chromium and chromium-driver");
        }
        assumeTrue(present, "Browser tests skipped: install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver fonts-noto-cjk)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900", "--lang=zh-CN");
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void accountsAndFreshSession() {
        if (!accounts.exists(DEPARTMENT)) {
            accounts.create(DEPARTMENT, encoder.encode(PASSWORD), "区生态环境分局联络员", List.of(Role.DEPARTMENT), accounts.departmentId(DEPARTMENT));
        }
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.manage().deleteAllCookies();
    }

    @Test
    void theOfficeLogsInAndSeesTheDemosWarningsAndWallChart() {
        logIn("admin", "test-admin-secret");
        open("/", "overview");
        assertThat(driver.findElement(By.id("level-cards")).getText()).contains("红色", "橙色", "黄色", "蓝色");
        List<WebElement> counts = driver.findElements(By.cssSelector("#level-cards .n"));
        assertThat(counts).hasSize(4).allSatisfy(count -> assertThat(Integer.parseInt(count.getText())).isPositive());
        assertThat(driver.findElements(By.cssSelector("#wall-chart td.cell span.bg-RED"))).isNotEmpty();
        assertThat(driver.findElement(By.id("wall-chart")).getText()).contains("27. 深入推进污染防治");
        assertThat(driver.findElement(By.id("ranking")).getText()).contains("区生态环境分局");
        assertThat(driver.findElement(By.id("last-run")).getText()).contains("规则版本");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/", "overview-phone");
        assertThat(driver.findElement(By.id("level-cards")).isDisplayed()).isTrue();
    }

    @Test
    void task27ShowsItsChartDrawnOnACanvasAndWhyItWarns() {
        logIn("admin", "test-admin-secret");
        open("/tasks/27", "task-27");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart[data-indicator='T27-2'] canvas")));
        Long drawn = (Long) ((JavascriptExecutor) driver).executeScript("""
                var c = document.querySelector(".chart[data-indicator='T27-2'] canvas");
                var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                var n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
                return n;""");
        assertThat(drawn).as("painted pixels on the chart's canvas").isGreaterThan(1000);
        assertThat(driver.findElement(By.id("indicators")).getText()).contains("T27-1", "橙色");
        assertThat(driver.findElement(By.cssSelector("td.explanation")).getText()).isNotBlank();
        assertThat(driver.getPageSource()).contains("现状[指标=T27-1");
    }

    @Test
    void aDepartmentAcknowledgesItsWarningWithAnExplanationAndADate() {
        logIn(DEPARTMENT, PASSWORD);
        open("/departments/" + DEPARTMENT, "department");
        WebElement form = driver.findElement(By.cssSelector(".warning form"));
        String id = form.findElement(By.xpath("..")).getAttribute("id");
        form.findElement(By.name("explanation")).sendKeys("上游来水影响，已开展截污纳管，预计11月底前改善");
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2023-11-30'", form.findElement(By.name("promisedDate")));
        form.findElement(By.cssSelector("button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
        assertThat(driver.findElement(By.id(id)).getText()).contains("已确认", "上游来水影响", "2023-11-30");
        screenshot("department-acknowledged");
    }

    @Test
    void anUploadWithABadRowShowsTheRowsErrorInPlace() throws IOException {
        logIn(DEPARTMENT, PASSWORD);
        open("/departments/" + DEPARTMENT, "department-upload");
        Path csv = Files.createTempFile("上报", ".csv");
        Files.writeString(csv, "指标编码,日期,数值\nT27-1,2023-09-30,Ⅳ\nT99-9,2023-09-30,12\n", StandardCharsets.UTF_8);
        driver.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("upload")).click();
        WebElement errors = new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("upload-errors")));
        assertThat(errors.getText()).contains("T99-9").contains("3");
        assertThat(driver.findElement(By.id("problem")).getText()).contains("数据未保存");
        screenshot("department-upload-errors");
    }

    @Test
    void theOfficeExportsTheLedgerAndItReadsBackWithPoi() throws Exception {
        logIn("admin", "test-admin-secret");
        open("/bulletin", "bulletin");
        String href = driver.findElement(By.id("ledger-xlsx")).getAttribute("href");
        byte[] workbook = download(href);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheet("台账");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("指标编码");
            List<String> lines = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 1) {
                    lines.add(row.getCell(5).getStringCellValue() + "|" + row.getCell(3).getStringCellValue() + "|" + row.getCell(11).getStringCellValue());
                }
            }
            assertThat(lines).hasSizeGreaterThan(100).contains("T27-1|区生态环境分局|橙色");
        }
        try (XSSFWorkbook bulletin = new XSSFWorkbook(new ByteArrayInputStream(download(driver.findElement(By.id("bulletin-xlsx")).getAttribute("href"))))) {
            assertThat(bulletin.getSheet("部门排名").getPhysicalNumberOfRows()).isGreaterThan(3);
        }
    }

    @Test
    void aDepartmentIsRefusedAnotherDepartmentsPagesAlsoByUrl() {
        logIn(DEPARTMENT, PASSWORD);
        driver.get(url("/departments/keji"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("403");
        screenshot("forbidden");
        driver.get(url("/tasks/1"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("403");
        driver.get(url("/accounts"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("403");
        driver.get(url("/tasks/27"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("任务 27");
    }

    @Test
    void everyOtherPageRendersForTheOfficeWithoutExternalHosts() {
        logIn("admin", "test-admin-secret");
        open("/warnings", "warnings");
        assertThat(driver.findElements(By.cssSelector("#warnings tr"))).hasSizeGreaterThan(5);
        String first = driver.findElement(By.cssSelector("#warnings td a")).getAttribute("href");
        driver.get(first);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("mails")));
        open(URI.create(first).getPath(), "warning");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("mails")));
        screenshot("warning");
        open(URI.create(first).getPath() + "/notice", "notice");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("督 办 单", "回复期限");
        open("/warnings?level=RED", "warnings-red");
        assertThat(driver.findElements(By.cssSelector("#warnings .lv"))).allSatisfy(l -> assertThat(l.getText()).isEqualTo("红色"));
        open("/firings?task=27", "firings");
        assertThat(driver.findElement(By.id("firings")).getText()).contains("现状[");
        open("/rules", "rules");
        assertThat(driver.findElement(By.id("rule-version")).getText()).contains("版本");
        assertThat(driver.findElement(By.id("jobs")).getText()).contains("evaluation");
        open("/accounts", "accounts");
        open("/departments", "departments");
        open("/account/password", "password");
        driver.manage().deleteAllCookies();
        open("/login", "login");
    }

    /** Opens a page, screenshots it, and checks that neither its HTML nor what it loaded names another host. */
    private void open(String path, String name) {
        driver.get(url(path));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        screenshot(name);
        Matcher external = Pattern.compile("(?:src|href|action)\\s*=\\s*[\"']\\s*(?:https?:)?//(?!localhost[:/\"'])([^\"'/]+)").matcher(driver.getPageSource());
        assertThat(external.find()).as(path + " references an external host: " + (external.hitEnd() ? "" : external.group())).isFalse();
        @SuppressWarnings("unchecked")
        List<String> loaded = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
        assertThat(loaded).as(path + " loads only from Duban").allSatisfy(resource -> assertThat(resource).startsWith(url("/")));
    }

    private void logIn(String username, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private byte[] download(String href) throws IOException, InterruptedException {
        String session = Optional.ofNullable(driver.manage().getCookieNamed("JSESSIONID")).orElseThrow().getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("spreadsheetml"));
        return response.body();
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
