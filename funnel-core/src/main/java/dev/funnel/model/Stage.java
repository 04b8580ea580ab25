package dev.funnel.model;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * A stage of a {@link Pipeline}: an id unique within its pipeline, a display name, its {@link
 * StageKind} and, for open stages, the win probability the CRM declares for it (if any).
 *
 * @param id the stage id, non-blank, unique within the pipeline
 * @param name the display name; defaults to the id
 * @param kind open, won or lost
 * @param declaredProbability the CRM's declared win probability in [0, 1], open stages only
 */
public record Stage(String id, String name, StageKind kind, OptionalDouble declaredProbability) {

  /**
   * Validates the stage.
   *
   * @throws IllegalArgumentException if the id or name is blank, or the probability is outside [0,
   *     1] or set on a closed stage
   */
  public Stage {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(kind, "kind");
    requireNonNull(declaredProbability, "declaredProbability");
    if (id.isBlank()) {
      throw new IllegalArgumentException("stage id is blank");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("stage \"" + id + "\": name is blank");
    }
    if (declaredProbability.isPresent()) {
      double p = declaredProbability.getAsDouble();
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "stage \"" + id + "\": probability " + p + " is not in [0, 1]");
      }
      if (kind != StageKind.OPEN) {
        throw new IllegalArgumentException(
            "stage \"" + id + "\": only open stages declare a probability, this one is " + kind);
      }
    }
  }

  /**
   * An open stage named by its id.
   *
   * @param id the stage id, non-blank
   * @return the stage
   */
  public static Stage open(String id) {
    return new Stage(id, id, StageKind.OPEN, OptionalDouble.empty());
  }

  /**
   * An open stage with the win probability the CRM declares for it.
   *
   * @param id the stage id, non-blank
   * @param declaredProbability the CRM's declared win probability, in [0, 1]
   * @return the stage
   */
  public static Stage open(String id, double declaredProbability) {
    return new Stage(id, id, StageKind.OPEN, OptionalDouble.of(declaredProbability));
  }

  /**
   * A WON stage named by its id.
   *
   * @param id the stage id, non-blank
   * @return the stage
   */
  public static Stage won(String id) {
    return new Stage(id, id, StageKind.WON, OptionalDouble.empty());
  }

  /**
   * A LOST stage named by its id.
   *
   * @param id the stage id, non-blank
   * @return the stage
   */
  public static Stage lost(String id) {
    return new Stage(id, id, StageKind.LOST, OptionalDouble.empty());
  }

  /**
   * This stage with another display name.
   *
   * @param newName the display name, non-blank
   * @return a copy of this stage with that name
   */
  public Stage withName(String newName) {
    return new Stage(id, newName, kind, declaredProbability);
  }

  /**
   * Whether this is an open stage.
   *
   * @return true if the kind is {@link StageKind#OPEN}
   */
  public boolean isOpen() {
    return kind == StageKind.OPEN;
  }

  /**
   * Whether this is a WON or LOST stage.
   *
   * @return true if the kind is {@link StageKind#WON} or {@link StageKind#LOST}
   */
  public boolean isClosed() {
    return kind != StageKind.OPEN;
  }
}
