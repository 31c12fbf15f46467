package org.duban.rules;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires a session under a time limit and a cap on firings, so rules that keep triggering each
 * other (an insert or modify loop, which no check of the compiled code can see) cannot hang an
 * evaluation or a load. Firing runs on its own thread; at the limit the session is halted, which
 * takes effect between firings. A consequence that never returns cannot be stopped by Drools, so
 * such code is refused when the rules are compiled (see {@link RuleBytecodeCheck}); should one
 * slip through, its thread is left behind and the caller goes on.
 */
public final class RuleFiring {

    private static final Logger log = LoggerFactory.getLogger(RuleFiring.class);
    /**
     * Threads that fire sessions, reused (a thread per session was measurable at thousands of regions a run);
     * a firing that never returns keeps its thread and the pool makes another.
     */
    private static final ExecutorService FIRING_THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "rule-firing");
        thread.setDaemon(true);
        return thread;
    });
    /** After a halt, how long to wait for the current firing to end before leaving it behind. */
    private static final Duration AFTER_HALT = Duration.ofSeconds(5);

    private RuleFiring() {
    }

    /**
     * Fires all rules; returns the number of firings.
     *
     * @param place where a rule is written, e.g. {@code rules/tasks/t22.drl 第 5 行}, for the message
     * @throws RulesRanAway when the limit or the cap is reached, naming the rule that fired most
     */
    public static int fire(KieSession session, int maxFirings, Duration limit, Function<Rule, String> place) {
        return fire(session, maxFirings, limit, place, match -> true);
    }

    /** As {@link #fire(KieSession, int, Duration, Function)}, firing only the matches {@code filter} accepts. */
    public static int fire(KieSession session, int maxFirings, Duration limit, Function<Rule, String> place, AgendaFilter filter) {
        Map<Rule, Integer> counts = new ConcurrentHashMap<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                counts.merge(event.getMatch().getRule(), 1, Integer::sum);
            }
        });
        CompletableFuture<Integer> firing = new CompletableFuture<>();
        FIRING_THREADS.execute(() -> {
            try {
                firing.complete(session.fireAllRules(filter, maxFirings));
            } catch (Throwable e) {
                firing.completeExceptionally(e);
            }
        });
        int fired;
        try {
            fired = firing.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            session.halt();
            boolean stillRunning = !awaitHalt(firing);
            throw new RulesRanAway("规则执行超过时限 " + limit.toSeconds() + " 秒，已中止。" + busiest(counts, place), stillRunning);
        } catch (InterruptedException e) {
            session.halt();
            Thread.currentThread().interrupt();
            throw new RulesRanAway("规则执行被中断。" + busiest(counts, place), true);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        if (fired >= maxFirings) {
            throw new RulesRanAway("规则触发次数达到上限 " + maxFirings + "，疑似循环触发（规则的 insert/modify 又使规则再次满足条件），已中止。"
                    + busiest(counts, place), false);
        }
        return fired;
    }

    /** Whether the firing ended after the halt. */
    private static boolean awaitHalt(CompletableFuture<Integer> firing) {
        try {
            firing.get(AFTER_HALT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            log.error("规则在一次执行中不返回，已放弃其执行线程；请检查最近修改的规则");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            // it ended, with an error: the halt is what the caller hears about
            return true;
        }
    }

    /** The rule that fired most is almost always the loop, or part of it. */
    private static String busiest(Map<Rule, Integer> counts, Function<Rule, String> place) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(entry -> "触发最多的规则是 \"" + entry.getKey().getName() + "\"（" + place.apply(entry.getKey()) + "，" + entry.getValue() + " 次）")
                .orElse("没有规则触发完成（可能是一条规则的执行不返回）");
    }

    /** Rules that would not stop: cut off at the time limit or the cap on firings. */
    public static final class RulesRanAway extends RuntimeException {

        private final boolean stillRunning;

        RulesRanAway(String message, boolean stillRunning) {
            super(message);
            this.stillRunning = stillRunning;
        }

        /** The firing did not end after the halt: its session is still in use and must not be disposed or reused. */
        public boolean stillRunning() {
            return stillRunning;
        }
    }
}
