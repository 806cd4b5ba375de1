/// The profile and target a command runs with.
public struct ResolvedProfile: Sendable {
    /// The profile's name.
    public var profileName: String
    /// The chosen target (after `--target` / `DBT_TARGET` / the profile's `target:`).
    public var target: ProfileTarget
    /// Every target name the profile defines, in file order.
    public var availableTargets: [String]
    /// The absolute path of the `profiles.yml` that was read.
    public var profilesFile: String

    /// Creates a resolved profile.
    public init(profileName: String, target: ProfileTarget, availableTargets: [String], profilesFile: String) {
        self.profileName = profileName
        self.target = target
        self.availableTargets = availableTargets
        self.profilesFile = profilesFile
    }
}
