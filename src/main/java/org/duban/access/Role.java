package org.duban.access;

/**
 * What an account may do. An office account reviews everything; a rule author may change
 * the rules (they are code); a department account sees and submits its own department's data; a viewer only reads.
 */
public enum Role {
    OFFICE, RULE_AUTHOR, DEPARTMENT,
    /** Leaders who read everything and change nothing. */
    VIEWER;

    /** The name a person reads. */
    public String chinese() {
        return switch (this) {
            case OFFICE -> "督查办";
            case RULE_AUTHOR -> "规则维护";
            case DEPARTMENT -> "责任部门";
            case VIEWER -> "领导查阅";
        };
    }

    String authority() {
        return "ROLE_" + name();
    }
}
