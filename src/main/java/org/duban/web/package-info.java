/** The JSON API and, later, the dashboard: thin controllers over the modules' APIs. */
package org.duban.web;
