/// What a Jinja expression inside a YAML string value can see while a project loads.
///
/// dbt renders YAML string values with a small context: `env_var` everywhere, and `var` bound to
/// the `--vars` given on the command line (project vars are not defined yet when
/// `dbt_project.yml` itself is rendered).
public struct YAMLRenderContext: Sendable {
    /// The process environment (injectable so tests need not mutate the real one).
    public var environment: [String: String]
    /// The variables `var()` sees.
    public var vars: ConfigMap

    /// Creates a context.
    public init(environment: [String: String], vars: ConfigMap) {
        self.environment = environment
        self.vars = vars
    }
}
