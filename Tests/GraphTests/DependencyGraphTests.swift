import Testing
@testable import Graph

@Suite("DependencyGraph")
struct DependencyGraphTests {
    let graph = DependencyGraph([
        ("seed.p.raw", []),
        ("model.p.stg", ["seed.p.raw"]),
        ("model.p.int", ["model.p.stg"]),
        ("model.p.fct", ["model.p.int", "model.p.stg"]),
        ("test.p.t1", ["model.p.fct"]),
    ])

    @Test("topological batches put each node after its dependencies")
    func batches() throws {
        #expect(try graph.topologicalBatches() == [["seed.p.raw"], ["model.p.stg"], ["model.p.int"], ["model.p.fct"], ["test.p.t1"]])
        #expect(try graph.topologicalOrder().first == "seed.p.raw")
    }

    @Test("parents and children with depth limits")
    func neighbours() {
        #expect(graph.ancestors(of: ["model.p.fct"], depth: 1) == ["model.p.int", "model.p.stg"])
        #expect(graph.ancestors(of: ["model.p.fct"]) == ["model.p.int", "model.p.stg", "seed.p.raw"])
        #expect(graph.descendants(of: ["seed.p.raw"], depth: 2) == ["model.p.stg", "model.p.int", "model.p.fct"])
        #expect(graph.parents(of: "model.p.int") == ["model.p.stg"])
        #expect(graph.children(of: "model.p.stg").sorted() == ["model.p.fct", "model.p.int"])
    }

    @Test("a cycle is printed along its edges")
    func cycle() {
        let g = DependencyGraph([("model.a", ["model.b"]), ("model.b", ["model.a"]), ("model.c", ["model.a"])])
        #expect(throws: GraphError.self) { try g.topologicalBatches() }
        do {
            _ = try g.topologicalOrder()
        } catch {
            #expect(error.kind == .cycle)
            #expect(error.description == "Found a cycle: model.a -> model.b -> model.a")
        }
        let three = DependencyGraph([("model.x", ["model.z"]), ("model.y", ["model.x"]), ("model.z", ["model.y"])])
        #expect(three.findCycle() == ["model.x", "model.y", "model.z", "model.x"])
    }
}
