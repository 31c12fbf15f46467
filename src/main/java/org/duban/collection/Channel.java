package org.duban.collection;

/** How a value reached Duban. */
public enum Channel {
    API, UPLOAD, INBOX, DEMO
}
