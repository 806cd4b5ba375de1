/// A macro value: a `{% macro %}` definition bound to the scope it was defined in.
public final class Macro: JinjaCallable, @unchecked Sendable {
    package let definition: MacroDefinition
    package let closure: Scope
    package let source: TemplateSource

    package init(definition: MacroDefinition, closure: Scope, source: TemplateSource) {
        self.definition = definition
        self.closure = closure
        self.source = source
    }

    public var name: String { definition.name }
    public var typeName: String { "Macro" }
    public var stringValue: String { "<Macro '\(definition.name)'>" }
    public func isSame(as other: any JinjaCallable) -> Bool { (other as? Macro) === self }

    /// The parameter names, in order.
    public var parameters: [String] { definition.parameters }

    public func call(_ arguments: Arguments, in state: RenderState) throws -> Value {
        try state.invoke(self, arguments)
    }
}

/// A macro found at the top level of a template, not yet bound to a scope.
///
/// Hosts that share macros across renders (a dbt macro file, say) keep these and bind them to
/// each render's scope with `bind(to:)`, which costs one small allocation.
public struct TemplateMacro: Sendable {
    package let definition: MacroDefinition
    package let source: TemplateSource

    public var name: String { definition.name }
    public var parameters: [String] { definition.parameters }
    /// The line of the `{% macro %}` tag.
    public var line: Int { definition.location.line }

    /// A callable macro whose free names resolve through `scope`.
    public func bind(to scope: Scope) -> Value {
        .callable(Macro(definition: definition, closure: scope, source: source))
    }
}

/// A template's name and source text, kept for error messages.
package final class TemplateSource: Sendable {
    package let name: String
    package let text: String

    package init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// The text of 1-based `line`, without its newline. Scans bytes: an error in a template of
    /// megabytes should not cost a walk over every character.
    package func line(_ number: Int) -> String? {
        let utf8 = text.utf8
        var current = 1
        var start = utf8.startIndex
        var i = utf8.startIndex
        func slice(_ range: Range<String.Index>) -> String {
            let line = String(decoding: utf8[range], as: UTF8.self)
            return line.utf8.last == UInt8(ascii: "\r") ? String(line.dropLast()) : line
        }
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "\n") {
                if current == number { return slice(start..<i) }
                current += 1
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        return current == number ? slice(start..<utf8.endIndex) : nil
    }
}
