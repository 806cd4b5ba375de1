import Jinja

/// The scopes of one render: the node's context at the bottom, and above it one scope per
/// package whose names resolve to that package's macros (then the root project's, then dbt's).
///
/// Macros are bound lazily, on first use, so a render pays only for the macros it calls; the
/// macros used are recorded for the manifest's `depends_on.macros`. Call `close()` when the
/// render is done: bound macros and their scopes refer to each other.
final class RenderScopes {
    let library: MacroLibrary
    let context: Scope
    private var packageScopes: [String: Scope] = [:]
    private var resolvers: [PackageResolver] = []
    /// `macro.<package>.<name>` of every macro resolved by name during the render.
    private(set) var usedMacros: [String] = []
    private var usedMacroSet = Set<String>()

    init(library: MacroLibrary, context: Scope) {
        self.library = library
        self.context = context
    }

    /// The scope code from `package` runs in.
    func scope(for package: String) -> Scope {
        if let s = packageScopes[package] { return s }
        let resolver = PackageResolver(package: package, owner: self)
        resolvers.append(resolver)
        let s = Scope(parent: context, resolver: resolver)
        packageScopes[package] = s
        return s
    }

    /// A macro bound to its own package's scope.
    func bind(_ entry: MacroLibrary.MacroEntry) -> Value {
        if usedMacroSet.insert(entry.uniqueID).inserted { usedMacros.append(entry.uniqueID) }
        return entry.macro.bind(to: scope(for: entry.package))
    }

    /// Breaks the reference cycles between scopes and bound macros.
    func close() {
        for r in resolvers { r.clear() }
        resolvers.removeAll()
        packageScopes.removeAll()
    }
}

/// Resolves names in a package's scope: its macros, then package namespaces (`dbt_utils.x`).
final class PackageResolver: NameResolver {
    let package: String
    unowned let owner: RenderScopes
    private var cache: [String: Value] = [:]

    init(package: String, owner: RenderScopes) {
        self.package = package
        self.owner = owner
    }

    func resolve(_ name: String) -> Value? {
        if let v = cache[name] { return v }
        let value: Value
        if let entry = owner.library.resolve(name, from: package) {
            value = owner.bind(entry)
        } else if owner.library.hasPackage(name), owner.context.lookup(name) == nil {
            value = .object(PackageNamespace(package: name, owner: owner))
        } else {
            return nil
        }
        cache[name] = value
        return value
    }

    func clear() { cache.removeAll() }
}

/// `dbt_utils` in `dbt_utils.star(...)`: the macros of one package.
final class PackageNamespace: JinjaObject, @unchecked Sendable {
    let package: String
    unowned let owner: RenderScopes

    init(package: String, owner: RenderScopes) {
        self.package = package
        self.owner = owner
    }

    var typeName: String { "MacroNamespace" }
    var stringValue: String { "<MacroNamespace \(package)>" }

    func attribute(_ name: String) throws -> Value? {
        guard let entry = owner.library.macro(name, inPackage: package) else { return nil }
        return owner.bind(entry)
    }
}
