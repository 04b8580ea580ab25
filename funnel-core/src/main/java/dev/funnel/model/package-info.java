/**
 * The domain model: pipelines and stages, deals and their stage changes, leads, touches, money,
 * marketing spend and activity. Every type is an immutable record validated in its constructor.
 */
@NullMarked
package dev.funnel.model;

import org.jspecify.annotations.NullMarked;
