/// One entry of `packages.yml` / `dependencies.yml`, as written.
public struct PackageRequirement: Sendable {
    /// Where the entry says the package comes from.
    public enum Source: Sendable, Hashable {
        /// `package: owner/name` with `version:` (a string or a range list).
        case hub(String, version: [String])
        /// `git: url`, `revision:`, `subdirectory:`.
        case git(String, revision: String?, subdirectory: String?)
        /// `local: path`, relative to the declaring project.
        case local(String)
        /// `tarball: url`, `name:`.
        case tarball(String, name: String?)
        /// `private: owner/repo`.
        case privateRepository(String, revision: String?)
    }

    /// The source.
    public var source: Source
    /// Where the entry is written.
    public var location: SourceLocation

    /// Creates a requirement.
    public init(source: Source, location: SourceLocation) {
        self.source = source
        self.location = location
    }

    /// The directory name dbt installs this package under (`dbt_packages/<name>`), best guess for
    /// hub and git packages: the last path component without `.git`.
    public var expectedInstallName: String {
        let raw: String
        switch source {
        case .hub(let name, _): raw = name
        case .git(let url, _, let sub): raw = sub ?? url
        case .local(let path): raw = path
        case .tarball(let url, let name): raw = name ?? url
        case .privateRepository(let repo, _): raw = repo
        }
        var last = raw.split(separator: "/").last.map(String.init) ?? raw
        if last.hasSuffix(".git") { last.removeLast(4) }
        return last
    }
}
