import java.io.PrintWriter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs the fuzz tests of one class in this JVM (one target per JVM, as Jazzer requires): java
 * -cp TEST_CLASSPATH scripts/FuzzTarget.java CLASS. Fuzzing mode comes from JAZZER_FUZZ=1 in
 * the environment; exit 0 when the target found nothing, 1 when it did.
 */
public class FuzzTarget {
  public static void main(String[] args) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(args[0])).build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, listener);
    TestExecutionSummary summary = listener.getSummary();
    PrintWriter out = new PrintWriter(System.out, true);
    summary.printTo(out);
    summary.printFailuresTo(out, 20);
    out.flush();
    System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0
        ? 0 : 1);
  }
}
