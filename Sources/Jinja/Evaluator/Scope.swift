/// A level of variables during a render: the template's top level, a loop iteration, a macro
/// call. Lookups walk outwards through `parent`, then ask `resolver`.
///
/// A host can build its own chain (for example one scope per package of macros) and render a
/// template inside it with `Template.render(in:)`.
///
/// The names a template assigns (`set`, loop targets, macro parameters) live in `locals`, a
/// short array searched linearly: a level rarely holds more than a handful of them, and
/// comparing a few short names costs far less than hashing one. Host-supplied `variables` are
/// consulted after them.
public final class Scope {
    @exclusivity(unchecked) public var variables: [String: Value]
    public let parent: Scope?
    /// Consulted when no level has the name; lets a host supply names lazily.
    public let resolver: (any NameResolver)?
    /// Set on a macro call's scope.
    package var isMacroCall = false
    /// On a template's top scope: the names the template assigns at top level. Jinja2 binds a
    /// macro's reference to such a name to the template's own variable, so a macro sees it as
    /// undefined until the assignment has run, even when the context has that name.
    package var namesHiddenFromMacros: Set<String>?
    /// Names the engine assigned at this level, searched before `variables`.
    @exclusivity(unchecked) var locals: ContiguousArray<Binding> = []

    struct Binding {
        var name: String
        var value: Value
        @inline(__always) init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    public init(_ variables: [String: Value] = [:], parent: Scope? = nil, resolver: (any NameResolver)? = nil) {
        self.variables = variables
        self.parent = parent
        self.resolver = resolver
    }

    /// A level for the engine's own use (a loop body, a macro call), with room for `capacity`
    /// locals.
    @inline(__always)
    package init(parent: Scope, capacity: Int) {
        self.variables = [:]
        self.parent = parent
        self.resolver = nil
        if capacity > 0 { locals.reserveCapacity(capacity) }
    }

    /// Equal names; a length check first makes most mismatches one comparison.
    @inline(__always)
    package static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// Index of `name` in `locals`.
    @inline(__always)
    package func localIndex(_ name: String) -> Int? {
        var i = 0
        let n = locals.count
        while i < n {
            if Scope.same(locals[i].name, name) { return i }
            i += 1
        }
        return nil
    }

    /// Binds `name` at this level (what `{% set %}` does).
    @inline(__always)
    package func setLocal(_ name: String, _ value: Value) {
        if let i = localIndex(name) {
            locals[i].value = value
        } else {
            locals.append(Binding(name, value))
        }
    }

    /// The value bound at this level only.
    @inline(__always)
    package func own(_ name: String) -> Value? {
        if !locals.isEmpty, let i = localIndex(name) { return locals[i].value }
        if !variables.isEmpty { return variables[name] }
        return nil
    }

    /// The value of `name` in this scope or an enclosing one; nil when none has it.
    public func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        var insideMacro = false
        while let s = scope {
            if !s.locals.isEmpty, let i = s.localIndex(name) { return s.locals[i].value }
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
