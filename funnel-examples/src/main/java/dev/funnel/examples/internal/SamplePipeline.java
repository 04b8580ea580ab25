package dev.funnel.examples.internal;

import dev.funnel.model.Pipeline;
import dev.funnel.model.Stage;

/**
 * The sample's b2b pipeline: four open stages with the CRM's declared (optimistic) win
 * probabilities, then won and lost.
 */
public final class SamplePipeline {
  /** The one instance. */
  public static final SamplePipeline INSTANCE = new SamplePipeline();

  private static final String[] IDS = {
    "new", "qualified", "proposal", "negotiation", "won", "lost"
  };

  private final Pipeline pipeline =
      Pipeline.builder("b2b")
          .stage(Stage.open("new", 0.25).withName("New lead"))
          .stage(Stage.open("qualified", 0.4).withName("Qualified"))
          .stage(Stage.open("proposal", 0.6).withName("Proposal sent"))
          .stage(Stage.open("negotiation", 0.8).withName("Negotiation"))
          .stage(Stage.won("won").withName("Won"))
          .stage(Stage.lost("lost").withName("Lost"))
          .build();

  private SamplePipeline() {}

  /** The pipeline. */
  public Pipeline pipeline() {
    return pipeline;
  }

  /** The id of the stage at this index. */
  String id(int index) {
    return IDS[index];
  }
}
