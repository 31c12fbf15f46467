/**
 * Scheduling: thin Quartz jobs (JDBC job store in Duban's own database, clustered), each making
 * one call into a module's API; their cron expressions come from {@code duban.schedule.*}.
 */
package org.duban.scheduling;
