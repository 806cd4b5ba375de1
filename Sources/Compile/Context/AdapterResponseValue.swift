import Jinja

/// The status half of `adapter.execute()`'s result (dbt's `AdapterResponse`): prints as its
/// message; `code`, `rows_affected`, `query_id` and `_message` are attributes.
public final class AdapterResponseValue: JinjaObject {
    public let message: String
    public let code: String?
    public let rowsAffected: Int?

    public init(message: String, code: String? = nil, rowsAffected: Int? = nil) {
        self.message = message
        self.code = code
        self.rowsAffected = rowsAffected
    }

    public var typeName: String { "AdapterResponse" }
    public var stringValue: String { message }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "_message": return .string(message)
        case "code": return code.map(Value.string) ?? Value.none
        case "rows_affected": return rowsAffected.map(Value.int) ?? Value.none
        case "query_id": return Value.none
        default: return nil
        }
    }
}
