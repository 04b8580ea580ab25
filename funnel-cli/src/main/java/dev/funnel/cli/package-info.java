/**
 * The {@code funnel} command line: {@link dev.funnel.cli.Main} and its subcommands {@code
 * validate}, {@code report}, {@code sequence}, {@code demo} and {@code shell}.
 */
@NullMarked
package dev.funnel.cli;

import org.jspecify.annotations.NullMarked;
