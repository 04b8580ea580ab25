package dev.funnel.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Formulas are values: equal exactly when they compute the same expression tree. */
final class FormulaTest {
  private static final Formula SPEND = Formula.of(Measure.SPEND);
  private static final Formula LEADS = Formula.of(Measure.LEADS);
  private static final Formula WON = Formula.of(Measure.WON_DEALS);

  private static void assertSame(Formula a, Formula b) {
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode(), a + " hash");
  }

  @Test
  void theSameTreeBuiltTwiceIsEqual() {
    assertSame(
        SPEND.dividedBy(LEADS), Formula.of(Measure.SPEND).dividedBy(Formula.of(Measure.LEADS)));
    assertSame(
        Formula.of(Measure.REVENUE)
            .times(Formula.parameter(Parameter.MARGIN))
            .minus(SPEND)
            .dividedBy(SPEND),
        Formula.of(Measure.REVENUE)
            .times(Formula.parameter(Parameter.MARGIN))
            .minus(SPEND)
            .dividedBy(SPEND));
    assertSame(
        SPEND.plus(Formula.of(Measure.SALES_COST).orZero()).dividedBy(Formula.constant(2.5)),
        SPEND.plus(Formula.of(Measure.SALES_COST).orZero()).dividedBy(Formula.constant(2.5)));
    assertSame(Formula.of(Measure.activity("clicks")), Formula.of(Measure.activity("clicks")));
    assertSame(KpiCatalog.cac().formula(), KpiCatalog.cac().formula());
  }

  @Test
  void differentTreesDiffer() {
    List<Formula> distinct =
        List.of(
            SPEND.dividedBy(LEADS),
            SPEND.dividedBy(WON),
            LEADS.dividedBy(SPEND),
            SPEND.times(LEADS),
            SPEND.plus(LEADS),
            LEADS.plus(SPEND),
            SPEND.minus(LEADS),
            SPEND,
            SPEND.orZero(),
            Formula.constant(1),
            Formula.constant(2),
            Formula.parameter(Parameter.MARGIN),
            Formula.parameter(Parameter.LTV),
            Formula.of(Measure.reached("qualified")),
            Formula.of(Measure.activity("qualified")));
    for (int i = 0; i < distinct.size(); i++) {
      for (int j = 0; j < distinct.size(); j++) {
        if (i != j) {
          assertNotEquals(
              distinct.get(i), distinct.get(j), distinct.get(i) + " vs " + distinct.get(j));
        }
      }
    }
  }

  @Test
  void parenthesizationIsPartOfTheTree() {
    Formula a = Formula.of(Measure.activity("a"));
    Formula b = Formula.of(Measure.activity("b"));
    Formula c = Formula.of(Measure.activity("c"));
    Formula left = a.plus(b).times(c);
    Formula right = a.plus(b.times(c));
    assertEquals("(activity:a + activity:b) x activity:c", left.toString());
    assertEquals("activity:a + (activity:b x activity:c)", right.toString());
    assertNotEquals(left, right);
    assertNotEquals(a.minus(b).minus(c), a.minus(b.minus(c)));
  }

  @Test
  void equalTextIsNotEnough() {
    // Both print as "0" and "activity:x + activity:y", yet compute different trees.
    Formula zero = Formula.constant(0);
    Formula negativeZero = Formula.constant(-0.0);
    assertEquals(zero.toString(), negativeZero.toString());
    assertNotEquals(zero, negativeZero);
    Formula oneMetric = Formula.of(Measure.activity("x + activity:y"));
    Formula twoMetrics = Formula.of(Measure.activity("x")).plus(Formula.of(Measure.activity("y")));
    assertEquals(oneMetric.toString(), twoMetrics.toString());
    assertNotEquals(oneMetric, twoMetrics);
  }
}
