import Jinja

/// An error found while parsing or compiling nodes: what is wrong, in which file and line.
///
/// `description` prints `path:line:column: reason`, followed by the Jinja snippet when the error
/// came from a template.
public struct CompileError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A template failed to parse or render.
        case jinja
        case missingRef
        case missingSource
        case missingVar
        case duplicateNode
        case unknownMaterialization
        case invalidConfig
        case cycle
        case missingMacro
        /// `exceptions.raise_compiler_error` or another error a macro raised on purpose.
        case raised
    }

    public var kind: Kind
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The rendered Jinja diagnostic (snippet and caret), when the error came from a template.
    public var snippet: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// Wraps a template error, keeping its location; host errors (a missing ref, a compiler
    /// error raised by a macro) keep their own kind.
    public init(jinja error: JinjaError, file: String) {
        if let inner = error.underlying as? CompileError {
            self = inner
        } else {
            self.init(.jinja, error.detail)
        }
        if let inner = error.underlying as? CompilationError {
            kind = .raised
            message = inner.message
        }
        // The template name is the file the error is in, which may be a macro file.
        self.file = error.templateName ?? file
        self.line = error.location?.line
        self.column = error.location?.column
        if error.sourceLine != nil {
            var copy = error
            copy.templateName = self.file
            snippet = DiagnosticRenderer.render(copy)
        }
    }

    public var description: String {
        if let snippet { return snippet.replacingFirstLine(with: summary) }
        return summary
    }

    /// `file:line:column: message`.
    public var summary: String {
        var prefix = ""
        if let file {
            prefix = file
            if let line { prefix += ":\(line)" }
            if let column { prefix += ":\(column)" }
            prefix += ": "
        }
        return prefix + message
    }
}

extension String {
    func replacingFirstLine(with line: String) -> String {
        guard let newline = firstIndex(of: "\n") else { return line }
        return line + self[newline...]
    }
}
