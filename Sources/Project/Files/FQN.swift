/// dbt's fully qualified names, by resource type.
public enum FQN {
    /// The fqn of a file-based resource: `[package, folders…, name]`; analyses insert
    /// `"analysis"` after the package; snapshots keep the file name, and the block name is
    /// appended later (`ResourceFile.fqn(forBlockNamed:)`).
    ///
    /// Verified with dbt-core 1.11 `dbt parse`: `analyses/sub/an1.sql` → `[proj, analysis, sub, an1]`,
    /// `snapshots/sub/snapfile.sql` block `snap_one` → `[proj, sub, snapfile, snap_one]`.
    public static func forFile(type: ResourceType, package: String, pathInResourcePath: String) -> [String] {
        var parts = pathInResourcePath.split(separator: "/").map(String.init)
        let file = parts.removeLast()
        let stem = file.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        var fqn = [package]
        if type == .analysis { fqn.append("analysis") }
        fqn += parts
        fqn.append(stem.isEmpty ? file : stem)
        return fqn
    }

    /// The fqn of a source table: `[package, folders of the YAML file…, source, table]`.
    public static func forSource(package: String, propertiesFolders: [String], source: String, table: String) -> [String] {
        [package] + propertiesFolders + [source, table]
    }

    /// The fqn of a generic test or exposure defined in properties YAML: `[package, folders…, name]`.
    public static func forYAMLResource(package: String, propertiesFolders: [String], name: String) -> [String] {
        [package] + propertiesFolders + [name]
    }
}
