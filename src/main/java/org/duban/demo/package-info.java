/**
 * The 2023 demo: a deterministic, clearly labelled simulated data set for every indicator of the
 * plan, loaded into an empty embedded database so a new user sees real warnings at once.
 */
package org.duban.demo;
