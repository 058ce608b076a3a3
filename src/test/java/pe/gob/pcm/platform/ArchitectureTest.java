package pe.gob.pcm.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rooms of the platform (docs/architecture.md) and the rules between them: features build on
 * shared rooms, never the other way round; {@code config} only connects rooms; the contracts'
 * wire types stop at the SOAP edges.
 */
@AnalyzeClasses(packages = "pe.gob.pcm.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Rooms every feature may use; they know no feature. */
  static final String[] SHARED = {"..platform.calendar..", "..platform.document..",
      "..platform.entity..", "..platform.security..", "..platform.signature..",
      "..platform.validation..", "..platform.privacy..", "..platform.mgd..", "..platform.history..",
      "..platform.account..", "..platform.notification.."};

  /** The procedures and the PIDE. */
  static final String[] FEATURES = {"..platform.tramite..", "..platform.pide..", "..platform.survey..",
      "..platform.colabora..", "..platform.mpv..", "..platform.pgo..", "..platform.metrics..",
      "..platform.procedure..", "..platform.processmap.."};

  @ArchTest
  static final ArchRule topLevelRoomsHaveNoCycles =
      slices().matching("pe.gob.pcm.platform.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule subRoomsHaveNoCycles =
      slices().matching("pe.gob.pcm.platform.*.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule sharedRoomsKnowNoFeature = noClasses().that().resideInAnyPackage(SHARED)
      .should().dependOnClassesThat().resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule configOnlyConnectsRooms = noClasses()
      .that().resideOutsideOfPackages("..platform.config..").and().doNotHaveSimpleName("PlatformApplication")
      .should().dependOnClassesThat().resideInAPackage("..platform.config..");

  @ArchTest
  static final ArchRule wireTypesStopAtTheSoapEdges = noClasses()
      .that().resideOutsideOfPackages("..platform.tramite.soap..", "..platform.pide..")
      .should().dependOnClassesThat().resideInAnyPackage("pe.gob.segdi..", "pe.gob.pide..");

  @ArchTest
  static final ArchRule receptionAndDispatchAreApart = noClasses()
      .that().resideInAPackage("..tramite.reception..")
      .should().dependOnClassesThat().resideInAPackage("..tramite.dispatch..");
}
