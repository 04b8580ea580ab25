/**
 * Business calendars: working hours per weekday in a time zone, holidays, and business-time
 * arithmetic (working time between two instants, an instant plus working time).
 */
@NullMarked
package dev.funnel.calendar;

import org.jspecify.annotations.NullMarked;
