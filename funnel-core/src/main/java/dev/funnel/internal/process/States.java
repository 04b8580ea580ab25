package dev.funnel.internal.process;

import dev.funnel.DealState;
import dev.funnel.internal.columns.ColumnarDealLog;
import dev.funnel.internal.engine.DealWalk;
import dev.funnel.internal.engine.Selection;
import dev.funnel.model.Money;
import java.util.List;
import java.util.Optional;

/** Deal states of a selection, and exact money sums. */
public final class States {
  private States() {}

  /** The states at as-of of the selected deals created at or before as-of, in log order. */
  public static List<DealState> of(ColumnarDealLog log, Selection sel) {
    return DealWalk.of(log, sel.asOfOffset()).states(sel.lo(), sel.hi());
  }

  /** The sum of two optional amounts: absent only when both are. */
  public static Optional<Money> plus(Optional<Money> a, Optional<Money> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return Optional.of(a.get().plus(b.get()));
  }
}
