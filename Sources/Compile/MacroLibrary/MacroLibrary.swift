import Jinja
import Project

/// Every macro a project can call, parsed once: ingot's built-in packages (`dbt`, `dbt_utils`,
/// `dbt_expectations`), the installed packages and the root project's own macros.
///
/// Name resolution follows dbt: code in package P sees P's macros first, then the root
/// project's, then the internal `dbt` package's; every package is also reachable as a namespace
/// (`dbt_utils.star`). `adapter.dispatch` searches `<adapter>__name` then `default__name` in the
/// packages the project's `dispatch:` config names.
public final class MacroLibrary: Sendable {
    /// The package that holds dbt's own macros.
    public static let internalPackage = "dbt"

    /// The Jinja environment every project template is parsed with (`{% test %}` and
    /// `{% snapshot %}` define macros; dbt's parse-time undefined behaviour).
    public let environment: Environment
    public let rootPackage: String
    /// `sqlite`, `postgres`, `redshift`, …
    public let adapterType: String
    /// Prefixes `adapter.dispatch` tries, most specific first (`redshift`, `postgres`, `default`).
    public let dispatchPrefixes: [String]
    private let packages: [String: [String: MacroEntry]]
    private let searchOrders: [String: [String]]
    private let dependencyNames: Set<String>

    /// One macro with where it came from.
    public struct MacroEntry: Sendable {
        public let macro: TemplateMacro
        public let package: String
        /// The file, relative to its package (`macros/cross_db/datediff.sql`).
        public let path: String
        /// `macro.<package>.<name>`.
        public var uniqueID: String { "macro.\(package).\(macro.name)" }
    }

    /// Parses the built-in macro sources and every macro file of the project and its packages.
    public init(project: LoadedProject, adapterType: String) throws {
        var env = Environment()
        env.macroTags = ["test": "test_", "materialization": "materialization_"]
        self.environment = env
        self.rootPackage = project.root.name
        self.adapterType = adapterType
        self.dispatchPrefixes = MacroLibrary.prefixes(for: adapterType)
        var packages: [String: [String: MacroEntry]] = [:]
        for file in BuiltinMacroSources.files {
            let template = try env.template(file.source, name: "\(file.package)/\(file.path)")
            for m in template.macroList {
                packages[file.package, default: [:]][m.name] = MacroEntry(macro: m, package: file.package, path: file.path)
            }
        }
        for package in project.allPackages {
            for file in package.files where file.resourceType == .macro || (file.resourceType == .test && file.isGenericTestFile) {
                let template = try env.template(file.contents, name: file.displayPath)
                for m in template.macroList {
                    packages[package.name, default: [:]][m.name] =
                        MacroEntry(macro: m, package: package.name, path: file.originalFilePath)
                }
            }
        }
        self.packages = packages
        var orders: [String: [String]] = [:]
        for entry in project.definition.dispatch { orders[entry.macroNamespace] = entry.searchOrder }
        self.searchOrders = orders
        self.dependencyNames = Set(project.packages.map(\.name))
    }

    static func prefixes(for adapterType: String) -> [String] {
        switch adapterType {
        case "redshift": return ["redshift", "postgres", "default"]
        case "default": return ["default"]
        default: return [adapterType, "default"]
        }
    }

    /// Whether `name` is a package with macros (so `name.macro` works).
    public func hasPackage(_ name: String) -> Bool { packages[name] != nil }

    /// The macro `name` defined in `package`.
    public func macro(_ name: String, inPackage package: String) -> MacroEntry? {
        packages[package]?[name]
    }

    /// All macros, for the manifest.
    public var allMacros: [MacroEntry] {
        packages.keys.sorted().flatMap { p in packages[p]!.keys.sorted().map { packages[p]![$0]! } }
    }

    /// What an unqualified `name()` means in code from `package`: the package's own macro, then
    /// the root project's, then dbt's.
    public func resolve(_ name: String, from package: String) -> MacroEntry? {
        if let m = packages[package]?[name] { return m }
        if package != rootPackage, let m = packages[rootPackage]?[name] { return m }
        return packages[MacroLibrary.internalPackage]?[name]
    }

    /// The packages `adapter.dispatch(name, namespace)` searches, in order.
    public func dispatchSearchOrder(namespace: String?) -> [String?] {
        guard let namespace else { return [nil] }
        if let order = searchOrders[namespace] { return order }
        if dependencyNames.contains(namespace) { return [rootPackage, namespace] }
        return [namespace]
    }

    /// The implementation `adapter.dispatch(name, namespace)` picks, or nil.
    public func dispatch(_ name: String, namespace: String?, from package: String) -> MacroEntry? {
        for searchPackage in dispatchSearchOrder(namespace: namespace) {
            for prefix in dispatchPrefixes {
                let candidate = "\(prefix)__\(name)"
                if let p = searchPackage {
                    if let m = packages[p]?[candidate] { return m }
                } else if let m = resolve(candidate, from: package) {
                    return m
                }
            }
        }
        return nil
    }

    /// Whether the root project (or a package) overrides one of dbt's own macros by name; the
    /// compiler computes the default naming macros natively unless they are overridden.
    public func isOverridden(_ name: String) -> Bool {
        for (package, macros) in packages where package != MacroLibrary.internalPackage && macros[name] != nil {
            if package == rootPackage || !BuiltinPackages.names.contains(package) { return true }
        }
        return false
    }
}

/// The packages whose macros ship inside ingot.
public enum BuiltinPackages {
    public static let names: Set<String> = ["dbt", "dbt_utils", "dbt_expectations"]
}
