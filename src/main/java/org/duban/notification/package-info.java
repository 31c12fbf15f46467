/**
 * Mail: decides what each department is told (digests, reminders, escalations), writes it to the
 * outbox in the same transaction, and delivers the outbox over SMTP with retries — or, with no
 * SMTP server configured, as {@code .eml} files. Nothing is lost, and a message's fixed
 * Message-ID lets a mail server drop the rare repeat after a crash mid-send.
 */
package org.duban.notification;
