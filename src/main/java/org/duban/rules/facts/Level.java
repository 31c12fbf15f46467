package org.duban.rules.facts;

/** Warning levels, mildest first: 蓝 notice, 黄, 橙, 红. */
public enum Level {
    BLUE("蓝色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

    private final String chinese;

    Level(String chinese) {
        this.chinese = chinese;
    }

    /** 蓝色 / 黄色 / 橙色 / 红色, as in 「黄色预警」. */
    public String chinese() {
        return chinese;
    }

    public boolean above(Level other) {
        return compareTo(other) > 0;
    }
}
