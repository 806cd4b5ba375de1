import Jinja

/// One column of a query result (agate's `Column`): `name`, `values()`, indexable by row
/// position, iterable, `| length`.
public final class QueryColumnValue: JinjaObject {
    public let name: String
    public let values: [Value]

    public init(name: String, values: [Value]) {
        self.name = name
        self.values = values
    }

    public var typeName: String { "Column" }
    public var stringValue: String { "<agate.Column: (\(values.map(\.pythonRepr).joined(separator: ", ")))>" }

    public func attribute(_ attribute: String) throws -> Value? {
        attribute == "name" ? .string(name) : nil
    }

    public func item(_ key: Value) throws -> Value? {
        guard let i = key.intValue else { return nil }
        let index = i < 0 ? values.count + i : i
        return values.indices.contains(index) ? values[index] : nil
    }

    public func iterate() throws -> [Value]? { values }

    public func callMethod(_ method: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch method {
        case "values":
            return .tuple(values)
        case "values_without_nulls":
            return .tuple(values.filter { !$0.isNone })
        case "values_distinct":
            var seen = Set<Value>()
            return .tuple(values.filter { !$0.isHashable || seen.insert($0).inserted })
        default:
            return nil
        }
    }
}
