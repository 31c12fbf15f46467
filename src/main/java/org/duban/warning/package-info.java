/**
 * Warnings: one per indicator and cause, kept in step with each evaluation's findings, with a
 * lifecycle OPEN → ACKNOWLEDGED → RESOLVED and a history of every change.
 * {@link org.duban.warning.Warnings} is the module's API.
 */
package org.duban.warning;
