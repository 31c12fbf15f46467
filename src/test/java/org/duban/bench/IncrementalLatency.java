package org.duban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark, not a test: "one new observation → its indicator's warning updated", measured as a
 * client sees it. Each request posts one new value (a new revision, so never "unchanged") of one
 * indicator to a running Duban; the answer comes only after the incremental run has judged the
 * indicator and its warning is written (the run happens after the intake's commit, in the request's
 * thread), so the request's duration is the latency. Prints p50, p90, p99 and max after warm-up.
 *
 * <pre>
 * java -cp target/test-classes org.duban.bench.IncrementalLatency \
 *     --url=http://localhost:8080 --auth="Bearer dbt_…" --plans=zhoucun-2023 --indicator=T22-1 \
 *     --date=2023-09-30 --count=1000 --warmup=100
 * </pre>
 * {@code --plans} takes a comma-separated list (a province's 136 plans): requests go round-robin
 * over them, so each plan's warning is touched in turn. Run it once with the server's
 * {@code duban.evaluation.incremental=false} for the intake alone; the difference is the run.
 * The indicator must be a numeric one every plan has (an addition such as T22-1 suits).
 */
public final class IncrementalLatency {

    private IncrementalLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        String auth = options.getOrDefault("auth", "Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + options.getOrDefault("password", "")).getBytes(StandardCharsets.UTF_8)));
        List<String> plans = Arrays.asList(options.getOrDefault("plans", "zhoucun-2023").split(","));
        String indicator = options.getOrDefault("indicator", "T22-1");
        String date = options.getOrDefault("date", "2023-09-30");
        int count = Integer.parseInt(options.getOrDefault("count", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));

        HttpClient client = HttpClient.newHttpClient();
        long[] nanos = new long[count];
        // a fresh value each time, alternating about a level, so every post is a new revision
        long base = System.nanoTime() % 100_000 * 1_000;
        for (int i = -warmup; i < count; i++) {
            String plan = plans.get(Math.floorMod(i, plans.size()));
            String body = "[{\"indicator\":\"" + indicator + "\",\"date\":\"" + date + "\",\"value\":" + (base + i + warmup) % 700 + "."
                    + (1 + Math.floorMod(i, 9)) + "}]";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/observations?plan=" + plan))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - start;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + request.uri() + " → " + response.statusCode() + ": " + response.body());
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("incremental latency, %d requests over %d plan(s), indicator %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                count, plans.size(), indicator, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[count - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("参数应为 --名称=值，无法识别: " + unknown);
        }
        return options;
    }
}
