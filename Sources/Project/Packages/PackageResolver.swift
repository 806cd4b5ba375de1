import Foundation

/// Resolves `packages.yml` without a network: hub packages ingot ships are built in, `local:`
/// packages are read in place, anything else must already be vendored in `dbt_packages/`.
public enum PackageResolver {
    /// Hub names (lowercased) that resolve to ingot's built-in packages, whatever version is named.
    public static let builtinPackages: [String: String] = [
        "dbt-labs/dbt_utils": "dbt_utils",
        "fishtown-analytics/dbt_utils": "dbt_utils",
        "calogica/dbt_expectations": "dbt_expectations",
        "metaplane/dbt_expectations": "dbt_expectations",
    ]

    /// The names of the built-in packages.
    public static let builtinNames: Set<String> = Set(builtinPackages.values)

    /// Reads the `packages:` list of `packages.yml` or `dependencies.yml` in `projectDir`.
    ///
    /// - Throws: YAML and type errors with their line; `.invalidValue` when both files list packages.
    package static func requirements(
        projectDir: String, displayPrefix: String, renderer: YAMLTreeRenderer
    ) throws(ProjectError) -> [PackageRequirement] {
        var found: [(String, [PackageRequirement])] = []
        for fileName in ["packages.yml", "dependencies.yml"] {
            let path = (projectDir as NSString).appendingPathComponent(fileName)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let shown = displayPrefix.isEmpty ? fileName : displayPrefix + "/" + fileName
            guard let raw = try YAMLReader.parse(text, file: shown) else { continue }
            let root = try renderer.render(raw, skip: { _ in false })
            guard let list = root["packages"] else { continue }
            var reqs: [PackageRequirement] = []
            for item in try list.expectSequence("packages") {
                reqs.append(try requirement(item))
            }
            found.append((shown, reqs))
        }
        if found.count > 1 {
            throw ProjectError(
                .invalidValue, "Only one of packages.yml or dependencies.yml may list packages",
                at: SourceLocation(file: found[1].0))
        }
        return found.first?.1 ?? []
    }

    static func requirement(_ item: YAMLNode) throws(ProjectError) -> PackageRequirement {
        _ = try item.expectMapping("packages")
        let source: PackageRequirement.Source
        if let p = item["package"] {
            let version = try item["version"]?.expectStringOrList("version") ?? []
            source = .hub(try p.expectString("package"), version: version)
        } else if let g = item["git"] {
            source = .git(
                try g.expectString("git"), revision: try item["revision"]?.optionalString("revision"),
                subdirectory: try item["subdirectory"]?.optionalString("subdirectory"))
        } else if let l = item["local"] {
            source = .local(try l.expectString("local"))
        } else if let t = item["tarball"] {
            source = .tarball(try t.expectString("tarball"), name: try item["name"]?.optionalString("name"))
        } else if let p = item["private"] {
            source = .privateRepository(try p.expectString("private"), revision: try item["revision"]?.optionalString("revision"))
        } else {
            throw ProjectError(
                .invalidValue, "a package entry needs one of 'package', 'git', 'local', 'tarball' or 'private'",
                at: item.location)
        }
        return PackageRequirement(source: source, location: item.location)
    }

    /// Resolves one requirement of the project in `projectDir`.
    ///
    /// - Parameter installDir: the root project's packages install path (absolute).
    /// - Throws: `.packageNotInstalled` with the command that vendors the package.
    public static func resolve(
        _ req: PackageRequirement, projectDir: String, installDir: String
    ) throws(ProjectError) -> ResolvedPackage {
        if case .hub(let name, _) = req.source, let builtin = builtinPackages[name.lowercased()] {
            return ResolvedPackage(name: builtin, origin: .builtin, requirement: req)
        }
        if case .local(let path) = req.source {
            let dir = path.hasPrefix("/") ? path : ((projectDir as NSString).appendingPathComponent(path) as NSString).standardizingPath
            guard FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("dbt_project.yml")) else {
                throw ProjectError(
                    .packageNotInstalled, "local package '\(path)' has no dbt_project.yml (looked in \(dir))", at: req.location)
            }
            return ResolvedPackage(name: req.expectedInstallName, origin: .local(directory: dir), requirement: req)
        }
        let name = req.expectedInstallName
        let vendored = (installDir as NSString).appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: (vendored as NSString).appendingPathComponent("dbt_project.yml")) {
            return ResolvedPackage(name: name, origin: .vendored(directory: vendored), requirement: req)
        }
        let how: String
        switch req.source {
        case .git(let url, let rev, _):
            how = "git clone --depth 1\(rev.map { " --branch \($0)" } ?? "") \(url) \(vendored)"
        case .hub(let pkg, let version):
            how = "copy the package's repository (\(pkg)\(version.isEmpty ? "" : " \(version.joined(separator: ", "))")) into \(vendored)"
        default:
            how = "copy the package into \(vendored)"
        }
        throw ProjectError(
            .packageNotInstalled,
            "package '\(name)' is not installed and ingot does not download packages. Vendor it: \(how), or declare it with `local: <path>`",
            at: req.location)
    }
}
