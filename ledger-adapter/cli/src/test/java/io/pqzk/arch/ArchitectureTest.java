package io.pqzk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URI;
import java.util.Optional;

/**
 * The layout's rules, checked on the compiled classes of every module (this module has all of
 * them on its class path): no package cycles, {@code internal} packages used only inside their
 * own module, no library depends on the command line, and one door to the signature API from the
 * ledger and from the command line.
 */
@AnalyzeClasses(packages = "io.pqzk", importOptions = {ImportOption.DoNotIncludeTests.class,
    ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
  /** Test classes that travel in other modules' test-jars are not the architecture either. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }


  /**
   * Every package is a slice, except that an {@code .internal} package belongs to the API package
   * it implements (the API's factory creates the implementations, which implement the API's
   * interfaces: that pair never splits, every other one may have to).
   */
  @ArchTest
  static final ArchRule noPackageCycles = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
          String p = c.getPackageName();
          if (!p.startsWith("io.pqzk")) {
            return SliceIdentifier.ignore();
          }
          int at = p.indexOf(".internal");
          return SliceIdentifier.of(at < 0 ? p : p.substring(0, at));
        }

        @Override
        public String getDescription() {
          return "io.pqzk packages, each with its internal subpackages";
        }
      })
      .should().beFreeOfCycles()
      .because("a cycle between packages blocks splitting them into modules");

  @ArchTest
  static final ArchRule internalPackagesStayInTheirModule = classes()
      .that().resideInAPackage("io.pqzk..")
      .should(onlyUseInternalPackagesOfTheirOwnModule());

  @ArchTest
  static final ArchRule librariesDoNotDependOnTheCommandLine = noClasses()
      .that().resideOutsideOfPackage("io.pqzk.cli..")
      .should().dependOnClassesThat().resideInAPackage("io.pqzk.cli..")
      .because("the command line is the top of the layers; libraries are usable without it");

  @ArchTest
  static final ArchRule ledgerReachesSignaturesOnlyThroughItsCrypto = noClasses()
      .that().resideInAPackage("io.pqzk.ledger..")
      .and().resideOutsideOfPackage("io.pqzk.ledger.crypto..")
      .should().dependOnClassesThat().resideInAPackage("io.pqzk.sig..")
      .because("io.pqzk.ledger.crypto.Signatures is the ledger's one door to the signature API");

  @ArchTest
  static final ArchRule demoReachesSignaturesOnlyThroughTheLedger = noClasses()
      .that().resideInAPackage("io.pqzk.cli.demo..")
      .should().dependOnClassesThat().resideInAPackage("io.pqzk.sig..")
      .because("the demo's keys are ledger keys: io.pqzk.ledger.crypto.Signatures");

  @ArchTest
  static final ArchRule commandsReachSignatureOperationsOnlyThroughSigBridge = noClasses()
      .that().resideInAPackage("io.pqzk.cli")
      .and().doNotHaveSimpleName("SigBridge")
      .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
          com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
              com.tngtech.archunit.base.DescribedPredicate.describe("the signature API's entry points",
                  (JavaClass c) -> c.getPackageName().startsWith("io.pqzk.sig")
                      && (c.getSimpleName().equals("Signatures")
                          || c.getPackageName().startsWith("io.pqzk.sig.encoding"))))))
      .because("SigBridge is the command line's one door to the signature API");

  @ArchTest
  static final ArchRule starkEngineDoesNotKnowTheClaimAir = noClasses()
      .that().resideInAPackage("io.pqzk.zk.stark..")
      .and().resideOutsideOfPackage("io.pqzk.zk.stark.claim..")
      .should().dependOnClassesThat().resideInAPackage("io.pqzk.zk.stark.claim..")
      .because("the STARK engine proves any AIR; the claim AIR is one user of it");

  /** A dependency on a class in an {@code .internal} package must come from the same module. */
  private static ArchCondition<JavaClass> onlyUseInternalPackagesOfTheirOwnModule() {
    return new ArchCondition<>("only use internal packages of their own module") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        Optional<URI> from = module(item);
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          JavaClass target = d.getTargetClass().getBaseComponentType();
          if (!target.getPackageName().contains(".internal")
              || !target.getPackageName().startsWith("io.pqzk")) {
            continue;
          }
          Optional<URI> to = module(target);
          if (!from.equals(to)) {
            events.add(SimpleConditionEvent.violated(item, d.getDescription()
                + " crosses modules (" + from.map(URI::toString).orElse("?") + " -> "
                + to.map(URI::toString).orElse("?") + ")"));
          }
        }
      }
    };
  }

  /** The module a class was compiled in: its class folder or jar. */
  private static Optional<URI> module(JavaClass c) {
    return c.getSource().map(s -> {
      String uri = s.getUri().toString();
      int at = uri.indexOf("/target/");
      return URI.create(at >= 0 ? uri.substring(0, at) : uri);
    });
  }
}
