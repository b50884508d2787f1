package dev.vigil.store;

/** A value that cannot be stored, and the name of the field (as in the JSON API) it came in. */
public final class InvalidFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  public InvalidFieldException(String field, String message) {
    super("'" + field + "' " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
