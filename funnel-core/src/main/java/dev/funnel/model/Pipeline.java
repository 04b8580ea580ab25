package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sales pipeline: ordered open stages {@code s1..sn} (n &gt;= 1, rank = position among the open
 * stages, from 1), one or more WON stages and one or more LOST stages (METRICS.md "Pipeline and
 * deals"). Stage ids are unique.
 *
 * <p>Stages keep the order they were given in; the rank of an open stage counts open stages only,
 * so closed stages may be listed anywhere.
 *
 * {@snippet :
 * Pipeline b2b = Pipeline.builder("b2b")
 *     .open("new").open("qualified").open("proposal")
 *     .won("won").lost("lost")
 *     .build();
 * }
 *
 * @param id the pipeline id, non-blank
 * @param stages all stages in pipeline order
 */
public record Pipeline(String id, List<Stage> stages) {

  /** The most stages a pipeline may have (stage ids are stored in one byte per change). */
  public static final int MAX_STAGES = 127;

  /**
   * Validates the pipeline.
   *
   * @throws IllegalArgumentException if the id is blank, a stage id repeats, there is no open, WON
   *     or LOST stage, or there are more than {@link #MAX_STAGES} stages
   */
  public Pipeline {
    requireNonNull(id, "id");
    stages = List.copyOf(stages);
    if (id.isBlank()) {
      throw new IllegalArgumentException("pipeline id is blank");
    }
    Set<String> seen = new HashSet<>();
    for (Stage s : stages) {
      if (!seen.add(s.id())) {
        throw new IllegalArgumentException(
            "pipeline \"" + id + "\": stage id \"" + s.id() + "\" is used twice");
      }
    }
    for (StageKind kind : StageKind.values()) {
      if (stages.stream().noneMatch(s -> s.kind() == kind)) {
        throw new IllegalArgumentException(
            "pipeline \"" + id + "\" has no " + kind + " stage (it needs at least one)");
      }
    }
    if (stages.size() > MAX_STAGES) {
      throw new IllegalArgumentException(
          "pipeline \""
              + id
              + "\" has "
              + stages.size()
              + " stages, more than the "
              + MAX_STAGES
              + " supported");
    }
  }

  /**
   * Starts a pipeline; stages are added in order.
   *
   * @param id the pipeline id, non-blank
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * The open stages in rank order ({@code s1..sn}).
   *
   * @return the open stages, {@code s1} first
   */
  public List<Stage> openStages() {
    return stages.stream().filter(Stage::isOpen).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The number of open stages, {@code n}.
   *
   * @return the number of open stages
   */
  public int openStageCount() {
    int n = 0;
    for (Stage s : stages) {
      if (s.isOpen()) {
        n++;
      }
    }
    return n;
  }

  /**
   * The stage with this id, if any.
   *
   * @param stageId the stage id
   * @return the stage, or empty if the pipeline has none with this id
   * @throws NullPointerException if the id is null
   */
  public Optional<Stage> find(String stageId) {
    requireNonNull(stageId, "stageId");
    for (Stage s : stages) {
      if (s.id().equals(stageId)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * The stage with this id.
   *
   * @param stageId the stage id
   * @return the stage
   * @throws IllegalArgumentException naming the known stages if there is none
   */
  public Stage stage(String stageId) {
    return find(stageId)
        .orElseThrow(() -> new IllegalArgumentException(unknownStageMessage(stageId)));
  }

  /**
   * The position of the stage in {@link #stages()}, from 0.
   *
   * @param stageId the stage id
   * @return the index of the stage in {@link #stages()}
   * @throws IllegalArgumentException naming the known stages if there is none
   */
  public int indexOf(String stageId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id().equals(stageId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(unknownStageMessage(stageId));
  }

  /**
   * The rank of an open stage, from 1 ({@code s1}).
   *
   * @param stageId the id of an open stage
   * @return its rank, from 1
   * @throws IllegalArgumentException if the stage is unknown or not open
   */
  public int rank(String stageId) {
    Stage stage = stage(stageId);
    if (!stage.isOpen()) {
      throw new IllegalArgumentException(
          "stage \"" + stageId + "\" is " + stage.kind() + ", only open stages have a rank");
    }
    int rank = 0;
    for (Stage s : stages) {
      if (s.isOpen()) {
        rank++;
      }
      if (s.id().equals(stageId)) {
        return rank;
      }
    }
    throw new AssertionError(stageId);
  }

  /**
   * The message for an unknown stage id, listing the known ones.
   *
   * @param stageId the unknown stage id
   * @return the message, naming the pipeline and listing its stage ids
   */
  public String unknownStageMessage(String stageId) {
    return "stage \""
        + stageId
        + "\" is not in pipeline \""
        + id
        + "\" (known: "
        + stages.stream().map(Stage::id).collect(Collectors.joining(", "))
        + ")";
  }

  /** Collects stages in pipeline order. */
  public static final class Builder {
    private final String id;
    private final List<Stage> stages = new ArrayList<>();

    private Builder(String id) {
      this.id = requireNonNull(id, "id");
    }

    /**
     * Adds a stage.
     *
     * @param stage the stage
     * @return this builder
     */
    public Builder stage(Stage stage) {
      stages.add(requireNonNull(stage, "stage"));
      return this;
    }

    /**
     * Adds the next open stage.
     *
     * @param stageId the stage id
     * @return this builder
     */
    public Builder open(String stageId) {
      return stage(Stage.open(stageId));
    }

    /**
     * Adds the next open stage with its declared win probability.
     *
     * @param stageId the stage id
     * @param declaredProbability the CRM's declared win probability, in [0, 1]
     * @return this builder
     */
    public Builder open(String stageId, double declaredProbability) {
      return stage(Stage.open(stageId, declaredProbability));
    }

    /**
     * Adds a WON stage.
     *
     * @param stageId the stage id
     * @return this builder
     */
    public Builder won(String stageId) {
      return stage(Stage.won(stageId));
    }

    /**
     * Adds a LOST stage.
     *
     * @param stageId the stage id
     * @return this builder
     */
    public Builder lost(String stageId) {
      return stage(Stage.lost(stageId));
    }

    /**
     * Builds the pipeline.
     *
     * @return the pipeline
     * @throws IllegalArgumentException as {@link Pipeline#Pipeline(String, List)}
     */
    public Pipeline build() {
      return new Pipeline(id, stages);
    }

    @Override
    public String toString() {
      return "Pipeline.builder(" + id + ")" + stages.stream().map(Stage::id).toList();
    }
  }
}
