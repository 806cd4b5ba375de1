import Project

/// The one error type of the Graph module.
public struct GraphError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// The dependencies form a cycle; `detail` prints it.
        case cycle
        /// A selection string or selector definition dbt would reject.
        case invalidSelector
        /// `--selector NAME` or `method: selector` naming a selector that does not exist.
        case unknownSelector
        /// A selection method ingot does not implement (`state:`, `result:`, …).
        case unsupportedMethod
    }

    /// The kind.
    public var kind: Kind
    /// The reason.
    public var detail: String
    /// Where, when the problem is in `selectors.yml`.
    public var location: SourceLocation?

    /// Creates an error.
    public init(_ kind: Kind, _ detail: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.detail = detail
        self.location = location
    }

    /// `file:line:col: reason`, or the reason alone.
    public var description: String {
        location.map { "\($0): \(detail)" } ?? detail
    }
}
