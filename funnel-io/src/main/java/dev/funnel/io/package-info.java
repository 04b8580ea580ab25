/**
 * Readers of the files of FORMATS.md: {@code pipeline.json}, {@code calendar.json} and the CSV
 * files of deals, stage changes, leads, touches, spend, activity and events. Start with {@link
 * dev.funnel.io.FunnelFiles#strict()} or {@link dev.funnel.io.FunnelFiles#lenient()}.
 */
@NullMarked
package dev.funnel.io;

import org.jspecify.annotations.NullMarked;
