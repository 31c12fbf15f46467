package org.duban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticated reads per second against the running application, from a few client threads of
 * the JDK's HttpClient: a department account of the first county reads {@code GET /api/warnings},
 * once with HTTP Basic on every request and once with an API token.
 */
final class ApiReads {

    record Rate(String credential, long requests, long failures, double perSecond) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String admin;

    ApiReads(int port, String adminPassword) {
        this.base = "http://127.0.0.1:" + port;
        this.admin = basic("admin", adminPassword);
    }

    List<Rate> measure(String region, int threads, Duration each) throws Exception {
        String password = "bench-dept-secret-1";
        String account = "bench-" + region;
        send("POST", "/api/accounts", "{\"username\":\"" + account + "\",\"password\":\"" + password
                + "\",\"roles\":[\"DEPARTMENT\"],\"department\":\"" + region + "/keji\"}", admin, 201);
        String issued = send("POST", "/api/tokens", "{\"department\":\"" + region + "/keji\",\"name\":\"基准测试\"}", admin, 201);
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(issued);
        if (!secret.find()) {
            throw new IllegalStateException("签发令牌的应答中没有 secret: " + issued);
        }
        List<Rate> rates = new ArrayList<>();
        rates.add(load("Basic", basic(account, password), threads, each));
        rates.add(load("Token", "Bearer " + secret.group(1), threads, each));
        return rates;
    }

    private Rate load(String name, String authorization, int threads, Duration each) throws InterruptedException {
        // warm-up: the first requests pay for class loading and the JIT
        load(authorization, threads, Duration.ofSeconds(2), new AtomicLong(), new AtomicLong());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        load(authorization, threads, each, ok, failed);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Rate(name, ok.get(), failed.get(), ok.get() / seconds);
    }

    private void load(String authorization, int threads, Duration each, AtomicLong ok, AtomicLong failed) throws InterruptedException {
        long until = System.nanoTime() + each.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/warnings")).header("Authorization", authorization).GET().build();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < until) {
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }, "api-client-" + i);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
    }

    private String send(String method, String path, String json, String authorization, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " 应答 " + response.statusCode() + "（应为 " + expected + "）: " + response.body());
        }
        return response.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
