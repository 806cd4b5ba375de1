/// A level of variables during a render: the template's top level, a loop iteration, a macro
/// call. Lookups walk outwards through `parent`, then ask `resolver`.
///
/// A host can build its own chain (for example one scope per package of macros) and render a
/// template inside it with `Template.render(in:)`.
public final class Scope {
    public var variables: [String: Value]
    public let parent: Scope?
    /// Consulted when no level has the name; lets a host supply names lazily.
    public let resolver: (any NameResolver)?
    /// Set on a macro call's scope.
    package var isMacroCall = false
    /// On a template's top scope: the names the template assigns at top level. Jinja2 binds a
    /// macro's reference to such a name to the template's own variable, so a macro sees it as
    /// undefined until the assignment has run, even when the context has that name.
    package var namesHiddenFromMacros: Set<String>?

    public init(_ variables: [String: Value] = [:], parent: Scope? = nil, resolver: (any NameResolver)? = nil) {
        self.variables = variables
        self.parent = parent
        self.resolver = resolver
    }

    /// The value of `name` in this scope or an enclosing one; nil when none has it.
    public func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        var insideMacro = false
        while let s = scope {
            // An empty level (a `{}` context, a fresh block scope) costs no hashing.
            if !s.variables.isEmpty, let v = s.variables[name] { return v }
            if insideMacro, let hidden = s.namesHiddenFromMacros, hidden.contains(name) {
                return .undefined(Undefined(name: name))
            }
            if let r = s.resolver, let v = r.resolve(name) { return v }
            insideMacro = insideMacro || s.isMacroCall
            scope = s.parent
        }
        return nil
    }
}

/// Supplies names on demand (macros of a package, say) so a host need not fill a scope up front.
public protocol NameResolver: AnyObject {
    /// The value for `name`, or nil when this resolver does not know it.
    func resolve(_ name: String) -> Value?
}
