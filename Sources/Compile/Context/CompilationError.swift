/// An error raised by a dbt context object: `exceptions.raise_compiler_error(…)`, a bad argument
/// to `adapter.get_relation`, a warehouse call made without a warehouse.
///
/// The message is the one-line reason; the Jinja engine wraps the error with the template, line
/// and column of the call that raised it (`JinjaError.underlying` holds this value).
///
/// ```swift
/// do { try template.render(context) } catch let e as JinjaError {
///     if let reason = e.underlying as? CompilationError { print(reason.kind, reason.message) }
/// }
/// ```
public struct CompilationError: Error, Sendable, CustomStringConvertible {
    /// What raised it, mirroring dbt's exception classes.
    public enum Kind: String, Sendable {
        /// `exceptions.raise_compiler_error`, and misuse of context objects (dbt's `CompilationError`).
        case compilation
        /// `exceptions.raise_database_error` (dbt's `DbtDatabaseError`).
        case database
        /// `exceptions.raise_not_implemented` (dbt's `NotImplementedError`).
        case notImplemented
        /// `exceptions.raise_dependency_error` (dbt's `DependencyError`).
        case dependency
        /// A warehouse call made where there is no warehouse connection.
        case noWarehouse
    }

    public var kind: Kind
    public var message: String

    public init(_ message: String, kind: Kind = .compilation) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
