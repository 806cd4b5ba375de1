import Jinja

/// The `exceptions` object of dbt's Jinja context.
///
/// `raise_compiler_error(msg)` throws a `CompilationError` (the engine adds the file and line
/// of the call); `warn(msg)` hands the message to the warning sink and returns an empty
/// string. Also `raise_not_implemented(msg)`, `raise_database_error(msg)`,
/// `raise_dependency_error(msg)`, `missing_config(model, name)`, `missing_relation(relation)`,
/// `relation_wrong_type(relation, expected_type)`, `column_type_missing(column_names)` and
/// `raise_fail_fast_error(msg)`, with dbt's messages.
///
/// ```swift
/// context["exceptions"] = .object(ExceptionsValue(warn: { print("[WARNING]: \($0)") }))
/// ```
public final class ExceptionsValue: JinjaObject {
    private let warnSink: @Sendable (String) -> Void

    public init(warn: @escaping @Sendable (String) -> Void) {
        self.warnSink = warn
    }

    public var typeName: String { "exceptions" }
    public var stringValue: String { "<module 'exceptions'>" }

    public func attribute(_ name: String) throws -> Value? { nil }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        func message(_ parameters: [String] = ["msg", "node"]) throws -> String {
            let b = try arguments.bind(name, parameters, required: 1)
            return try state.string(b[0]!)
        }
        switch name {
        case "raise_compiler_error":
            throw CompilationError(try message())
        case "warn":
            warnSink(try message())
            return .string("")
        case "raise_not_implemented":
            throw CompilationError(try message(["msg"]), kind: .notImplemented)
        case "raise_database_error":
            throw CompilationError(try message(), kind: .database)
        case "raise_dependency_error":
            throw CompilationError(try message(["msg"]), kind: .dependency)
        case "raise_fail_fast_error":
            throw CompilationError("Failing early due to test failure or runtime error\n" + (try message(["msg", "node"])))
        case "missing_config":
            let b = try arguments.bind(name, ["model", "name"], required: 2)
            let model = try state.string(try Self.member(b[0]!, "unique_id"))
            throw CompilationError("Model '\(model)' does not define a required config parameter '\(try state.string(b[1]!))'.")
        case "missing_relation":
            let b = try arguments.bind(name, ["relation", "model"], required: 1)
            throw CompilationError("Relation \(try state.string(b[0]!)) not found!")
        case "relation_wrong_type":
            let b = try arguments.bind(name, ["relation", "expected_type", "model"], required: 2)
            let relation = try state.string(b[0]!)
            let current = try state.string(try Self.member(b[0]!, "type"))
            throw CompilationError(
                "Trying to create \(try state.string(b[1]!)) \(relation), but it currently exists as a \(current). Either drop \(relation) manually, or run dbt with `--full-refresh` and dbt will drop it for you.")
        case "column_type_missing":
            let b = try arguments.bind(name, ["column_names"], required: 1)
            let names = try state.iterate(b[0]!).map { $0.pythonString }.joined(separator: ", ")
            throw CompilationError("Contracted models require data_type to be defined for each column. Please ensure that the column name and data_type are defined within the YAML configuration for the \(names) column(s).")
        default:
            return nil
        }
    }

    /// `value.name` for a dict or an object; none when absent.
    private static func member(_ value: Value, _ name: String) throws -> Value {
        switch value {
        case .dict(let d): return d[name] ?? Value.none
        case .object(let o): return try o.attribute(name) ?? Value.none
        default: return .none
        }
    }
}
