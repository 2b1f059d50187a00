import java.io.File;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks that an ontology (with its imports closure) is in the OWL 2 DL profile, using the OWL
 * API's OWL2DLProfile. Imports are resolved OFFLINE through a Protégé-style XML catalog
 * (catalog-v001.xml): every <uri name="..." uri="..."/> entry maps an import IRI to a local file,
 * and a missing import is an error rather than a download.
 *
 * Usage: java ProfileCheck CATALOG ONTOLOGY
 * CATALOG "-" maps nothing (imports are then fetched by their IRIs); ONTOLOGY is a file, or an
 * http(s) URL loaded as Protégé's "Open from URL" does (content negotiation for RDF/XML).
 * Prints one line per violation; exit code 0 when in profile, 1 when not, 2 on a loading error.
 */
public final class ProfileCheck {
    private ProfileCheck() {}

    private static void mapCatalog(OWLOntologyManager manager, File catalog) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList entries = factory.newDocumentBuilder().parse(catalog).getElementsByTagNameNS("*", "uri");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            File local = new File(catalog.getParentFile(), entry.getAttribute("uri"));
            manager.getIRIMappers().add(
                new SimpleIRIMapper(IRI.create(entry.getAttribute("name")), IRI.create(local.toURI())));
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java ProfileCheck CATALOG ONTOLOGY");
            System.exit(2);
        }
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntology ontology;
        try {
            if (!args[0].equals("-")) {
                mapCatalog(manager, new File(args[0]));
            }
            ontology = args[1].matches("^https?://.*")
                ? manager.loadOntologyFromOntologyDocument(IRI.create(args[1]))
                : manager.loadOntologyFromOntologyDocument(new File(args[1]));
        } catch (Exception e) {
            System.err.println("cannot load " + args[1] + ": " + e);
            System.exit(2);
            return;
        }
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        List<OWLProfileViolation> violations = report.getViolations();
        for (OWLProfileViolation violation : violations) {
            System.out.println(violation.toString().replace('\n', ' '));
        }
        System.out.println(
            (report.isInProfile() ? "IN PROFILE" : "NOT IN PROFILE") + ": OWL 2 DL, "
                + ontology.getImportsClosure().size() + " ontologies, "
                + violations.size() + " violations");
        System.exit(report.isInProfile() ? 0 : 1);
    }
}
