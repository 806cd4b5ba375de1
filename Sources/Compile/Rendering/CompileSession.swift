import Warehouse
import Foundation
import Jinja
import Project

/// What every render of one invocation shares: the project, its macros, the target, the
/// relation policy of the adapter, and the context values that are the same for every node.
///
/// Immutable once built, so nodes parse and compile on many threads at once.
public final class CompileSession: @unchecked Sendable {
    public let project: LoadedProject
    public let library: MacroLibrary
    public let adapterType: String
    public let policy: RelationPolicy
    public let invocationID: String
    public let runStartedAt: Date
    /// Values every node's context starts from (target, project_name, env_var, return, …).
    let sharedGlobals: [String: Value]
    /// The parent of every render's context scope: `sharedGlobals` and the node-independent dbt
    /// context functions (all but `adapter`), one scope for parse renders and one for compile
    /// renders. Built once and never written, so renders on many threads share them.
    private var baseScopes: (parse: Scope, compile: Scope)!
    /// Parsed generic test arguments (`{{ get_where_subquery(ref('orders')) }}`), shared by the
    /// tests of one model and by the parse and compile renders.
    let testArgumentTemplates = TemplateCache()
    private let varsByPackage: [String: ConfigMap]
    private let warehouse: any WarehouseIntrospecting
    private let logSink: @Sendable (String) -> Void

    /// - Parameters:
    ///   - warehouse: what `adapter` and `run_query` talk to; `NoWarehouse()` compiles offline.
    ///   - log: where `log(…, info=True)` and `print()` write.
    public init(project: LoadedProject, warehouse: any WarehouseIntrospecting = NoWarehouse(),
                log: @escaping @Sendable (String) -> Void = { _ in }) throws {
        self.project = project
        let adapterType = project.profile?.target.type ?? "sqlite"
        self.adapterType = adapterType
        self.library = try MacroLibrary(project: project, adapterType: adapterType)
        self.policy = CompileSession.policy(for: adapterType)
        self.invocationID = UUID().uuidString.lowercased()
        self.runStartedAt = Date()
        self.warehouse = warehouse
        self.logSink = log
        var vars: [String: ConfigMap] = [:]
        for p in project.allPackages { vars[p.name] = project.vars(forPackage: p.name) }
        for p in BuiltinPackages.names where vars[p] == nil { vars[p] = project.vars(forPackage: p) }
        self.varsByPackage = vars
        self.sharedGlobals = CompileSession.globals(project: project, adapterType: adapterType,
                                                    invocationID: invocationID, runStartedAt: runStartedAt)
        self.baseScopes = (parse: makeBaseScope(isParsing: true), compile: makeBaseScope(isParsing: false))
    }

    /// The shared parent of a render's context scope (see `baseScopes`).
    func baseScope(isParsing: Bool) -> Scope {
        isParsing ? baseScopes.parse : baseScopes.compile
    }

    private func makeBaseScope(isParsing: Bool) -> Scope {
        var v = sharedGlobals
        for (name, value) in contextFunctions(isParsing: isParsing, dispatcher: NoDispatcher()) where name != "adapter" {
            v[name] = value
        }
        return Scope(v)
    }

    /// `adapter` for one render, bound to that render's dispatcher.
    func adapterValue(isParsing: Bool, dispatcher: any MacroDispatching) -> Value {
        .object(AdapterValue(policy: policy, adapterType: adapterType, isParsing: isParsing, dispatcher: dispatcher,
                             warehouse: warehouse, database: nil))
    }

    static func policy(for adapterType: String) -> RelationPolicy {
        switch adapterType {
        case "sqlite": return .sqlite
        case "redshift": return .redshift
        default: return .postgres
        }
    }

    /// The variables `var()` sees in `package`.
    func vars(forPackage package: String) -> ConfigMap {
        varsByPackage[package] ?? project.vars(forPackage: package)
    }

    /// The target's database (SQLite has none worth naming in SQL).
    public var targetDatabase: String? {
        project.profile?.target.string("database") ?? project.profile?.target.string("dbname")
    }

    /// The target's schema (`main` for SQLite by default).
    public var targetSchema: String {
        project.profile?.target.string("schema") ?? (adapterType == "sqlite" ? "main" : "public")
    }

    /// A relation as the value templates see.
    func relationValue(_ r: RelationName) -> Value {
        if r.type == "cte" { return .object(RelationValue.ephemeral(String(r.identifier.dropFirst("__dbt__cte__".count)), policy: policy)) }
        return .object(RelationValue(database: r.database, schema: r.schema, identifier: r.identifier, type: r.type, policy: policy))
    }

    /// The rendered name of a relation (`"main"."orders"`).
    public func render(_ r: RelationName) -> String {
        RelationValue(database: r.database, schema: r.schema, identifier: r.identifier, type: r.type, policy: policy).rendered
    }

    /// The per-render context values that need the dispatcher or the parse/compile mode.
    func contextFunctions(isParsing: Bool, dispatcher: any MacroDispatching) -> [String: Value] {
        let log = logSink
        return dbtContextFunctions(
            policy: policy, adapterType: adapterType, isParsing: isParsing, dispatcher: dispatcher,
            warehouse: warehouse, database: targetDatabase, log: log, warn: { message in log("[WARNING]: \(message)") })
    }

    private static func globals(project: LoadedProject, adapterType: String, invocationID: String,
                                runStartedAt: Date) -> [String: Value] {
        var g: [String: Value] = [:]
        let target = project.profile?.target
        var targetDict: [(String, Value)] = []
        if let target {
            for (k, v) in target.settings where !CompileSession.secretKeys.contains(k) {
                targetDict.append((k, ValueBridge.value(v)))
            }
            targetDict.append(("name", .string(target.name)))
            targetDict.append(("type", .string(target.type)))
            targetDict.append(("threads", .int(target.threads)))
            targetDict.append(("profile_name", .string(project.profile?.profileName ?? "")))
        }
        let targetStorage = DictStorage()
        for (k, v) in targetDict { targetStorage[k] = v }
        if targetStorage["schema"] == nil { targetStorage["schema"] = .string(adapterType == "sqlite" ? "main" : "public") }
        if targetStorage["database"] == nil {
            targetStorage["database"] = targetStorage["dbname"] ?? .string(adapterType == "sqlite" ? "main" : "")
        }
        g["target"] = .dict(targetStorage)
        g["project_name"] = .string(project.root.name)
        g["database"] = targetStorage["database"]
        g["schema"] = targetStorage["schema"]
        g["dbt_version"] = .string("1.11.0")
        g["invocation_id"] = .string(invocationID)
        g["run_started_at"] = .object(DateTimeValue(runStartedAt, timeZone: TimeZone(identifier: "UTC")!, aware: true))
        g["flags"] = .dict([
            "FULL_REFRESH": .bool(false), "STORE_FAILURES": .bool(false), "WHICH": .string("compile"),
            "EMPTY": .bool(false), "WARN_ERROR": .bool(false),
        ])
        g["graph"] = .dict([:] as [String: Value])
        g["selected_resources"] = .list([])
        g["return"] = .callable(Function("return") { args in throw MacroReturn(args.positional.first ?? .none) })
        g["env_var"] = .callable(Function("env_var") { args in
            let b = try args.bind("env_var", ["var", "default"], required: 1)
            let name = b[0]!.pythonString
            if let value = ProcessInfo.processInfo.environment[name] { return .string(value) }
            if let d = b[1] { return d }
            throw CompilationError("Env var required but not provided: '\(name)'")
        })
        g["doc"] = .callable(Function("doc") { args in
            let b = try args.bind("doc", ["package_or_name", "name"], required: 1)
            let name = (b[1] ?? b[0])!.pythonString
            return .string(project.docs.first { $0.name == name }?.contents ?? "")
        })
        return g
    }

    /// Profile keys never shown to templates.
    static let secretKeys: Set<String> = ["password", "pass", "token", "private_key", "private_key_passphrase", "secret"]
}

/// Stands in for a render's dispatcher while the shared base scopes are built; their `adapter`
/// is dropped, each render gets its own.
private struct NoDispatcher: MacroDispatching {
    func dispatch(_ name: String, namespace: String?, state: RenderState) throws -> Value {
        throw CompilationError("adapter.dispatch is not available here")
    }
}
