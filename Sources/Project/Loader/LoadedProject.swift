/// Everything ingot knows about a project before any model is rendered.
///
/// ```swift
/// let project = try ProjectLoader.load(LoadOptions(projectDir: "examples/quickstart"))
/// for file in project.files where file.resourceType == .model { … }
/// let config = project.configResolver.resolve(.model, package: file.packageName, fqn: file.fqn,
///                                             properties: props?.config, inFile: capturedCalls)
/// ```
public struct LoadedProject: Sendable {
    /// The root project.
    public var root: LoadedPackage
    /// The packages, dependencies before dependents, without the root.
    public var packages: [LoadedPackage]
    /// The resolved profile and target; nil when the project has no profile and none was required.
    public var profile: ResolvedProfile?
    /// Named selectors from `selectors.yml`.
    public var selectors: [NamedSelector]
    /// The config resolver for every package.
    public var configResolver: ConfigResolver
    /// `--vars`.
    public var cliVars: ConfigMap
    /// Warnings collected while loading, in file order.
    public var warnings: [ProjectWarning]

    /// The root project's definition.
    public var definition: ProjectDefinition { root.definition! }

    /// Every package including the root, root last (the order dbt searches macros in reverse).
    public var allPackages: [LoadedPackage] { packages + [root] }

    /// Every resource file of every package.
    public var files: [ResourceFile] { allPackages.flatMap(\.files) }

    /// Every properties file of every package.
    public var properties: [PropertiesFile] { allPackages.flatMap(\.properties) }

    /// Every docs block of every package.
    public var docs: [DocsBlock] { allPackages.flatMap(\.docs) }

    /// The selector marked `default: true`, if any.
    public var defaultSelector: NamedSelector? { selectors.first(where: \.isDefault) }

    /// The variables `var()` sees in a node of `package`, merged by dbt's precedence (highest
    /// last): the package's own `dbt_project.yml` vars (global, then scoped to the package), the
    /// root project's global vars, the root's vars scoped to the package, then `--vars`.
    public func vars(forPackage package: String) -> ConfigMap {
        var out = ConfigMap()
        if package != root.name, let own = allPackages.first(where: { $0.name == package })?.definition {
            out = out.updating(with: own.vars)
            if let scoped = own.vars[package]?.mapValue { out = out.updating(with: scoped) }
        }
        let rootVars = definition.vars
        out = out.updating(with: rootVars)
        if let scoped = rootVars[package]?.mapValue { out = out.updating(with: scoped) }
        return out.updating(with: cliVars)
    }
}
