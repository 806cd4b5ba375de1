/// Renders one YAML string value that contains Jinja (`{{ env_var('X') }}`).
///
/// The seam between project loading and the Jinja engine: `JinjaYAMLRenderer` is the default;
/// tests may pass their own.
public protocol YAMLValueRenderer: Sendable {
    /// Renders `template`, written at `location`, to a value.
    ///
    /// The result is a string unless a native filter (`as_number`, `as_bool`, `as_native`)
    /// asks for another type, as in dbt.
    ///
    /// - Throws: `ProjectError` (`.missingEnvVar`, `.missingVar`, `.renderFailed`) at `location`.
    func render(_ template: String, at location: SourceLocation, context: YAMLRenderContext) throws(ProjectError)
        -> ConfigValue
}
