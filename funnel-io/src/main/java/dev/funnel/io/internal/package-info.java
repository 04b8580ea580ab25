/** The engine of the readers: CSV tables over Jackson's streaming parser, cell parsers, JSON. */
@NullMarked
package dev.funnel.io.internal;

import org.jspecify.annotations.NullMarked;
