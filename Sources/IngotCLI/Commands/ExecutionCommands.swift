import ArgumentParser
import Compile
import Foundation
import Project
import Run

/// What `run`, `seed`, `test` and `build` share: parse, select, connect, run, report.
struct Execution {
    let command: String
    let types: Set<ResourceType>
    let global: GlobalOptions
    let selection: SelectionOptions
    let fullRefresh: Bool
    var storeFailures = false

    func run() throws {
        let started = Date()
        let workspace = try Workspace(global)
        let console = workspace.console
        console.info("Running with \(IngotVersion.string)")
        // The target directory is ingot's own; a profile may keep its database files there.
        try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
        let adapter = try AdapterFactory.make(for: workspace)
        defer { adapter.close() }
        let (session, manifest) = try workspace.parse(warehouse: adapter)
        console.info("Found \(Execution.inventory(manifest))")
        let ids = try workspace.select(selection, in: manifest, types: types)
        let threads = global.threads ?? workspace.project.profile?.target.threads ?? 1
        console.info("Concurrency: \(threads) threads (target='\(workspace.project.profile?.target.name ?? "")')")
        if ids.isEmpty {
            console.warn("Nothing to do. Try checking your model configs and model specification args")
            return
        }
        let runner = Runner(session: session, manifest: manifest, adapter: adapter,
                            options: .init(threads: threads, fullRefresh: fullRefresh, storeFailures: storeFailures),
                            events: ProgressPrinter(console: console))
        try runHooks(workspace.project.definition.onRunStart, kind: "on-run-start", runner: runner, console: console)
        let results = runner.run(ids)
        try runHooks(workspace.project.definition.onRunEnd, kind: "on-run-end", runner: runner, console: console)
        let elapsed = Date().timeIntervalSince(started)
        try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
        try RunResultsWriter.write(results: results, manifest: runner.manifest, invocationID: session.invocationID,
                                   startedAt: started, elapsed: elapsed, command: command,
                                   to: (workspace.targetDirectory as NSString).appendingPathComponent("run_results.json"))
        try workspace.writeCompiled(runner.manifest.nodes.filter { $0.compiledCode != nil })
        try workspace.writeManifest(runner.manifest, session: session)
        console.info("Finished running \(Execution.describe(results, manifest: manifest)) in \(String(format: "%.2f", elapsed))s.")
        let count = { (s: NodeResult.Status) in results.filter { $0.status == s }.count }
        let errors = count(.error) + count(.fail)
        console.info(errors == 0 ? "Completed successfully" : "Completed with \(errors) error\(errors == 1 ? "" : "s")")
        console.info("Done. PASS=\(count(.success) + count(.pass)) WARN=\(count(.warn)) ERROR=\(errors) SKIP=\(count(.skipped)) NO-OP=0 TOTAL=\(results.count)")
        if errors > 0 { throw ExitCode(1) }
    }

    /// Runs the project's `on-run-start` or `on-run-end` hooks, printed as dbt prints them; a
    /// failing hook stops the invocation (exit 1), as in dbt.
    private func runHooks(_ hooks: [String], kind: String, runner: Runner, console: Console) throws {
        guard !hooks.isEmpty else { return }
        console.info("Running \(hooks.count) \(kind) hook\(hooks.count == 1 ? "" : "s")")
        let project = runner.session.project.root.name
        for (i, sql) in hooks.enumerated() {
            let label = "hook: \(project).\(kind).\(i)"
            let started = Date()
            console.info("\(i + 1) of \(hooks.count) START \(label) [RUN]")
            do {
                try runner.runProjectHook(sql, kind: kind, index: i)
                console.info("\(i + 1) of \(hooks.count) OK \(label) [OK in \(String(format: "%.2f", Date().timeIntervalSince(started)))s]")
            } catch {
                console.error("\(i + 1) of \(hooks.count) ERROR \(label)\n  \(error)")
                throw ExitCode(1)
            }
        }
    }

    static func inventory(_ m: Manifest) -> String {
        let kinds: [(ResourceType, String)] = [(.model, "model"), (.seed, "seed"), (.test, "data test"), (.snapshot, "snapshot"), (.analysis, "analysis")]
        var parts = kinds.compactMap { type, name -> String? in
            let n = m.nodes.filter { $0.resourceType == type }.count
            return n == 0 ? nil : "\(n) \(name)\(n == 1 ? "" : (name == "analysis" ? "" : "s"))"
        }
        if !m.sources.isEmpty { parts.append("\(m.sources.count) source\(m.sources.count == 1 ? "" : "s")") }
        parts.append("\(m.macros.count) macros")
        return parts.joined(separator: ", ")
    }

    static func describe(_ results: [NodeResult], manifest: Manifest) -> String {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for r in results {
            guard let n = manifest.node(r.uniqueID) else { continue }
            let key: String
            switch n.resourceType {
            case .model: key = "\(n.materialized) model"
            case .test: key = "data test"
            default: key = n.resourceType.rawValue
            }
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        return order.map { "\(counts[$0]!) \($0)\(counts[$0]! == 1 ? "" : "s")" }.joined(separator: ", ")
    }
}

/// `ingot run`: builds the selected models.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Build the selected models in the warehouse.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Flag(name: [.customShort("f"), .customLong("full-refresh")], help: "Rebuild incremental models from scratch.")
    var fullRefresh = false
    func run() throws {
        try Execution(command: "run", types: [.model], global: global, selection: selection, fullRefresh: fullRefresh).run()
    }
}

/// `ingot seed`: loads the CSV seeds.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed", abstract: "Load the CSV seeds into tables.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Flag(name: [.customShort("f"), .customLong("full-refresh")], help: "Drop and recreate seed tables.")
    var fullRefresh = false
    func run() throws {
        try Execution(command: "seed", types: [.seed], global: global, selection: selection, fullRefresh: fullRefresh).run()
    }
}

/// `ingot test`: runs the data tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run the data tests.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Flag(name: .customLong("store-failures"), help: "Keep each test's failing rows in a table of its audit schema.")
    var storeFailures = false
    func run() throws {
        try Execution(command: "test", types: [.test], global: global, selection: selection, fullRefresh: false,
                      storeFailures: storeFailures).run()
    }
}

/// `ingot snapshot`: takes the selected snapshots.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "snapshot", abstract: "Take the snapshots (slowly changing dimensions).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    func run() throws {
        try Execution(command: "snapshot", types: [.snapshot], global: global, selection: selection, fullRefresh: false).run()
    }
}

/// `ingot build`: seeds, models and tests in DAG order; a failing test skips what depends on
/// the node it tests.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Seed, run and test, in DAG order.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions
    @Flag(name: [.customShort("f"), .customLong("full-refresh")], help: "Rebuild incremental models and seeds from scratch.")
    var fullRefresh = false
    func run() throws {
        try Execution(command: "build", types: [.model, .seed, .test, .snapshot], global: global, selection: selection,
                      fullRefresh: fullRefresh).run()
    }
}
