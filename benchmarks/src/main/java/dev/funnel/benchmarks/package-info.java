/**
 * JMH benchmarks of the funnel engine against the tools a user would pick instead (DuckDB in
 * process, plain Java Streams), and the peer implementations that compute the same figures.
 */
@NullMarked
package dev.funnel.benchmarks;

import org.jspecify.annotations.NullMarked;
