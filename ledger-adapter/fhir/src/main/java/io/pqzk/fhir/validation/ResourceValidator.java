package io.pqzk.fhir.validation;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.pqzk.fhir.Fhir;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's instance validator against the FHIR R4 base definitions (structure, cardinality,
 * invariants, required bindings of the code systems shipped with them), offline: no terminology
 * server, no implementation guide (a claimed profile outside the base, such as US Core, is a
 * warning that it was not checked). Building one loads every R4 definition (seconds); it is then
 * thread-safe and reused.
 */
public final class ResourceValidator {
  private final FhirValidator validator;

  public ResourceValidator() {
    var ctx = Fhir.r4();
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(ctx),
        new CommonCodeSystemsTerminologyService(ctx),
        new InMemoryTerminologyServerValidationSupport(ctx),
        new SnapshotGeneratingValidationSupport(ctx));
    FhirInstanceValidator instance = new FhirInstanceValidator(chain);
    // a profile a resource claims (Synthea's claim US Core) that is not among the R4 base
    // definitions is reported as a warning, not an error: it is not checked either way
    instance.setErrorForUnknownProfiles(false);
    validator = ctx.newValidator().setValidateAgainstStandardSchema(false)
        .setValidateAgainstStandardSchematron(false).registerValidatorModule(instance);
  }

  /** Every message of severity error or fatal, as "location: message" lines. */
  public List<String> errors(IBaseResource resource) {
    ValidationResult r = validator.validateWithResult(resource);
    return r.getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR
            || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(ResourceValidator::line).toList();
  }

  /** Every message, any severity (for diagnostics). */
  public List<String> messages(IBaseResource resource) {
    return validator.validateWithResult(resource).getMessages().stream()
        .map(m -> m.getSeverity() + " " + line(m)).toList();
  }

  private static String line(SingleValidationMessage m) {
    return m.getLocationString() + ": " + m.getMessage();
  }
}
