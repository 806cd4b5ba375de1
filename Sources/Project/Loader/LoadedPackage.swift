/// A project or package after loading: its definition and everything found in its files.
public struct LoadedPackage: Sendable {
    /// The package's name.
    public var name: String
    /// How it was provided (the root project is `.local` of its own directory).
    public var origin: ResolvedPackage.Origin
    /// Its `dbt_project.yml`; nil for built-in packages, whose macros ship inside ingot.
    public var definition: ProjectDefinition?
    /// The names of the packages it depends on.
    public var dependencies: [String]
    /// Resource files (models, seeds, snapshot files, tests, macro files, analyses).
    public var files: [ResourceFile]
    /// Properties YAML files.
    public var properties: [PropertiesFile]
    /// Docs blocks.
    public var docs: [DocsBlock]

    /// Whether the package is one of ingot's built-in packages.
    public var isBuiltin: Bool { origin == .builtin }
}
