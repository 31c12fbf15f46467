/**
 * Collection: the values departments report. Every channel goes through
 * {@link org.duban.collection.ObservationIntake}, which checks a whole batch and stores all of
 * it or nothing; a new value for the same indicator and date is a new revision.
 */
package org.duban.collection;
