/// A resource file found on disk: a model, seed, snapshot file, singular test, generic-test file,
/// macro file or analysis, with its contents and dbt's identity fields.
public struct ResourceFile: Sendable {
    /// What the file holds. `.test` with `isGenericTestFile` marks `tests/generic/*.sql`, which
    /// hold `{% test %}` blocks rather than a singular test.
    public var resourceType: ResourceType
    /// The package the file belongs to.
    public var packageName: String
    /// The path relative to the package root (dbt's `original_file_path`): `models/staging/a.sql`.
    public var originalFilePath: String
    /// The path relative to its resource path (dbt's `path`): `staging/a.sql`.
    public var path: String
    /// The resource path the file was found under: `models`.
    public var resourcePath: String
    /// The absolute path.
    public var absolutePath: String
    /// The path errors show: relative to the root project directory when inside it.
    public var displayPath: String
    /// The file name without extension: the resource's name for models, seeds, tests, analyses.
    public var name: String
    /// dbt's fqn for the file's resource (for snapshots, see `fqn(forBlockNamed:)`).
    public var fqn: [String]
    /// `sql`, `python` or `csv`.
    public var language: String
    /// True for `tests/generic/**.sql` (`{% test %}` blocks).
    public var isGenericTestFile: Bool
    /// The raw contents (empty for seeds: the Run module reads the CSV itself).
    public var contents: String
    /// dbt's checksum.
    public var checksum: FileChecksum

    /// dbt's unique id for the file's resource: `model.pkg.name`, `seed.pkg.name`, …
    public var uniqueID: String { "\(resourceType.rawValue).\(packageName).\(name)" }

    /// Whether ingot can run the resource (Python models are recorded but not run).
    public var isSupported: Bool { language != "python" }

    /// The fqn of a block defined in this file. Snapshots include the file name before the
    /// block's name (`[pkg, folder, file, snapshot]`), as dbt does; other resources put the block
    /// name in place of the file name.
    public func fqn(forBlockNamed block: String) -> [String] {
        resourceType == .snapshot ? fqn + [block] : Array(fqn.dropLast()) + [block]
    }
}
