/// One properties (`schema.yml`-style) file, parsed.
public struct PropertiesFile: Sendable {
    /// The package the file belongs to.
    public var packageName: String
    /// The path relative to the package root (dbt's `original_file_path`).
    public var originalFilePath: String
    /// The resource path it was found under (`models`), for test and source fqns.
    public var resourcePath: String
    /// `models:` entries.
    public var models: [ResourceProperties] = []
    /// `seeds:` entries.
    public var seeds: [ResourceProperties] = []
    /// `snapshots:` entries.
    public var snapshots: [ResourceProperties] = []
    /// `analyses:` entries.
    public var analyses: [ResourceProperties] = []
    /// `sources:` entries.
    public var sources: [SourceProperties] = []
    /// `macros:` entries.
    public var macros: [MacroProperties] = []
    /// `exposures:` entries.
    public var exposures: [ExposureProperties] = []
    /// Sections ingot records but does not interpret yet (`unit_tests`, `semantic_models`,
    /// `metrics`, `saved_queries`, `groups`), as written.
    public var otherSections: ConfigMap = ConfigMap()

    /// Creates an empty file record.
    public init(packageName: String, originalFilePath: String, resourcePath: String) {
        self.packageName = packageName
        self.originalFilePath = originalFilePath
        self.resourcePath = resourcePath
    }

    /// The folders between the resource path and the file: dbt puts them in the fqn of the
    /// sources and tests the file defines.
    public var folderParts: [String] {
        var rel = Substring(originalFilePath)
        if !resourcePath.isEmpty, rel.hasPrefix(resourcePath + "/") { rel = rel.dropFirst(resourcePath.count + 1) }
        var parts = rel.split(separator: "/").map(String.init)
        parts.removeLast()
        return parts
    }

    /// Every generic test the file defines, in file order of sections.
    public var allTests: [TestDefinition] {
        (models + seeds + snapshots).flatMap(\.allTests) + sources.flatMap { $0.tables.flatMap(\.allTests) }
    }
}
