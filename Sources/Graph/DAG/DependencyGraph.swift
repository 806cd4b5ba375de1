/// A DAG over node unique ids (`model.pkg.name`, `source.pkg.src.table`, …), built from each
/// node's `depends_on` list. Edges run from a dependency to its dependent.
///
/// Ids are interned to integers once, so traversals on 10,000 nodes take microseconds.
public struct DependencyGraph: Sendable {
    /// Every id, in the order given (dependencies that were not themselves given are appended).
    public let ids: [String]
    let index: [String: Int]
    let parentsOf: [[Int]]
    let childrenOf: [[Int]]

    /// Builds the graph.
    ///
    /// - Parameter nodes: each node's id and the ids it depends on. A dependency on an id that is
    ///   not a node (a macro, a disabled node) is still recorded as a node without parents.
    public init(_ nodes: [(id: String, dependsOn: [String])]) {
        var ids: [String] = []
        var index: [String: Int] = [:]
        func intern(_ id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = ids.count
            ids.append(id)
            return ids.count - 1
        }
        for n in nodes { _ = intern(n.id) }
        var edges: [(Int, Int)] = []
        for n in nodes {
            let child = index[n.id]!
            for dep in n.dependsOn { edges.append((intern(dep), child)) }
        }
        var parents = [[Int]](repeating: [], count: ids.count)
        var children = [[Int]](repeating: [], count: ids.count)
        for (p, c) in edges where !parents[c].contains(p) {
            parents[c].append(p)
            children[p].append(c)
        }
        self.ids = ids
        self.index = index
        parentsOf = parents
        childrenOf = children
    }

    /// Whether `id` is in the graph.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// The direct dependencies of `id`.
    public func parents(of id: String) -> [String] {
        index[id].map { parentsOf[$0].map { ids[$0] } } ?? []
    }

    /// The direct dependents of `id`.
    public func children(of id: String) -> [String] {
        index[id].map { childrenOf[$0].map { ids[$0] } } ?? []
    }

    /// All ancestors of the given ids up to `depth` generations (nil: all), excluding the ids
    /// themselves unless reachable through a cycle.
    public func ancestors(of start: Set<String>, depth: Int? = nil) -> Set<String> {
        Set(walk(start.compactMap { index[$0] }, depth: depth, edges: parentsOf).map { ids[$0] })
    }

    /// All descendants of the given ids up to `depth` generations (nil: all).
    public func descendants(of start: Set<String>, depth: Int? = nil) -> Set<String> {
        Set(walk(start.compactMap { index[$0] }, depth: depth, edges: childrenOf).map { ids[$0] })
    }

    func walk(_ start: [Int], depth: Int?, edges: [[Int]]) -> [Int] {
        var visited = [Bool](repeating: false, count: ids.count)
        var frontier = start
        var out: [Int] = []
        var level = 0
        while !frontier.isEmpty, depth.map({ level < $0 }) ?? true {
            var next: [Int] = []
            for n in frontier {
                for m in edges[n] where !visited[m] {
                    visited[m] = true
                    out.append(m)
                    next.append(m)
                }
            }
            frontier = next
            level += 1
        }
        return out
    }

    /// A cycle, if the graph has one: the ids along it, first id repeated at the end.
    public func findCycle() -> [String]? {
        // Iterative DFS with colours: 0 unvisited, 1 on the stack, 2 done.
        var colour = [UInt8](repeating: 0, count: ids.count)
        var parentOnPath = [Int](repeating: -1, count: ids.count)
        for root in 0..<ids.count where colour[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            colour[root] = 1
            while let top = stack.last {
                let children = childrenOf[top.node]
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let c = children[top.next]
                    if colour[c] == 1 {
                        var cycle = [c]
                        var n = top.node
                        while n != c {
                            cycle.append(n)
                            n = parentOnPath[n]
                        }
                        cycle.append(c)
                        // Built backwards along child edges: reverse to read dependency → dependent.
                        return cycle.reversed().map { ids[$0] }
                    }
                    if colour[c] == 0 {
                        colour[c] = 1
                        parentOnPath[c] = top.node
                        stack.append((c, 0))
                    }
                } else {
                    colour[top.node] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }

    /// Every id, each after all of its dependencies (ties in input order).
    ///
    /// - Throws: `GraphError.cycle` printing the cycle as `a -> b -> a`.
    public func topologicalOrder() throws(GraphError) -> [String] {
        try topologicalBatches().flatMap { $0 }
    }

    /// The ids in levels: level 0 has no dependencies, level n depends only on levels below n.
    /// The scheduler runs a level's nodes in parallel.
    ///
    /// - Throws: `GraphError.cycle` printing the cycle.
    public func topologicalBatches() throws(GraphError) -> [[String]] {
        var remaining = parentsOf.map(\.count)
        var current = (0..<ids.count).filter { remaining[$0] == 0 }
        var batches: [[String]] = []
        var placed = 0
        while !current.isEmpty {
            batches.append(current.map { ids[$0] })
            placed += current.count
            var next: [Int] = []
            for n in current {
                for c in childrenOf[n] {
                    remaining[c] -= 1
                    if remaining[c] == 0 { next.append(c) }
                }
            }
            next.sort()
            current = next
        }
        if placed < ids.count, let cycle = findCycle() {
            throw GraphError(.cycle, "Found a cycle: \(cycle.joined(separator: " -> "))")
        }
        return batches
    }
}
