/// A statement node: template data, output and the `{% %}` tags.
package struct Statement: Sendable {
    package indirect enum Kind: Sendable {
        case text(String)
        case output(Expression)
        case `if`(branches: [(test: Expression, body: [Statement])], otherwise: [Statement])
        case `for`(ForLoop)
        case set(AssignTarget, Expression)
        /// `{% set x %}…{% endset %}`, optionally through filters (`{% set x | upper %}`).
        case setBlock(AssignTarget, body: [Statement], filter: Expression?)
        case macro(MacroDefinition)
        /// `{% call(args) m(...) %}body{% endcall %}`: `caller` is the body as a macro.
        case callBlock(call: Expression, caller: MacroDefinition)
        /// `{% filter f %}body{% endfilter %}`: `filter` has a nil input, filled with the body.
        case filterBlock(filter: Expression, body: [Statement])
        case `do`(Expression)
        case with(assignments: [(target: AssignTarget, value: Expression)], body: [Statement])
    }

    package var kind: Kind
    package var location: SourceLocation

    package init(_ kind: Kind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The left side of `set`, `for` and `with`.
package indirect enum AssignTarget: Sendable {
    case name(String)
    case tuple([AssignTarget])
    /// `ns.attr` — assignment into a `namespace()` object.
    case namespaceAttribute(String, String)
}

extension AssignTarget {
    /// How many distinct names an assignment to this target binds in the scope.
    package var boundNameCount: Int {
        if case .name = self { return 1 }
        var names = Set<String>()
        func collect(_ t: AssignTarget) {
            switch t {
            case .name(let n): names.insert(n)
            case .tuple(let ts): ts.forEach(collect)
            case .namespaceAttribute: break
            }
        }
        collect(self)
        return names.count
    }
}

/// A `{% for %}` loop.
package struct ForLoop: Sendable {
    package var target: AssignTarget
    package var iterable: Expression
    package var filter: Expression?
    package var recursive: Bool
    package var body: [Statement]
    package var otherwise: [Statement]
    /// Whether the body mentions `loop`, so iterations that don't need it skip building it.
    package var usesLoopVariable: Bool
}

/// A `{% macro %}` (or the body of a call block), with what its body references, as Jinja2
/// decides from the body whether the macro accepts extra arguments.
package final class MacroDefinition: Sendable {
    package let name: String
    package let parameters: [String]
    /// Default expressions for the last `defaults.count` parameters.
    package let defaults: [Expression?]
    package let body: [Statement]
    package let location: SourceLocation
    package let catchesVarargs: Bool
    package let catchesKwargs: Bool
    package let usesCaller: Bool

    package init(name: String, parameters: [String], defaults: [Expression?], body: [Statement],
                 location: SourceLocation, catchesVarargs: Bool, catchesKwargs: Bool, usesCaller: Bool) {
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.body = body
        self.location = location
        self.catchesVarargs = catchesVarargs
        self.catchesKwargs = catchesKwargs
        self.usesCaller = usesCaller
    }
}
