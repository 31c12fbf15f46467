/** Duban's root: the application and the settings every module shares. */
package org.duban;
