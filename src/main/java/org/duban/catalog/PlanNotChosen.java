package org.duban.catalog;

import java.util.List;

/**
 * A request that means one plan named none while several are running: the answer is a 400 that
 * lists them, never a guess (a guess once sent one district's mail under another's name).
 */
public class PlanNotChosen extends IllegalArgumentException {

    private final List<Plan> candidates;

    public PlanNotChosen(List<Plan> candidates) {
        super("有 " + candidates.size() + " 个计划：" + String.join("、", candidates.stream().map(Plan::code).toList())
                + "，请用 plan= 指明是哪一个");
        this.candidates = List.copyOf(candidates);
    }

    public List<Plan> candidates() {
        return candidates;
    }
}
