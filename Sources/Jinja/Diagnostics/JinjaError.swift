/// A position in a template: 1-based line and column (in characters) and the byte offset.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// Every error the engine raises: a closed kind, a one-line detail, and where it happened.
///
/// `description` prints `name:line:column: detail`, then the offending line with a caret under
/// the column, so a user sees what is wrong and where:
///
/// ```
/// models/orders.sql:3:12: unknown filter 'uper'
///     3 | select {{ x | uper }}
///       |            ^
/// ```
public struct JinjaError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a closed set so callers can branch on it.
    public enum Kind: String, Sendable {
        case syntax
        case undefined
        case unknownFilter
        case unknownTest
        case notCallable
        case badArguments
        case type
        case value
        case zeroDivision
        case overflow
        case limit
        /// An error a host function threw, or `raise_compiler_error`-style errors it reports.
        case host
    }

    public var kind: Kind
    public var detail: String
    public var templateName: String?
    public var location: SourceLocation?
    /// The text of the offending line, kept so the error renders without the template.
    public var sourceLine: String?
    /// The error a host function threw, if this wraps one.
    public var underlying: (any Error)?

    public init(_ kind: Kind, _ detail: String, at location: SourceLocation? = nil,
                underlying: (any Error)? = nil) {
        self.kind = kind
        self.detail = detail
        self.location = location
        self.underlying = underlying
    }

    /// `name:line:col: detail` on one line, without the snippet.
    public var summary: String {
        var prefix = templateName ?? "<template>"
        if let location { prefix += ":\(location.line):\(location.column)" }
        return "\(prefix): \(detail)"
    }

    public var description: String {
        DiagnosticRenderer.render(self)
    }
}

/// Renders a `JinjaError` as a one-line summary plus the offending line with a caret.
public enum DiagnosticRenderer {
    /// The summary line, then `  N | text` and a caret line when the source line is known.
    public static func render(_ error: JinjaError) -> String {
        var out = error.summary
        guard let line = error.sourceLine, let location = error.location else { return out }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        out += "\n  \(number) | \(line)"
        let caretColumn = max(1, min(location.column, line.count + 1))
        out += "\n  \(gutter) | " + String(repeating: " ", count: caretColumn - 1) + "^"
        return out
    }
}
