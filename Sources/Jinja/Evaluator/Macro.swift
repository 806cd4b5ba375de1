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

    /// The text of 1-based `line`, without its newline.
    package func line(_ number: Int) -> String? {
        var current = 1
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == "\n" {
                if current == number { return String(text[start..<i]) }
                current += 1
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        return current == number ? String(text[start...]) : nil
    }
}
