import ArgumentParser
import Compile
import Foundation
import Project
import Warehouse

/// `ingot run-operation MACRO --args '{k: v}'`: calls a macro of the project or of a package
/// (`package.macro`) with dbt's run context: `execute` is true and what it runs
/// (`run_query`, `statement`, `adapter.*`) reaches the warehouse. Prints what it logs.
struct RunOperationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run-operation", abstract: "Run a macro against the warehouse.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The macro to run: a name, or package.name.")
    var macro: String

    @Option(name: .customLong("args"), help: "Keyword arguments for the macro, as a YAML dictionary: '{key: value}'.")
    var args: String = "{}"

    func run() throws {
        let workspace = try Workspace(global)
        let console = workspace.console
        let arguments: ConfigMap
        do {
            let parsed = try YAMLReader.parse(args, file: "--args")?.configValue
            switch parsed {
            case .map(let m)?: arguments = m
            case nil: arguments = ConfigMap()
            default:
                console.error("The YAML provided in the --args argument is not a dictionary: \(args)")
                throw ExitCode(2)
            }
        } catch let e as ProjectError {
            console.error("The YAML provided in the --args argument is not valid.\n  \(e.description)")
            throw ExitCode(2)
        }
        console.info("Running with \(IngotVersion.string)")
        try FileManager.default.createDirectory(atPath: workspace.targetDirectory, withIntermediateDirectories: true)
        let adapter = try AdapterFactory.make(for: workspace)
        defer { adapter.close() }
        let (session, manifest) = try workspace.parse(warehouse: adapter)
        console.info("Found \(Execution.inventory(manifest))")

        let library = session.library
        let parts = macro.split(separator: ".", maxSplits: 1).map(String.init)
        let entry: MacroLibrary.MacroEntry?
        let notFound: String
        if parts.count == 2 {
            entry = library.macro(parts[1], inPackage: parts[0])
            notFound = "dbt could not find a macro with the name \"\(parts[1])\" in the \"\(parts[0])\" package"
        } else {
            entry = library.resolve(macro, from: workspace.project.root.name)
            notFound = "dbt could not find a macro with the name \"\(macro)\" in any package"
        }
        guard let entry else {
            // dbt 1.11 exits 2 here: the missing macro is raised past the operation's own handler.
            console.error("Encountered an error while running operation: Runtime Error\n  \(notFound)")
            throw ExitCode(2)
        }
        let compiler = Compiler(session: session, manifest: manifest)
        do {
            try compiler.runOperation(entry, arguments: arguments)
        } catch let e as WarehouseError {
            console.error("Encountered an error while running operation: Database Error\n  \(e.message.replacingOccurrences(of: "\n", with: "\n  "))")
            throw ExitCode(1)
        } catch let e as CompileError {
            var text = "Compilation Error in macro \(entry.macro.name) (\(entry.path))\n  \(e.message.replacingOccurrences(of: "\n", with: "\n  "))"
            if e.kind != .raised, let snippet = e.snippet { text += "\n  " + snippet.replacingOccurrences(of: "\n", with: "\n  ") }
            console.error("Encountered an error while running operation: \(text)")
            throw ExitCode(1)
        }
    }
}
