/// Something dbt accepts with a warning; loading goes on and the caller prints these.
public struct ProjectWarning: Sendable, CustomStringConvertible {
    /// The family of a warning, closed so callers can filter or promote them.
    public enum Kind: String, Sendable {
        /// Properties YAML names a resource that does not exist.
        case unmatchedPatch
        /// A deprecated spelling that still works (`source-paths`, top-level test arguments, …).
        case deprecated
        /// A key ingot does not know and ignores.
        case unknownKey
        /// A resource ingot records but cannot run (Python models).
        case unsupported
        /// A vendored package shadowed by a built-in one.
        case shadowedPackage
    }

    /// The family.
    public var kind: Kind
    /// The message.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?

    /// Creates a warning.
    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `file:line:col: message`.
    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}
