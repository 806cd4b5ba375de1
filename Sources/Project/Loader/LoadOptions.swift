import Foundation

/// What `ProjectLoader.load` needs beyond the project directory: the global CLI flags that affect
/// loading, and the seams tests replace.
public struct LoadOptions: Sendable {
    /// `--project-dir` (absolute or relative to the current directory).
    public var projectDir: String
    /// `--profiles-dir`.
    public var profilesDir: String?
    /// `--profile`, overriding the project's `profile:`.
    public var profile: String?
    /// `--target`.
    public var target: String?
    /// `--vars`, already parsed from YAML.
    public var cliVars: ConfigMap
    /// The environment `env_var()` reads (the process environment by default).
    public var environment: [String: String]
    /// Whether a missing profile or `profiles.yml` is an error (true for commands that connect or
    /// compile; `ingot deps`/`clean` can pass false).
    public var requireProfile: Bool
    /// The renderer for Jinja in YAML values.
    public var renderer: any YAMLValueRenderer

    /// Creates options with the process environment and the built-in renderer.
    public init(
        projectDir: String, profilesDir: String? = nil, profile: String? = nil, target: String? = nil,
        cliVars: ConfigMap = ConfigMap(), environment: [String: String] = ProcessInfo.processInfo.environment,
        requireProfile: Bool = true, renderer: any YAMLValueRenderer = JinjaYAMLRenderer()
    ) {
        self.projectDir = projectDir
        self.profilesDir = profilesDir
        self.profile = profile
        self.target = target
        self.cliVars = cliVars
        self.environment = environment
        self.requireProfile = requireProfile
        self.renderer = renderer
    }
}
