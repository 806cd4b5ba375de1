import Warehouse

/// The type dbt infers for a seed column (agate's type, with `Number` split the way dbt's
/// `convert_number_type` splits it).
public enum SeedColumnKind: String, Sendable, Hashable, CaseIterable {
    /// Every value a whole number (`1`, `-2`, `1.0`, `1e3`, `$1,000`), or no values at all: a
    /// column of only blanks is `integer` in dbt (agate picks `Number`, whose max precision is 0).
    case integer
    /// Numbers, at least one with a fractional part (`1.5`).
    case number
    /// `true`/`false` in any case.
    case boolean
    /// `YYYY-MM-DD` (one-digit month and day allowed).
    case date
    /// `YYYY-MM-DD HH:MM:SS`, or ISO 8601 with a `T`.
    case datetime
    /// Anything else.
    case text
}

/// What an adapter answers for seeds: the SQL type of each inferred kind (dbt's
/// `convert_integer_type`, `convert_number_type`, …) and how a boolean is sent.
public protocol SeedTypeMapping: Sendable {
    /// The column type in `create table` for an inferred kind.
    func sqlType(for kind: SeedColumnKind) -> String
    /// The cell for a boolean value.
    func booleanCell(_ value: Bool) -> QueryCell
}

/// dbt-sqlite's seed types. dbt-sqlite overrides none of the `convert_*_type` methods, so these
/// are dbt-adapters' `SQLAdapter` defaults, and `pragma table_info` shows them as dbt-sqlite
/// leaves them: `integer`, `float8` (REAL affinity), `boolean`, `date`,
/// `timestamp without time zone` (NUMERIC affinity, which keeps ISO text as text), `text`.
/// Booleans are stored as 1/0 (Python's sqlite3 binds `True` as 1); dates and datetimes as ISO
/// text (`2020-01-05`, `2020-01-05 10:00:00`), which is what sqlite3's default adapters store.
public struct SQLiteSeedTypeMapping: SeedTypeMapping {
    public init() {}

    public func sqlType(for kind: SeedColumnKind) -> String {
        switch kind {
        case .integer: "integer"
        case .number: "float8"
        case .boolean: "boolean"
        case .date: "date"
        case .datetime: "timestamp without time zone"
        case .text: "text"
        }
    }

    public func booleanCell(_ value: Bool) -> QueryCell { .int(value ? 1 : 0) }
}

/// dbt-postgres's (and Redshift's) seed types: dbt-postgres also keeps the `SQLAdapter` defaults
/// (`integer`, `float8`, `boolean`, `date`, `timestamp without time zone`, `text`). Booleans go
/// as booleans; dates and datetimes as ISO text, which PostgreSQL casts on insert.
public struct PostgresSeedTypeMapping: SeedTypeMapping {
    public init() {}

    public func sqlType(for kind: SeedColumnKind) -> String {
        SQLiteSeedTypeMapping().sqlType(for: kind)
    }

    public func booleanCell(_ value: Bool) -> QueryCell { .bool(value) }
}

extension SeedTypeMapping where Self == SQLiteSeedTypeMapping {
    public static var sqlite: SQLiteSeedTypeMapping { SQLiteSeedTypeMapping() }
}

extension SeedTypeMapping where Self == PostgresSeedTypeMapping {
    public static var postgres: PostgresSeedTypeMapping { PostgresSeedTypeMapping() }
}
