import Jinja

/// Argument conversions shared by the context objects, with dbt-style messages.
enum ContextArguments {
    /// A required string argument; anything else is a compilation error naming the parameter.
    static func string(_ value: Value?, _ function: String, _ parameter: String) throws -> String {
        guard let value, !value.isUndefined, !value.isNone else {
            throw CompilationError("\(function)() missing required argument '\(parameter)'")
        }
        guard case .string(let s) = value else {
            if case .object(let o) = value, let relation = o as? RelationValue { return relation.rendered }
            return value.pythonString
        }
        return s
    }

    /// An optional string: nil for a missing, none or undefined argument.
    static func optionalString(_ value: Value?) -> String? {
        guard let value, !value.isNone, !value.isUndefined else { return nil }
        return value.pythonString
    }

    /// An optional flag: nil for a missing, none or undefined argument.
    static func optionalBool(_ value: Value?) -> Bool? {
        guard let value, !value.isNone, !value.isUndefined else { return nil }
        return value.isTruthy
    }

    /// An integer argument (ints, bools, integral floats).
    static func int(_ value: Value?, _ function: String, _ parameter: String) throws -> Int {
        if let i = value?.intValue { return i }
        if case .double(let d)? = value, d.rounded(.towardZero) == d, abs(d) < 9e18 { return Int(d) }
        guard let value, !value.isUndefined, !value.isNone else {
            throw CompilationError("\(function)() missing required argument '\(parameter)'")
        }
        throw JinjaError(.type, "\(function)(): '\(parameter)' must be an integer, not '\(value.typeName)'")
    }

    /// A relation argument: a `RelationValue`, else a compilation error like dbt's
    /// `MacroArgTypeError`.
    static func relation(_ value: Value?, _ function: String, _ parameter: String) throws -> RelationValue {
        if case .object(let o)? = value, let relation = o as? RelationValue { return relation }
        let got = value.map { $0.isUndefined ? "Undefined" : $0.pythonRepr } ?? "nothing"
        throw CompilationError("adapter.\(function): the argument '\(parameter)' must be a Relation, got \(got)")
    }
}

/// A read-only bag of named members (`api`, `modules`, `modules.datetime`, `exceptions`):
/// `ns.member` and `ns.member(args)` both work, since a callable member is called as a method.
final class NamespaceObject: JinjaObject {
    let typeName: String
    let members: [String: Value]

    init(_ typeName: String, _ members: [String: Value]) {
        self.typeName = typeName
        self.members = members
    }

    func attribute(_ name: String) throws -> Value? { members[name] }
    var stringValue: String { "<module '\(typeName)'>" }
}
