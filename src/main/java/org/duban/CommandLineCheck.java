package org.duban;

import java.io.PrintStream;

/**
 * What {@code duban check} runs once the application context is up (the rule workbench implements
 * it); an interface here so that the launcher does not depend on a module.
 */
public interface CommandLineCheck {

    /** Checks the configured rules folder, prints what it found; true when everything passed. */
    boolean check(PrintStream out);
}
