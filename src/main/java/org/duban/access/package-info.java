/** Who may do what: accounts, roles, login and HTTP Basic for the JSON API. */
package org.duban.access;
