import Foundation

/// Finds `profiles.yml` the way dbt does and picks the profile's target.
public enum ProfileResolver {
    /// The directories searched for `profiles.yml`, in order: `--profiles-dir`, then
    /// `DBT_PROFILES_DIR`, then the project directory, then `~/.dbt`.
    ///
    /// An explicit directory or `DBT_PROFILES_DIR` is used even when the file is missing there, as
    /// in dbt, so the error names the directory the user asked for.
    public static func candidateDirectories(
        explicit: String?, projectDir: String, environment: [String: String]
    ) -> [String] {
        if let explicit { return [explicit] }
        if let env = environment["DBT_PROFILES_DIR"], !env.isEmpty { return [env] }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return [projectDir, (home as NSString).appendingPathComponent(".dbt")]
    }

    /// The `profiles.yml` to read.
    ///
    /// - Throws: `.profilesNotFound` naming every directory searched.
    public static func locate(explicit: String?, projectDir: String, environment: [String: String])
        throws(ProjectError) -> String
    {
        let dirs = candidateDirectories(explicit: explicit, projectDir: projectDir, environment: environment)
        for dir in dirs {
            let path = (dir as NSString).appendingPathComponent("profiles.yml")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw ProjectError(
            .profilesNotFound,
            "Could not find profiles.yml; looked in: \(dirs.joined(separator: ", ")). Pass --profiles-dir or set DBT_PROFILES_DIR")
    }

    /// Reads `profiles.yml` and returns the named profile's target.
    ///
    /// - Parameters:
    ///   - profileName: the project's `profile:` (or `--profile`).
    ///   - targetName: `--target`; when nil, `DBT_TARGET`, then the profile's `target:`, then `default`.
    ///   - path: the `profiles.yml` to read; `shownPath` is how errors name it.
    ///   - renderer: renders `env_var()` and `var()` (CLI vars) in every value, as dbt does.
    /// - Throws: `.profileNotFound` listing the profiles, `.targetNotFound` listing the targets,
    ///   `.missingEnvVar`, YAML and type errors with their line.
    public static func resolve(
        profileName: String, targetName: String?, path: String, shownPath: String,
        renderer: any YAMLValueRenderer, context: YAMLRenderContext
    ) throws(ProjectError) -> ResolvedProfile {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ProjectError(.fileUnreadable, "cannot read profiles.yml: \(error.localizedDescription)", at: SourceLocation(file: shownPath))
        }
        let root = try YAMLReader.parse(text, file: shownPath)
        let profiles = try root?.expectMapping("profiles.yml") ?? []
        // A top-level `config:` holds (legacy) user settings, not a profile.
        let names = profiles.map(\.key).filter { $0 != "config" }
        guard let entry = profiles.last(where: { $0.key == profileName }), profileName != "config" else {
            throw .profileNotFound(profileName, file: shownPath, available: names)
        }
        let tree = YAMLTreeRenderer(renderer: renderer, context: context)
        let profile = try tree.render(entry.value, skip: { _ in false })
        guard let outputsNode = profile["outputs"] else {
            throw .missingKey("outputs", in: "profile '\(profileName)'", at: profile.location)
        }
        let outputs = try outputsNode.expectMapping("outputs")
        let targetNames = outputs.map(\.key)
        let chosen: String
        var chosenLocation = profile.location
        if let targetName {
            chosen = targetName
        } else if let env = context.environment["DBT_TARGET"], !env.isEmpty {
            chosen = env
        } else if let node = profile["target"] {
            chosen = try node.expectString("target")
            chosenLocation = node.location
        } else {
            chosen = "default"
        }
        guard let output = outputs.last(where: { $0.key == chosen }) else {
            throw .targetNotFound(chosen, profile: profileName, available: targetNames, at: chosenLocation)
        }
        let target = try makeTarget(name: chosen, node: output.value)
        return ResolvedProfile(profileName: profileName, target: target, availableTargets: targetNames, profilesFile: path)
    }

    static func makeTarget(name: String, node: YAMLNode) throws(ProjectError) -> ProfileTarget {
        _ = try node.expectMapping(name)
        guard let typeNode = node["type"] else {
            throw .missingKey("type", in: "target '\(name)'", at: node.location)
        }
        var settings = try node.expectConfigMap(name)
        settings["type"] = nil
        settings["threads"] = nil
        let threads = try node["threads"].map { n throws(ProjectError) in try n.expectInt("threads") } ?? 1
        return ProfileTarget(
            name: name, type: try typeNode.expectString("type"), threads: threads, settings: settings,
            location: node.location)
    }
}
