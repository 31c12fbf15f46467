package org.duban.assessment;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.duban.rules.facts.FactText;

/**
 * One rule firing: which rule, from which file, about which task and indicator, on what facts. The facts'
 * text ({@link FactText}, 名称=值) is made when first asked for, not as the rule fires: building it for every
 * firing was a sixth of an evaluation session's time, and only the firings that are written need it.
 */
public final class Firing {

    /** How much of the matched facts the log keeps. */
    static final int FACTS_SUMMARY_LIMIT = 2_000;

    private final String rule;
    private final String file;
    private final Integer task;
    private final String indicator;
    private final Instant firedAt;
    private Supplier<String> text;
    private String facts;

    public Firing(String rule, String file, Integer task, String indicator, String facts, Instant firedAt) {
        this(rule, file, task, indicator, () -> facts, firedAt);
    }

    private Firing(String rule, String file, Integer task, String indicator, Supplier<String> text, Instant firedAt) {
        this.rule = rule;
        this.file = file;
        this.task = task;
        this.indicator = indicator;
        this.text = text;
        this.firedAt = firedAt;
    }

    /** A firing whose facts are put in words only when {@link #facts()} is first called. */
    static Firing of(String rule, String file, Integer task, String indicator, List<Object> matched, Instant firedAt) {
        return new Firing(rule, file, task, indicator, () -> summary(matched), firedAt);
    }

    public String rule() {
        return rule;
    }

    public String file() {
        return file;
    }

    public Integer task() {
        return task;
    }

    public String indicator() {
        return indicator;
    }

    /** The matched facts as 名称=值, cut at {@value #FACTS_SUMMARY_LIMIT} characters. */
    public synchronized String facts() {
        if (text != null) {
            facts = text.get();
            text = null;
        }
        return facts;
    }

    public Instant firedAt() {
        return firedAt;
    }

    private static String summary(List<Object> matched) {
        StringBuilder facts = new StringBuilder();
        for (Object fact : matched) {
            // rules with an empty condition match Drools' own initial fact, which says nothing to a reader
            if (fact.getClass().getSimpleName().contains("InitialFact")) {
                continue;
            }
            if (!facts.isEmpty()) {
                facts.append(" | ");
            }
            facts.append(FactText.of(fact));
        }
        return facts.length() > FACTS_SUMMARY_LIMIT ? facts.substring(0, FACTS_SUMMARY_LIMIT - 1) + "…" : facts.toString();
    }

    @Override
    public String toString() {
        return "Firing[" + rule + ", " + file + ", task " + task + ", " + indicator + ", " + firedAt + "]";
    }
}
