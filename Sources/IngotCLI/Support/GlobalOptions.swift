import ArgumentParser

/// The flags every command accepts, spelled as dbt spells them.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("project-dir"), help: "The directory of dbt_project.yml (default: current directory).")
    var projectDir: String = "."

    @Option(name: .customLong("profiles-dir"), help: "The directory of profiles.yml.")
    var profilesDir: String?

    @Option(name: .customLong("profile"), help: "The profile to use, overriding dbt_project.yml.")
    var profile: String?

    @Option(name: [.customShort("t"), .customLong("target")], help: "The target of the profile.")
    var target: String?

    @Option(name: .customLong("vars"), help: "Variables as a YAML dictionary: '{key: value}'.")
    var vars: String?

    @Option(name: .customLong("threads"), help: "How many nodes to work on at once.")
    var threads: Int?

    @Option(name: .customLong("log-format"), help: "text or json.")
    var logFormat: LogFormat = .text

    @Flag(name: [.customShort("q"), .customLong("quiet")], help: "Print only errors (and --inline SQL).")
    var quiet = false

    @Flag(name: [.customShort("d"), .customLong("debug")], help: "Print debug output.")
    var debug = false
}

/// `--log-format`.
enum LogFormat: String, ExpressibleByArgument, Sendable {
    case text, json
}

/// `--select`, `--exclude`, `--selector`, as dbt's commands take them.
struct SelectionOptions: ParsableArguments {
    @Option(name: [.customShort("s"), .customLong("select"), .customLong("models"), .customShort("m")],
            parsing: .upToNextOption, help: "Nodes to include.")
    var select: [String] = []

    @Option(name: .customLong("exclude"), parsing: .upToNextOption, help: "Nodes to leave out.")
    var exclude: [String] = []

    @Option(name: .customLong("selector"), help: "A selector from selectors.yml.")
    var selector: String?
}
