package io.pqzk.fhir;

/**
 * A FHIR resource that cannot be used as it is: missing or ambiguous data, a value out of range,
 * a resource of the wrong kind. Carries where: the document ({@link #source}, a file name or an
 * index, never content), the resource ({@code Observation at entry 12}) and the field ({@code
 * valueCodeableConcept}). The message never quotes a value from the resource, so it may be
 * logged.
 */
public final class InvalidFhirException extends FhirException {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final String resource;
  private final String field;

  public InvalidFhirException(String source, String resource, String field, String problem) {
    super(source + ": " + resource + (field.isEmpty() ? "" : ", " + field) + ": " + problem);
    this.source = source;
    this.resource = resource;
    this.field = field;
  }

  /** The document, as the caller named it. */
  public String source() {
    return source;
  }

  /** The resource, e.g. {@code Observation at entry 12}. */
  public String resource() {
    return resource;
  }

  /** The field, e.g. {@code Patient.birthDate}; empty for the resource as a whole. */
  public String field() {
    return field;
  }
}
