import ArgumentParser
import Compile
import Foundation
import Project
import Run

/// `ingot source`: commands about sources.
struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "source", abstract: "Commands about sources.",
                                                    subcommands: [SourceFreshnessCommand.self])
}

/// `ingot source freshness`: for each selected source table with a `loaded_at_field` and a
/// freshness policy, finds its newest row, judges its age against `warn_after`/`error_after`,
/// prints a line per table and writes `target/sources.json`. Exits 1 when a table is stale past
/// `error_after` or could not be checked.
struct SourceFreshnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "freshness", abstract: "Check how fresh the selected sources are.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "Where to write the results (default target/sources.json).")
    var output: String?

    func run() throws {
        let started = Date()
        let workspace = try Workspace(global)
        let console = workspace.console
        console.info("Running with \(IngotVersion.string)")
        try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
        let adapter = try AdapterFactory.make(for: workspace)
        defer { adapter.close() }
        let (session, manifest) = try workspace.parse(warehouse: adapter)
        console.info("Found \(Execution.inventory(manifest))")
        let ids = try workspace.select(selection, in: manifest, types: [.source]).sorted()

        var checks: [(SourceNode, String, FreshnessCriteria)] = []
        for id in ids {
            guard let source = manifest.source(id) else { continue }
            guard let criteria = Self.criteria(for: source, in: workspace.project), criteria.isActive else { continue }
            guard let field = source.loadedAtField else {
                console.warn("Source \(source.sourceName).\(source.name) has a freshness policy but no loaded_at_field; ingot checks freshness from a loaded_at_field only, so it is skipped")
                continue
            }
            checks.append((source, field, criteria))
        }
        let threads = global.threads ?? workspace.project.profile?.target.threads ?? 1
        console.info("Concurrency: \(threads) threads (target='\(workspace.project.profile?.target.name ?? "")')")
        if checks.isEmpty {
            console.warn("Nothing to do. Try checking your model configs and model specification args")
            return
        }
        let checker = FreshnessChecker(adapter: adapter)
        var results: [SourceFreshnessResult] = []
        for (i, check) in checks.enumerated() {
            let (source, field, criteria) = check
            let what = "freshness of \(source.sourceName).\(source.name)"
            line(console, i + 1, checks.count, "START \(what)", status: "RUN", id: source.uniqueID, event: "LogStartLine")
            let result = checker.check(source, loadedAtField: field, criteria: criteria, thread: "Thread-1")
            let label: String
            switch result.status {
            case .pass: label = "PASS"
            case .warn: label = "WARN"
            case .error: label = "ERROR STALE"
            case .runtimeError: label = "ERROR"
            }
            line(console, i + 1, checks.count, "\(label) \(what)",
                 status: "\(label) in \(String(format: "%.2fs", result.executionTime))", id: source.uniqueID,
                 event: "LogFreshnessResult", extra: ["status": result.status.rawValue])
            results.append(result)
        }
        let elapsed = Date().timeIntervalSince(started)
        let path = output.map { $0.hasPrefix("/") ? $0 : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent($0) }
            ?? (workspace.targetDirectory as NSString).appendingPathComponent("sources.json")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try SourcesWriter.write(results: results, invocationID: session.invocationID, startedAt: started, elapsed: elapsed, to: path)
        console.info("Finished running \(results.count) source\(results.count == 1 ? "" : "s") in \(Self.duration(elapsed)).")
        let failed = results.filter { $0.status == .error || $0.status == .runtimeError }
        for r in failed {
            if r.status == .error {
                console.error("Failure in source \(r.tableName) (\(r.originalFilePath))\n  Status: error")
            } else {
                console.error(r.message ?? "Runtime Error in source \(r.tableName) (\(r.originalFilePath))")
            }
        }
        console.info("Done.")
        if !failed.isEmpty { throw ExitCode(1) }
    }

    /// The source's `freshness:` merged with the table's.
    static func criteria(for source: SourceNode, in project: LoadedProject) -> FreshnessCriteria? {
        let file = project.properties.first { $0.packageName == source.packageName && $0.originalFilePath == source.originalFilePath }
        let entry = file?.sources.first { $0.name == source.sourceName && $0.tables.contains { $0.name == source.name } }
        return FreshnessCriteria.merged(source: entry?.freshness ?? .unset, table: source.freshness)
    }

    /// `0 hours 0 minutes and 0.59 seconds (0.59s)`, as dbt words a run's length.
    static func duration(_ seconds: Double) -> String {
        let hours = Int(seconds) / 3600
        let minutes = (Int(seconds) % 3600) / 60
        let rest = seconds - Double(hours * 3600 + minutes * 60)
        return "\(hours) hours \(minutes) minutes and \(String(format: "%.2f", rest)) seconds (\(String(format: "%.2f", seconds))s)"
    }

    private func line(_ console: Console, _ index: Int, _ total: Int, _ text: String, status: String, id: String, event: String,
                      extra: [String: String] = [:]) {
        // As dbt: the text and a space, padded with dots to 80 columns, then the status.
        let prefix = "\(index) of \(total) \(text) "
        let dots = String(repeating: ".", count: max(0, 80 - prefix.count))
        var fields = extra
        fields["node"] = id
        fields["index"] = String(index)
        fields["total"] = String(total)
        console.info("\(prefix)\(dots) [\(status)]", event: event, extra: fields)
    }
}
