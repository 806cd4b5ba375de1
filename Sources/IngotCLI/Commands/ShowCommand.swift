import ArgumentParser
import Compile
import Foundation
import Project
import Run
import Warehouse

/// `ingot show`: compiles a model (`-s`) or an inline query (`--inline`), runs it with a limit
/// and prints the rows as dbt does: a Markdown table, or JSON with `--output json`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Preview the rows of a model or an inline query.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var selection: SelectionOptions

    @Option(name: .customLong("inline"), help: "A SQL query (Jinja allowed) to preview instead of a model.")
    var inline: String?

    // `.unconditional`, so `--limit -1` reads as a number, not as an option.
    @Option(name: .customLong("limit"), parsing: .unconditional, help: "How many rows to show (default 5; -1 for all).")
    var limit: Int = 5

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: ShowOutput = .text

    enum ShowOutput: String, ExpressibleByArgument {
        case text, json
    }

    func run() throws {
        let workspace = try Workspace(global)
        let console = workspace.console
        guard inline != nil || !selection.select.isEmpty || selection.selector != nil else {
            console.error("Runtime Error\n  Either --select or --inline must be passed to show")
            throw ExitCode(2)
        }
        console.info("Running with \(IngotVersion.string)")
        try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
        let adapter = try AdapterFactory.make(for: workspace)
        defer { adapter.close() }
        let (session, manifest) = try workspace.parse(warehouse: adapter)
        console.info("Found \(Execution.inventory(manifest))")
        let compiler = Compiler(session: session, manifest: manifest)
        let threads = global.threads ?? workspace.project.profile?.target.threads ?? 1
        console.info("Concurrency: \(threads) threads (target='\(workspace.project.profile?.target.name ?? "")')")

        var previews: [(name: String?, sql: String, id: String?)] = []
        if let inline {
            do {
                previews.append((nil, try compiler.compileInline(inline), nil))
            } catch let e as CompileError {
                console.error("Compilation Error in inline query\n  \(e.description.replacingOccurrences(of: "\n", with: "\n  "))")
                throw ExitCode(1)
            }
        } else {
            let ids = try workspace.select(selection, in: manifest, types: [.model, .seed, .snapshot, .analysis])
            if ids.isEmpty {
                console.warn("Nothing to do. Try checking your model configs and model specification args")
                return
            }
            for id in ids {
                let node = manifest.node(id)!
                do {
                    if node.resourceType == .seed {
                        previews.append((node.name, "select * from \(node.relationName ?? session.render(node.relation))", id))
                    } else {
                        let compiled = try compiler.compileNode(id)
                        try workspace.writeCompiled(compiled)
                        previews.append((node.name, compiled.compiledCode ?? "", id))
                    }
                } catch let e as CompileError {
                    console.error("Compilation Error in \(node.resourceType.rawValue) \(node.name) (\(node.originalFilePath))\n  \(e.description.replacingOccurrences(of: "\n", with: "\n  "))")
                    throw ExitCode(1)
                }
            }
        }
        for preview in previews {
            let sql = ShowCommand.limited(preview.sql, limit: limit < 0 ? nil : limit)
            let outcome: QueryOutcome
            do {
                outcome = try adapter.execute(sql, fetch: true)
            } catch let e as WarehouseError {
                let what = preview.name.map { "model \($0) (\(manifest.node(preview.id!)!.originalFilePath))" } ?? "sql_operation inline_query (from remote system.sql)"
                console.error("Encountered an error:\nDatabase Error in \(what)\n  \(e.message)")
                throw ExitCode(1)
            }
            let rows = ResultPreview(outcome)
            switch output {
            case .json:
                console.result(rows.json(node: preview.name))
            case .text:
                if global.quiet {
                    console.result(rows.table)
                } else if let name = preview.name {
                    console.result("Previewing node '\(name)':\n\(rows.table)")
                } else {
                    console.result("Previewing inline node:\n\(rows.table)")
                }
            }
        }
    }

    /// The query with a row limit around it (a subquery, so a query with its own `limit` or
    /// `order by` still works); `nil` shows every row.
    static func limited(_ sql: String, limit: Int?) -> String {
        var body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        while body.hasSuffix(";") { body = String(body.dropLast()).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let limit else { return body }
        return "select * from (\n\(body)\n) as model_limit_subq\nlimit \(limit)"
    }
}
