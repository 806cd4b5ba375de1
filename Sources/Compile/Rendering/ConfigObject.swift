import Jinja
import Project

/// `config` in a node's context: `config(materialized='table')` records settings at parse time;
/// `config.get('key', default)` and `config.require('key')` read the node's resolved config at
/// run time (at parse time they return '' as dbt's do).
final class ConfigObject: JinjaObject, @unchecked Sendable {
    private let capture: ParseCapture?
    private let resolved: ConfigMap
    private let nodeName: String

    /// A parse-time config (records calls) or a run-time one (reads `resolved`).
    init(capture: ParseCapture?, resolved: ConfigMap, nodeName: String) {
        self.capture = capture
        self.resolved = resolved
        self.nodeName = nodeName
    }

    var typeName: String { "Config" }
    var stringValue: String { "" }

    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "get", "require", "set", "persist_relation_docs", "persist_column_docs", "meta_get", "meta_require":
            return .callable(ConfigMethod(object: self, name: name))
        default:
            return nil
        }
    }

    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        if let capture { capture.configCalls.append(try ValueBridge.configCall(arguments)) }
        return .string("")
    }

    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "get":
            let b = try arguments.bind("get", ["name", "default", "validator"], required: 1)
            if capture != nil { return .string("") }
            let key = b[0]!.pythonString
            if let v = resolved[key], !v.isNull { return ValueBridge.value(v) }
            return b[1] ?? .none
        case "require":
            let b = try arguments.bind("require", ["name", "validator"], required: 1)
            if capture != nil { return .string("") }
            let key = b[0]!.pythonString
            guard let v = resolved[key], !v.isNull else {
                throw CompilationError("Required config '\(key)' was not set on \(nodeName)")
            }
            return ValueBridge.value(v)
        case "set":
            let b = try arguments.bind("set", ["name", "value"], required: 2)
            if let capture { capture.configCalls.append(ConfigMap([(b[0]!.pythonString, ValueBridge.config(b[1]!))])) }
            return .string("")
        case "meta_get", "meta_require":
            let b = try arguments.bind(name, ["name", "default"], required: 1)
            if capture != nil { return .string("") }
            let meta = resolved["meta"]?.mapValue ?? ConfigMap()
            if let v = meta[b[0]!.pythonString] { return ValueBridge.value(v) }
            if name == "meta_require" { throw CompilationError("Required meta '\(b[0]!.pythonString)' was not set on \(nodeName)") }
            return b[1] ?? .none
        case "persist_relation_docs", "persist_column_docs":
            if capture != nil { return .bool(false) }
            let docs = resolved["persist_docs"]?.mapValue ?? ConfigMap()
            return .bool(docs[name == "persist_relation_docs" ? "relation" : "columns"]?.boolValue ?? false)
        default:
            return nil
        }
    }
}

/// `config.get` taken as a value.
private final class ConfigMethod: JinjaCallable, @unchecked Sendable {
    let object: ConfigObject
    let name: String
    init(object: ConfigObject, name: String) {
        self.object = object
        self.name = name
    }
    func call(_ arguments: Arguments, in state: RenderState) throws -> Value {
        try object.callMethod(name, arguments, in: state) ?? .none
    }
}
