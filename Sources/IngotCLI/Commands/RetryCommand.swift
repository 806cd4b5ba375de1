import ArgumentParser
import Compile
import Foundation
import Project
import Run

/// `ingot retry`: reads `target/run_results.json` of the last run, seed, test, snapshot or build
/// and runs again, with that command's semantics, the nodes that errored, failed or were
/// skipped. Writes a new `run_results.json` under the same command, so a retry can be retried.
struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "retry", abstract: "Re-run the nodes that failed or were skipped last time.")

    @OptionGroup var global: GlobalOptions

    /// The statuses worth another try, as dbt's retry picks them.
    static let retryable: Set<String> = ["error", "fail", "skipped", "runtime error", "partial success"]

    /// What each command runs.
    static let commandTypes: [String: Set<ResourceType>] = [
        "run": [.model], "seed": [.seed], "test": [.test], "snapshot": [.snapshot],
        "build": [.model, .seed, .test, .snapshot],
    ]

    func run() throws {
        let started = Date()
        var options = global
        let first = try Workspace(global)
        let resultsPath = (first.targetDirectory as NSString).appendingPathComponent("run_results.json")
        guard let data = FileManager.default.contents(atPath: resultsPath) else {
            first.console.error("Runtime Error\n  Could not find previous run in '\(first.project.definition.targetPath)' target directory")
            throw ExitCode(2)
        }
        guard let previous = try? PreviousRun(data) else {
            first.console.error("Runtime Error\n  Could not read the previous run's results at \(first.relative(resultsPath))")
            throw ExitCode(2)
        }
        guard let types = Self.commandTypes[previous.command] else {
            first.console.error("Runtime Error\n  ingot retry re-runs run, seed, test, snapshot and build; the last command was '\(previous.command)'")
            throw ExitCode(2)
        }
        // The last command's --vars, unless this one gives its own.
        if options.vars == nil, let vars = previous.vars { options.vars = vars }
        let workspace = options.vars == global.vars ? first : try Workspace(options)
        let console = workspace.console
        console.info("Running with \(IngotVersion.string)")
        try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
        let adapter = try AdapterFactory.make(for: workspace)
        defer { adapter.close() }
        let (session, manifest) = try workspace.parse(warehouse: adapter)
        console.info("Found \(Execution.inventory(manifest))")
        let retry = previous.retryIDs
        let ids = try workspace.select(try SelectionOptions.parse([]), in: manifest, types: types).filter { retry.contains($0) }
        if ids.isEmpty {
            console.info("Nothing to do. Try checking your model configs and model specification args")
            return
        }
        let threads = global.threads ?? previous.threads ?? workspace.project.profile?.target.threads ?? 1
        console.info("Concurrency: \(threads) threads (target='\(workspace.project.profile?.target.name ?? "")')")
        let runner = Runner(session: session, manifest: manifest, adapter: adapter,
                            options: .init(threads: threads, fullRefresh: previous.fullRefresh),
                            events: ProgressPrinter(console: console))
        let results = runner.run(ids)
        let elapsed = Date().timeIntervalSince(started)
        var document = try JSONSerialization.jsonObject(with: RunResultsWriter.json(
            results: results, manifest: runner.manifest, invocationID: session.invocationID, startedAt: started,
            elapsed: elapsed, command: previous.command)) as? [String: Any] ?? [:]
        var args = document["args"] as? [String: Any] ?? [:]
        args["invocation_command"] = "ingot retry"
        args["full_refresh"] = previous.fullRefresh
        if let vars = previous.varsObject { args["vars"] = vars }
        document["args"] = args
        try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
            .write(to: URL(fileURLWithPath: resultsPath), options: .atomic)
        for node in runner.manifest.nodes where node.compiledCode != nil { try workspace.writeCompiled(node) }
        try workspace.writeManifest(runner.manifest, session: session)
        console.info("Finished running \(Execution.describe(results, manifest: manifest)) in \(String(format: "%.2f", elapsed))s.")
        let count = { (s: NodeResult.Status) in results.filter { $0.status == s }.count }
        let errors = count(.error) + count(.fail)
        console.info(errors == 0 ? "Completed successfully" : "Completed with \(errors) error\(errors == 1 ? "" : "s")")
        console.info("Done. PASS=\(count(.success) + count(.pass)) WARN=\(count(.warn)) ERROR=\(errors) SKIP=\(count(.skipped)) NO-OP=0 TOTAL=\(results.count)")
        if errors > 0 { throw ExitCode(1) }
    }
}

/// What `retry` needs from the last `run_results.json`.
struct PreviousRun {
    var command: String
    var statuses: [(id: String, status: String)]
    var fullRefresh: Bool
    var threads: Int?
    /// `args.vars`, as JSON text (which is YAML, so `--vars` reads it).
    var vars: String?
    var varsObject: Any?

    init(_ data: Data) throws {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let results = root["results"] as? [[String: Any]] else { throw CocoaError(.fileReadCorruptFile) }
        let args = root["args"] as? [String: Any] ?? [:]
        command = args["which"] as? String ?? ""
        statuses = results.compactMap { r in
            guard let id = r["unique_id"] as? String, let status = r["status"] as? String else { return nil }
            return (id, status)
        }
        fullRefresh = args["full_refresh"] as? Bool ?? false
        threads = args["threads"] as? Int
        if let v = args["vars"] as? [String: Any], !v.isEmpty,
           let text = try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys]) {
            vars = String(decoding: text, as: UTF8.self)
            varsObject = v
        }
    }

    var retryIDs: Set<String> {
        Set(statuses.filter { RetryCommand.retryable.contains($0.status) }.map(\.id))
    }
}
