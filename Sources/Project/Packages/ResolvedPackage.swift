/// A package after resolution: built into ingot, loaded from a local path, or already vendored.
public struct ResolvedPackage: Sendable {
    /// How the package is provided.
    public enum Origin: Sendable, Hashable {
        /// ingot's own implementation (`dbt_utils`, `dbt_expectations`), whatever version was asked.
        case builtin
        /// A `local:` path.
        case local(directory: String)
        /// A copy already under the packages install path (`dbt_packages/<name>`).
        case vendored(directory: String)
    }

    /// The package's project name (`dbt_utils`).
    public var name: String
    /// How it is provided.
    public var origin: Origin
    /// The entry that asked for it; nil for packages found in `dbt_packages/` without an entry.
    public var requirement: PackageRequirement?

    /// Creates a resolved package.
    public init(name: String, origin: Origin, requirement: PackageRequirement?) {
        self.name = name
        self.origin = origin
        self.requirement = requirement
    }

    /// The package's directory on disk, nil for built-in packages.
    public var directory: String? {
        switch origin {
        case .builtin: return nil
        case .local(let d), .vendored(let d): return d
        }
    }
}
