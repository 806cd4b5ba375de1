/// The one error type of the Project module: a closed kind, a one-line reason and where it happened.
///
/// `description` prints `path/to/file.yml:LINE:COL: reason`, the shape every ingot error from a
/// user's file takes. Messages are built in `ProjectError+Messages.swift`, not at each `throw`.
public struct ProjectError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, closed so callers (and exit codes) can switch on it.
    public enum Kind: String, Sendable {
        /// No `dbt_project.yml` in the project directory.
        case missingProjectFile
        /// A file could not be read.
        case fileUnreadable
        /// YAML that does not parse (including keys repeated in one mapping).
        case yamlSyntax
        /// A value of the wrong type (a string where a list is required, …).
        case invalidType
        /// A value of the right type that dbt does not accept.
        case invalidValue
        /// A key dbt rejects.
        case unknownKey
        /// A required key is absent.
        case missingKey
        /// `env_var('X')` without a default, and X is not set.
        case missingEnvVar
        /// `var('x')` without a default, and x is not defined.
        case missingVar
        /// A Jinja expression in a YAML value could not be rendered.
        case renderFailed
        /// No `profiles.yml` in any of the places dbt looks.
        case profilesNotFound
        /// The project's profile is not in `profiles.yml`.
        case profileNotFound
        /// The requested target is not in the profile.
        case targetNotFound
        /// Two resources share a name where dbt requires unique names.
        case duplicateResource
        /// A package that is neither built in, local, nor vendored.
        case packageNotInstalled
        /// A malformed selector definition or a reference to an unknown selector.
        case invalidSelector
    }

    /// The kind.
    public var kind: Kind
    /// The one-line (occasionally multi-line, as dbt's) reason.
    public var detail: String
    /// Where, when the error comes from a file.
    public var location: SourceLocation?

    /// Creates an error.
    public init(_ kind: Kind, _ detail: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.detail = detail
        self.location = location
    }

    /// `file:line:col: reason`.
    public var description: String {
        guard let location else { return detail }
        return "\(location): \(detail)"
    }
}
