import ArgumentParser

/// The `ingot` executable: dbt's commands and flags.
@main
struct Ingot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingot",
        abstract: "A data build tool that runs dbt projects, in one small binary.",
        version: IngotVersion.string,
        subcommands: [BuildCommand.self, RunCommand.self, SeedCommand.self, TestCommand.self, SnapshotCommand.self,
                      ParseCommand.self, CompileCommand.self, ListCommand.self, DebugCommand.self,
                      DepsCommand.self, CleanCommand.self, InitCommand.self,
                      ShowCommand.self, RunOperationCommand.self, SourceCommand.self, RetryCommand.self]
    )
}

/// ingot's version.
enum IngotVersion {
    static let string = "ingot 0.1.0"
}
