import GRDB

/// `string_agg(x, separator)` (PostgreSQL) and `listagg(x [, separator])` (Redshift): the
/// non-null values joined, each preceded by its row's separator except the first; NULL when
/// there are none. SQLite 3.40 has no `ORDER BY` inside aggregates: the order is the order
/// rows arrive in (order a subquery to fix it).
struct StringAgg: DatabaseAggregate {
    var result: String?

    mutating func step(_ args: [DatabaseValue]) throws {
        guard let value = FunctionArguments.text(args[0]) else { return }
        let separator = args.count > 1 ? FunctionArguments.text(args[1]) ?? "" : ""
        result = result.map { $0 + separator + value } ?? value
    }

    func finalize() throws -> (any DatabaseValueConvertible)? { result }
}

/// `bool_and(x)`: true when every non-null value is true; NULL when there are none.
struct BoolAnd: DatabaseAggregate {
    var result: Bool?

    mutating func step(_ args: [DatabaseValue]) throws {
        guard let b = try FunctionArguments.bool(args[0], "bool_and") else { return }
        result = (result ?? true) && b
    }

    func finalize() throws -> (any DatabaseValueConvertible)? { result.map { $0 ? 1 : 0 } }
}

/// `bool_or(x)`: true when any non-null value is true; NULL when there are none.
struct BoolOr: DatabaseAggregate {
    var result: Bool?

    mutating func step(_ args: [DatabaseValue]) throws {
        guard let b = try FunctionArguments.bool(args[0], "bool_or") else { return }
        result = (result ?? false) || b
    }

    func finalize() throws -> (any DatabaseValueConvertible)? { result.map { $0 ? 1 : 0 } }
}

extension DatabaseFunction {
    static let stringAgg = DatabaseFunction("string_agg", argumentCount: 2, pure: true, aggregate: StringAgg.self)
    static let listagg = DatabaseFunction("listagg", argumentCount: 1, pure: true, aggregate: StringAgg.self)
    static let listaggSeparated = DatabaseFunction("listagg", argumentCount: 2, pure: true, aggregate: StringAgg.self)
    static let boolAnd = DatabaseFunction("bool_and", argumentCount: 1, pure: true, aggregate: BoolAnd.self)
    static let boolOr = DatabaseFunction("bool_or", argumentCount: 1, pure: true, aggregate: BoolOr.self)
}
