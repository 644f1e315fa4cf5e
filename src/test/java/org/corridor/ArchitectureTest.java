package org.corridor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of the package layout: features never reach into the edges; each
 * outside library stays in the package that owns it.
 */
class ArchitectureTest {

    /** Feature (domain) packages, including the shared root and money kernel. */
    static final String[] FEATURES = {
        "org.corridor",
        "org.corridor.money..",
        "org.corridor.transaction..",
        "org.corridor.csv..",
        "org.corridor.identity..",
        "org.corridor.audit..",
        "org.corridor.ledger..",
        "org.corridor.screening..",
        "org.corridor.authorisation..",
        "org.corridor.settlement..",
        "org.corridor.release..",
        "org.corridor.payments..",
        "org.corridor.ownership..",
        "org.corridor.vessel..",
        "org.corridor.report..",
    };

    static final String[] EDGES = {
        "org.corridor.http..", "org.corridor.web..", "org.corridor.cli..", "org.corridor.db.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.corridor");
    }

    @Test
    void domain_code_never_imports_an_edge_or_the_composition_root() {
        ArchRule rule = noClasses()
                .that(resideInAnyPackage(FEATURES))
                .and(not(simpleNameEndingWith("Routes")))
                .and(not(simpleNameEndingWith("Store")))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(concat(EDGES, "org.corridor.app.."));
        rule.check(classes);
    }

    @Test
    void stores_reach_only_the_database_edge_and_routes_only_the_http_edge() {
        noClasses()
                .that(resideInAnyPackage(FEATURES))
                .and(simpleNameEndingWith("Store"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.corridor.http..", "org.corridor.web..", "org.corridor.cli..", "org.corridor.app..")
                .check(classes);
        noClasses()
                .that(resideInAnyPackage(FEATURES))
                .and(simpleNameEndingWith("Routes"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.corridor.cli..", "org.corridor.db..", "org.corridor.app..")
                .check(classes);
    }

    @Test
    void nothing_depends_on_the_cli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.corridor.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.corridor.cli..")
                .check(classes);
    }

    @Test
    void javalin_only_in_http_web_and_routes() {
        noClasses()
                .that(not(resideInAnyPackage("org.corridor.http..", "org.corridor.web..")))
                .and(not(simpleNameEndingWith("Routes")))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.javalin..")
                .check(classes);
    }

    @Test
    void jdbi_only_in_db_and_stores() {
        noClasses()
                .that(not(resideInAnyPackage("org.corridor.db..")))
                .and(not(simpleNameEndingWith("Store")))
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jdbi..")
                .check(classes);
    }

    @Test
    void lucene_only_in_screening() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.corridor.screening..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.lucene..")
                .check(classes);
    }

    @Test
    void picocli_only_in_cli() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.corridor.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void the_demo_and_the_benchmarks_stay_out_of_the_features() {
        // Only the command line starts them; no feature, edge or other package depends on them.
        noClasses()
                .that()
                .resideOutsideOfPackages("org.corridor.cli..", "org.corridor.demo..", "org.corridor.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.corridor.demo..", "org.corridor.bench..")
                .check(classes);
    }

    @Test
    void the_demo_and_the_benchmarks_know_nothing_of_the_command_line() {
        noClasses()
                .that()
                .resideInAnyPackage("org.corridor.demo..", "org.corridor.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "org.corridor.cli..")
                .check(classes);
    }

    @Test
    void prowide_only_in_payments() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.corridor.payments..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.prowidesoftware..")
                .check(classes);
    }

    /** The features proper, each of which owns tables; the kernels (root, money, transaction, csv) own none. */
    static final String[] OWNERS = {
        "identity",
        "audit",
        "ledger",
        "screening",
        "authorisation",
        "settlement",
        "release",
        "payments",
        "ownership",
        "vessel",
        "report"
    };

    @Test
    void a_store_holds_sql_for_its_own_feature_only() {
        for (String feature : OWNERS) {
            noClasses()
                    .that()
                    .resideInAPackage("org.corridor." + feature + "..")
                    .and(simpleNameEndingWith("Store"))
                    .should()
                    .dependOnClassesThat(resideInAnyPackage("org.corridor..")
                            .and(not(resideInAnyPackage(
                                    "org.corridor." + feature + "..",
                                    "org.corridor",
                                    "org.corridor.money..",
                                    "org.corridor.transaction..",
                                    "org.corridor.db.."))))
                    .because("a store is SQL for its own tables; features meet in their services")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void only_stores_and_the_database_edge_reach_the_sql_handle() {
        noClasses()
                .that(not(resideInAnyPackage("org.corridor.db..")))
                .and(not(simpleNameEndingWith("Store")))
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.corridor.db.Handles")
                .check(classes);
    }

    @Test
    void feature_packages_are_free_of_cycles_routes_included() {
        slices().matching(
                        "org.corridor.(money|transaction|csv|identity|audit|ledger|screening|authorisation|settlement|release|payments|ownership|vessel|report)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
