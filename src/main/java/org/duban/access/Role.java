package org.duban.access;

/**
 * What an account may do. An office account reviews everything; a rule author may change
 * the rules (they are code); a department account sees and submits its own department's data.
 */
public enum Role {
    OFFICE, RULE_AUTHOR, DEPARTMENT;

    String authority() {
        return "ROLE_" + name();
    }
}
