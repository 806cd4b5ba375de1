/// A parsed `dbt_project.yml`, with dbt's defaults filled in.
///
/// Config trees (`models:`, `seeds:`, …) are kept as located YAML so the config resolver can walk
/// them by folder and errors can point at the line that set a value.
public struct ProjectDefinition: Sendable {
    /// `name`: the project's (and package's) name.
    public var name: String
    /// `version`, as written.
    public var version: String?
    /// `config-version` (2 when absent).
    public var configVersion: Int
    /// `profile`, when given.
    public var profile: String?
    /// `model-paths` (default `["models"]`; `source-paths` is accepted with a deprecation warning).
    public var modelPaths: [String]
    /// `seed-paths` (default `["seeds"]`; `data-paths` accepted).
    public var seedPaths: [String]
    /// `snapshot-paths` (default `["snapshots"]`).
    public var snapshotPaths: [String]
    /// `test-paths` (default `["tests"]`).
    public var testPaths: [String]
    /// `macro-paths` (default `["macros"]`).
    public var macroPaths: [String]
    /// `analysis-paths` (default `["analyses"]`).
    public var analysisPaths: [String]
    /// `docs-paths` (default: every other resource path, as dbt does).
    public var docsPaths: [String]
    /// `asset-paths` (default empty).
    public var assetPaths: [String]
    /// `target-path` (default `target`).
    public var targetPath: String
    /// `log-path` (default `logs`).
    public var logPath: String
    /// `clean-targets` (default `[target-path]`).
    public var cleanTargets: [String]
    /// `packages-install-path` (default `dbt_packages`; `modules-path` accepted).
    public var packagesInstallPath: String
    /// `vars`, unrendered (dbt renders a var when `var()` reads it). A top-level key naming a
    /// package scopes its mapping to that package's nodes.
    public var vars: ConfigMap
    /// The located `vars` block, for error locations.
    public var varsNode: YAMLNode?
    /// The config trees by key (`models`, `seeds`, `snapshots`, `data_tests` (also from `tests`),
    /// `sources`, `exposures`, `unit_tests`, …), rendered except for hooks.
    public var configTrees: [String: YAMLNode]
    /// `on-run-start`, unrendered.
    public var onRunStart: [String]
    /// `on-run-end`, unrendered.
    public var onRunEnd: [String]
    /// `dispatch`.
    public var dispatch: [DispatchEntry]
    /// `quoting` (database / schema / identifier / snowflake_ignore_case).
    public var quoting: ConfigMap
    /// `require-dbt-version`, recorded and not enforced.
    public var requireDbtVersion: [String]
    /// `flags`.
    public var flags: ConfigMap
    /// `query-comment`, unrendered, when given.
    public var queryComment: ConfigValue?
    /// `restrict-access`.
    public var restrictAccess: Bool
    /// The absolute directory holding the file.
    public var rootPath: String
    /// Where the file is, for error messages.
    public var location: SourceLocation

    /// Every path that can hold resources, in dbt's order (the default for `docs-paths`).
    public var allSourcePaths: [String] {
        modelPaths + seedPaths + snapshotPaths + analysisPaths + macroPaths + testPaths
    }
}
