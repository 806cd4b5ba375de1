import Compile
import Foundation
import Project
import Warehouse

/// Runs selected nodes against a warehouse: compiles each right before it runs (so
/// `is_incremental()` and introspection see the warehouse as it is), materializes models,
/// loads seeds, executes tests, and reports every node.
public final class Runner: @unchecked Sendable {
    public struct Options: Sendable {
        public var threads: Int
        public var fullRefresh: Bool
        public var storeFailures: Bool
        public init(threads: Int = 1, fullRefresh: Bool = false, storeFailures: Bool = false) {
            self.threads = threads
            self.fullRefresh = fullRefresh
            self.storeFailures = storeFailures
        }
    }

    public let session: CompileSession
    public let compiler: Compiler
    let adapter: any WarehouseAdapter
    let options: Options
    let events: any RunEventSink
    private let materializer: Materializer

    public init(session: CompileSession, manifest: Manifest, adapter: any WarehouseAdapter, options: Options,
                events: any RunEventSink) {
        self.session = session
        self.compiler = Compiler(session: session, manifest: manifest)
        self.adapter = adapter
        self.options = options
        self.events = events
        self.materializer = Materializer(adapter: adapter)
    }

    public var manifest: Manifest { compiler.manifest }

    /// Runs the nodes (in the given order as tie-break), honouring dependencies among them.
    public func run(_ ids: [String]) -> [NodeResult] {
        let runnable = ids.filter { id in
            guard let n = manifest.node(id) else { return false }
            return !(n.resourceType == .model && n.isEphemeral)
        }
        let selected = Set(runnable)
        // As in `dbt build`, a node also waits for the selected tests of the nodes it reads, so a
        // failing test stops what is built on the data it found wrong.
        var testsOf: [String: [String]] = [:]
        for id in runnable where manifest.node(id)?.resourceType == .test {
            for parent in manifest.node(id)!.dependsOnNodes { testsOf[parent, default: []].append(id) }
        }
        var jobs: [Scheduler<NodeResult>.Job] = []
        for id in runnable {
            let ancestors = manifest.graph.ancestors(of: [id])
            var upstream = ancestors.filter { selected.contains($0) }
            if manifest.node(id)?.resourceType != .test {
                for a in ancestors { upstream.formUnion(testsOf[a] ?? []) }
            }
            jobs.append(.init(id: id, dependsOn: Array(upstream)))
        }
        let total = jobs.count
        let counter = Counter()
        do {
            try createSchemas(for: runnable)
        } catch {
            let now = Date()
            return runnable.map { NodeResult(uniqueID: $0, status: .error, message: "\(error)", startedAt: now, completedAt: now, thread: "main") }
        }
        let scheduler = Scheduler<NodeResult>(jobs: jobs, threads: options.threads)
        return scheduler.run(
            work: { [self] job, worker in
                let index = counter.next()
                let node = manifest.node(job.id)!
                events.started(node, index: index, total: total)
                let result = execute(node, thread: "Thread-\(worker)")
                events.finished(node, result: result, index: index, total: total)
                return (result, result.blocksDependents)
            },
            skip: { [self] job, cause in
                let node = manifest.node(job.id)!
                let index = counter.next()
                let now = Date()
                let result = NodeResult(uniqueID: job.id, status: .skipped, message: "SKIP (upstream \(cause) did not succeed)",
                                        startedAt: now, completedAt: now, thread: "main")
                events.skipped(node, index: index, total: total)
                return result
            })
    }

    /// dbt creates every schema a run writes to before it starts.
    private func createSchemas(for ids: [String]) throws {
        var seen = Set<String>()
        for id in ids {
            guard let n = manifest.node(id), n.resourceType != .test || options.storeFailures else { continue }
            let key = "\(n.database ?? "")\u{1}\(n.schema)"
            guard seen.insert(key).inserted else { continue }
            if try !adapter.schemaExists(database: n.database, schema: n.schema) {
                try adapter.createSchema(database: n.database, schema: n.schema)
            }
        }
    }

    // MARK: - One node

    func execute(_ node: ManifestNode, thread: String) -> NodeResult {
        let started = Date()
        var compiled: String?
        do {
            let outcome: (NodeResult.Status, String, Int?, Int?)
            switch node.resourceType {
            case .model:
                let incremental = try materializer.isIncremental(node, fullRefresh: options.fullRefresh)
                let built = try compiler.compileNode(node.uniqueID, isIncremental: incremental)
                compiled = built.compiledCode
                let hooks = try renderHooks(built)
                let sql = built.compiledCode ?? ""
                let result: Materializer.Outcome
                switch node.materialized {
                case "view": result = try materializer.view(built, sql: sql, hooks: hooks)
                case "table": result = try materializer.table(built, sql: sql, hooks: hooks)
                case "incremental": result = try materializer.incremental(built, sql: sql, isIncremental: incremental, hooks: hooks)
                default:
                    throw WarehouseError(.configuration, "materialization '\(node.materialized)' is not supported yet for \(node.name)")
                }
                outcome = (.success, result.message, result.rows, nil)
            case .test:
                let built = try compiler.compileNode(node.uniqueID)
                compiled = built.compiledCode
                let test = try TestExecutor(adapter: adapter).run(built, sql: built.compiledCode ?? "", storeFailures: options.storeFailures)
                outcome = (test.status, test.message, test.failures, test.failures)
            case .seed:
                let loaded = try SeedLoader(adapter: adapter, project: session.project).load(node, fullRefresh: options.fullRefresh)
                outcome = (.success, "INSERT \(loaded)", loaded, nil)
            case .snapshot:
                let built = try compiler.compileNode(node.uniqueID)
                compiled = built.compiledCode
                let taken = try SnapshotMaterializer(adapter: adapter)
                    .snapshot(built, sql: built.compiledCode ?? "", hooks: try renderHooks(built))
                outcome = (.success, taken.message, taken.rows, nil)
            default:
                throw WarehouseError(.configuration, "\(node.resourceType.rawValue)s cannot run yet (\(node.name))")
            }
            return NodeResult(uniqueID: node.uniqueID, status: outcome.0, message: outcome.1, rowsAffected: outcome.2,
                              failures: outcome.3, startedAt: started, completedAt: Date(), compiledCode: compiled, thread: thread)
        } catch {
            return NodeResult(uniqueID: node.uniqueID, status: .error, message: Runner.describe(error, node: node),
                              startedAt: started, completedAt: Date(), compiledCode: compiled, thread: thread)
        }
    }

    private func renderHooks(_ node: ManifestNode) throws -> Hooks {
        var hooks = Hooks()
        for (i, h) in node.config.preHooks.enumerated() {
            hooks.preSQL.append(try compiler.renderSQL(h.sql, for: node, name: "pre-hook \(i + 1)"))
        }
        for (i, h) in node.config.postHooks.enumerated() {
            hooks.postSQL.append(try compiler.renderSQL(h.sql, for: node, name: "post-hook \(i + 1)"))
        }
        return hooks
    }

    /// The error as dbt prints it: what failed, where, and the warehouse's message.
    static func describe(_ error: any Error, node: ManifestNode) -> String {
        switch error {
        case let e as CompileError:
            return "Compilation Error in \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))\n  \(e.description.replacingOccurrences(of: "\n", with: "\n  "))"
        case let e as WarehouseError:
            return "Database Error in \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))\n  \(e.description.replacingOccurrences(of: "\n", with: "\n  "))"
        default:
            return "Runtime Error in \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))\n  \(error)"
        }
    }
}

/// Numbers nodes in the order they start (`3 of 12 START …`).
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
