import Project
import Testing
@testable import Graph

/// A small manifest: seed → staging → marts, a source, an exposure, generic and singular tests,
/// a package model.
enum Fixture {
    static let nodes: [any SelectableNode] = [
        GraphNode(.seed, "raw_orders", fqn: ["proj", "raw_orders"], path: "seeds/raw_orders.csv", config: ["enabled": true]),
        GraphNode(.source, "events", fqn: ["proj", "staging", "app", "events"], path: "models/staging/_sources.yml", sourceName: "app"),
        GraphNode(.model, "stg_orders", fqn: ["proj", "staging", "stg_orders"], path: "models/staging/stg_orders.sql",
                  patchPath: "models/staging/_stg.yml", tags: ["nightly", "staging"],
                  config: ["materialized": "view", "meta": ["owner": "ana"], "tags": ["nightly", "staging"]],
                  dependsOn: ["seed.proj.raw_orders"]),
        GraphNode(.model, "stg_events", fqn: ["proj", "staging", "stg_events"], path: "models/staging/stg_events.sql",
                  config: ["materialized": "view", "enabled": true], dependsOn: ["source.proj.app.events"]),
        GraphNode(.model, "fct_orders", fqn: ["proj", "marts", "fct_orders"], path: "models/marts/fct_orders.sql",
                  tags: ["hourly"], config: ["materialized": "table", "contract": ["enforced": true]],
                  dependsOn: ["model.proj.stg_orders", "model.proj.stg_events"]),
        GraphNode(.model, "pkg_model", package: "pkg", fqn: ["pkg", "pkg_model"], path: "models/pkg_model.sql",
                  config: ["materialized": "ephemeral"]),
        GraphNode(.test, "unique_stg_orders_id", fqn: ["proj", "staging", "unique_stg_orders_id"], path: "models/staging/_stg.yml",
                  testKind: .generic(testName: "unique"), dependsOn: ["model.proj.stg_orders"]),
        GraphNode(.test, "relationships_fct_stg", fqn: ["proj", "marts", "relationships_fct_stg"], path: "models/marts/_m.yml",
                  config: ["severity": "warn"], testKind: .generic(testName: "relationships"),
                  dependsOn: ["model.proj.fct_orders", "model.proj.stg_events"]),
        GraphNode(.test, "assert_positive", fqn: ["proj", "assert_positive"], path: "tests/assert_positive.sql",
                  testKind: .singular, dependsOn: ["model.proj.fct_orders"]),
        GraphNode(.exposure, "dash", fqn: ["proj", "dash"], path: "models/exposures.yml", dependsOn: ["model.proj.fct_orders"]),
    ]

    static func selector(_ selectors: [NamedSelector] = []) -> NodeSelector {
        NodeSelector(nodes: nodes, rootProject: "proj", selectors: selectors)
    }

    static func names(_ ids: Set<String>) -> [String] {
        ids.map { $0.split(separator: ".").last.map(String.init)! }.sorted()
    }
}

@Suite("Selection")
struct SelectionTests {
    struct Case: Sendable, CustomStringConvertible {
        var select: [String]
        var exclude: [String] = []
        var indirect: IndirectSelection = .eager
        var expected: [String]
        var description: String { "\(select) --exclude \(exclude) (\(indirect))" }
    }

    static let cases: [Case] = [
        Case(select: ["stg_orders"], expected: ["stg_orders", "unique_stg_orders_id"]),
        Case(select: ["stg_orders"], indirect: .empty, expected: ["stg_orders"]),
        // Eager: stg_events is selected, so the relationships test on it and fct_orders is too.
        Case(select: ["proj.staging"], expected: ["events", "relationships_fct_stg", "stg_events", "stg_orders", "unique_stg_orders_id"]),
        Case(select: ["staging.stg_*"], expected: ["relationships_fct_stg", "stg_events", "stg_orders", "unique_stg_orders_id"]),
        Case(select: ["stg_?rders"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["stg_[e]*"], indirect: .empty, expected: ["stg_events"]),
        Case(select: ["tag:nightly"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["tag:night*"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["path:models/marts"], indirect: .empty, expected: ["fct_orders", "relationships_fct_stg"]),
        Case(select: ["models/staging/stg_orders.sql"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["path:models/staging/_stg.yml"], indirect: .empty, expected: ["stg_orders", "unique_stg_orders_id"]),
        Case(select: ["path:models/*/fct_*.sql"], indirect: .empty, expected: ["fct_orders"]),
        Case(select: ["file:fct_orders.sql"], indirect: .empty, expected: ["fct_orders"]),
        Case(select: ["file:stg_events"], indirect: .empty, expected: ["stg_events"]),
        Case(select: ["config.materialized:table"], indirect: .empty, expected: ["fct_orders"]),
        Case(select: ["config.meta.owner:ana"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["config.contract.enforced:true"], indirect: .empty, expected: ["fct_orders"]),
        Case(select: ["config.tags:staging"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["config.severity:WARN"], indirect: .empty, expected: ["relationships_fct_stg"]),
        Case(select: ["source:app"], indirect: .empty, expected: ["events"]),
        Case(select: ["source:app.ev*"], indirect: .empty, expected: ["events"]),
        Case(select: ["source:proj.app.events+"], indirect: .empty, expected: ["assert_positive", "dash", "events", "fct_orders", "relationships_fct_stg", "stg_events"]),
        Case(select: ["resource_type:seed"], expected: ["raw_orders"]),
        Case(select: ["package:pkg"], expected: ["pkg_model"]),
        Case(select: ["package:this"], indirect: .empty, expected: ["assert_positive", "dash", "events", "fct_orders", "raw_orders", "relationships_fct_stg", "stg_events", "stg_orders", "unique_stg_orders_id"]),
        Case(select: ["test_type:generic"], expected: ["relationships_fct_stg", "unique_stg_orders_id"]),
        Case(select: ["test_type:singular"], expected: ["assert_positive"]),
        Case(select: ["test_type:data"], expected: ["assert_positive", "relationships_fct_stg", "unique_stg_orders_id"]),
        Case(select: ["test_name:uniq*"], expected: ["unique_stg_orders_id"]),
        Case(select: ["exposure:dash"], expected: ["dash"]),
        Case(select: ["+fct_orders"], indirect: .empty, expected: ["events", "fct_orders", "raw_orders", "stg_events", "stg_orders"]),
        Case(select: ["1+fct_orders"], indirect: .empty, expected: ["fct_orders", "stg_events", "stg_orders"]),
        Case(select: ["raw_orders+"], indirect: .empty, expected: ["assert_positive", "dash", "fct_orders", "raw_orders", "relationships_fct_stg", "stg_orders", "unique_stg_orders_id"]),
        Case(select: ["raw_orders+1"], indirect: .empty, expected: ["raw_orders", "stg_orders"]),
        Case(select: ["@stg_orders"], indirect: .empty, expected: ["assert_positive", "dash", "events", "fct_orders", "raw_orders", "relationships_fct_stg", "stg_events", "stg_orders", "unique_stg_orders_id"]),
        Case(select: ["stg_orders stg_events"], indirect: .empty, expected: ["stg_events", "stg_orders"]),
        Case(select: ["tag:nightly,config.materialized:view"], indirect: .empty, expected: ["stg_orders"]),
        Case(select: ["proj.staging"], exclude: ["stg_events"], indirect: .empty, expected: ["events", "stg_orders", "unique_stg_orders_id"]),
        // Eager: a test with any selected parent is selected; excluding a parent excludes its tests.
        Case(select: ["fct_orders"], expected: ["assert_positive", "fct_orders", "relationships_fct_stg"]),
        Case(select: ["fct_orders"], exclude: ["stg_events"], expected: ["assert_positive", "fct_orders"]),
        // Cautious: only tests whose parents are all selected.
        Case(select: ["fct_orders"], indirect: .cautious, expected: ["assert_positive", "fct_orders"]),
        Case(select: ["fct_orders stg_events"], indirect: .cautious, expected: ["assert_positive", "fct_orders", "relationships_fct_stg", "stg_events"]),
        // Buildable: parents that are ancestors of the selection count.
        Case(select: ["fct_orders"], indirect: .buildable, expected: ["assert_positive", "fct_orders", "relationships_fct_stg"]),
    ]

    @Test("methods, operators and set operations", arguments: cases)
    func select(_ c: Case) throws {
        let ids = try Fixture.selector().select(select: c.select, exclude: c.exclude, indirect: c.indirect)
        #expect(Fixture.names(ids) == c.expected)
    }

    @Test("term parsing")
    func parsing() throws {
        let t = try SelectionParser.parseTerm("2+config.materialized:table+3")
        #expect(t == SelectionCriteria(method: .config(["materialized"]), value: "table", parents: true, parentsDepth: 2, children: true, childrenDepth: 3))
        #expect(try SelectionParser.parseTerm("models/staging").method == .path)
        #expect(try SelectionParser.parseTerm("orders.csv").method == .file)
        #expect(try SelectionParser.parseTerm("@orders").childrensParents)
        #expect(throws: GraphError.self) { try SelectionParser.parseTerm("@+orders") }
        #expect(throws: GraphError.self) { try SelectionParser.parseTerm("bogus:x") }
        do { _ = try SelectionParser.parseTerm("state:modified") } catch { #expect(error.kind == .unsupportedMethod) }
    }

    @Test("selectors.yml definitions, --selector and default: true")
    func selectors() throws {
        let loc = SourceLocation(file: "selectors.yml", line: 1, column: 1)
        let nightly = NamedSelector(
            name: "nightly", description: nil, isDefault: true,
            definition: .union([.method(SelectorCriterion(method: "tag", value: "nightly", location: loc))],
                               exclude: [.cli("tag:hourly", location: loc)], location: loc),
            location: loc)
        let nested = NamedSelector(
            name: "nested", description: nil, isDefault: false,
            definition: .intersection([.method(SelectorCriterion(method: "selector", value: "nightly", location: loc)),
                                       .cli("resource_type:model", location: loc)], exclude: [], location: loc),
            location: loc)
        let s = Fixture.selector([nightly, nested])
        #expect(Fixture.names(try s.select(indirect: .empty)) == ["stg_orders"])
        // Eager at both sides of the intersection: the test of stg_orders survives it, as in dbt.
        #expect(Fixture.names(try s.select(selector: "nested")) == ["stg_orders", "unique_stg_orders_id"])
        #expect(Fixture.names(try s.select(selector: "nightly", indirect: .eager)) == ["stg_orders", "unique_stg_orders_id"])
        do { _ = try s.select(selector: "missing") } catch { #expect(error.kind == .unknownSelector) }
    }

    @Test("default selection helper")
    func defaults() {
        #expect(Fixture.names(Fixture.selector().defaultSelection(resourceTypes: [.seed, .model])).count == 5)
    }

    @Test("selection on 10,000 nodes takes a few milliseconds")
    func speed() throws {
        var nodes: [any SelectableNode] = []
        for i in 0..<10_000 {
            let deps = i == 0 ? [] : ["model.proj.m\(i / 2)"]
            nodes.append(GraphNode(.model, "m\(i)", fqn: ["proj", "layer\(i % 10)", "m\(i)"], tags: i % 3 == 0 ? ["t"] : [], dependsOn: deps))
        }
        let s = NodeSelector(nodes: nodes, rootProject: "proj")
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let ids = try s.select(select: ["tag:t,proj.layer3", "+m9999"], exclude: ["m1*"])
            #expect(!ids.isEmpty)
        }
        #expect(elapsed < .seconds(2)) // a loose bound for debug builds; release is a few ms
        #expect(try s.graph.topologicalBatches().count == 15) // m(i) depends on m(i/2): 1 + floor(log2(9999)) + 1 levels
    }
}
