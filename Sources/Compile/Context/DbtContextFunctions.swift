import Warehouse
import Foundation
import Jinja

/// The dbt context values of one render that don't depend on the node: `adapter`, `api`,
/// `exceptions`, `modules`, and the functions `fromjson`, `tojson`, `fromyaml`, `toyaml`, `zip`,
/// `zip_strict`, `set`, `set_strict`, `local_md5`, `print`, `log`, `diff_of_two_dicts`,
/// `try_or_compiler_error`, and `run_query`, `store_result`, `load_result`.
///
/// The compile session merges them with the node's own values (`ref`, `source`, `config`,
/// `this`, `var`, `target`, …).
///
/// ```swift
/// var context = dbtContextFunctions(policy: .sqlite, adapterType: "sqlite", isParsing: true,
///                                   dispatcher: dispatcher, warehouse: NoWarehouse(),
///                                   log: { print($0) }, warn: { print("[WARNING]: \($0)") })
/// context["this"] = .object(RelationValue(schema: "main", identifier: "orders", policy: .sqlite))
/// ```
///
/// - Parameters:
///   - policy: how relations print (`api.Relation.create`, `adapter.get_relation`).
///   - adapterType: what `adapter.type()` returns.
///   - isParsing: true for the parse-time render (`execute` is false): warehouse methods give
///     dbt's placeholders and the warehouse is never called.
///   - dispatcher: answers `adapter.dispatch`.
///   - warehouse: answers everything else on `adapter`.
///   - database: the target's database, for `adapter.already_exists`.
///   - now: the clock of `modules.datetime`.
///   - log: receives `print(msg)` and `log(msg, info=True)`.
///   - debug: receives `log(msg)` (dbt writes those to the log file only); dropped when nil.
///   - warn: receives `exceptions.warn(msg)`.
public func dbtContextFunctions(
    policy: RelationPolicy, adapterType: String, isParsing: Bool, dispatcher: any MacroDispatching,
    warehouse: any WarehouseIntrospecting, database: String? = nil, now: @escaping @Sendable () -> Date = { Date() },
    log: @escaping @Sendable (String) -> Void, debug: (@Sendable (String) -> Void)? = nil,
    warn: @escaping @Sendable (String) -> Void
) -> [String: Value] {
    let adapter = AdapterValue(policy: policy, adapterType: adapterType, isParsing: isParsing, dispatcher: dispatcher,
                               warehouse: warehouse, database: database)
    var functions: [String: Value] = [
        "adapter": .object(adapter),
        "api": .object(NamespaceObject("api", [
            "Relation": .object(RelationFactory(policy: policy)),
            "Column": .object(ColumnFactory()),
        ])),
        "exceptions": .object(ExceptionsValue(warn: warn)),
        "modules": ModulesValue.make(now: now),
        "fromjson": .callable(ContextFunctions.fromjson),
        "tojson": .callable(ContextFunctions.tojson),
        "fromyaml": .callable(ContextFunctions.fromyaml),
        "toyaml": .callable(ContextFunctions.toyaml),
        "zip": .callable(ContextFunctions.zip),
        "zip_strict": .callable(ContextFunctions.zipStrict),
        "set": .callable(ContextFunctions.set),
        "set_strict": .callable(ContextFunctions.setStrict),
        "local_md5": .callable(ContextFunctions.localMD5),
        "diff_of_two_dicts": .callable(ContextFunctions.diffOfTwoDicts),
        "try_or_compiler_error": .callable(ContextFunctions.tryOrCompilerError),
        "print": .callable(ContextFunctions.print(to: log)),
        "log": .callable(ContextFunctions.log(info: log, debug: debug ?? { _ in })),
    ]
    for (name, value) in StatementResults.functions(isParsing: isParsing, warehouse: warehouse) { functions[name] = value }
    return functions
}
