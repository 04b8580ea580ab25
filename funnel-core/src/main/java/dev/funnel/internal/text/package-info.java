/**
 * Text from input files made safe for one-line messages, behind {@code Rejection.visible}, and the
 * aligned tables of the reports; not part of the API.
 */
@NullMarked
package dev.funnel.internal.text;

import org.jspecify.annotations.NullMarked;
