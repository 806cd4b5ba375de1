import Compile
import Foundation
import Project
import Warehouse

/// A source table's effective freshness criteria: the source's `freshness:` merged with the
/// table's, threshold by threshold, as dbt merges them.
public struct FreshnessCriteria: Sendable, Equatable {
    public struct Threshold: Sendable, Equatable {
        public var count: Int?
        public var period: String?

        public init(count: Int?, period: String?) {
            self.count = count
            self.period = period
        }

        /// The threshold in seconds, or nil when it is incomplete (dbt then never trips it).
        public var seconds: Double? {
            guard let count, let period else { return nil }
            switch period {
            case "minute": return Double(count) * 60
            case "hour": return Double(count) * 3600
            case "day": return Double(count) * 86400
            default: return nil
            }
        }
    }

    public var warnAfter: Threshold
    public var errorAfter: Threshold
    public var filter: String?

    public init(warnAfter: Threshold = .init(count: nil, period: nil), errorAfter: Threshold = .init(count: nil, period: nil),
                filter: String? = nil) {
        self.warnAfter = warnAfter
        self.errorAfter = errorAfter
        self.filter = filter
    }

    init(_ policy: FreshnessPolicy) {
        warnAfter = Threshold(count: policy.warnAfter?.count, period: policy.warnAfter?.period)
        errorAfter = Threshold(count: policy.errorAfter?.count, period: policy.errorAfter?.period)
        filter = policy.filter
    }

    /// Whether there is anything to check (dbt's `has_freshness`).
    public var isActive: Bool { warnAfter.seconds != nil || errorAfter.seconds != nil }

    /// The criteria of a table under a source: the table's setting over the source's; an
    /// explicit `freshness: null` on the table switches it off.
    public static func merged(source: FreshnessSetting, table: FreshnessSetting) -> FreshnessCriteria? {
        switch (source, table) {
        case (_, .disabled): return nil
        case (.policy(let s), .unset): return FreshnessCriteria(s)
        case (.unset, .policy(let t)), (.disabled, .policy(let t)): return FreshnessCriteria(t)
        case (.policy(let s), .policy(let t)):
            var merged = FreshnessCriteria(s)
            if let w = t.warnAfter {
                merged.warnAfter = Threshold(count: w.count ?? merged.warnAfter.count, period: w.period ?? merged.warnAfter.period)
            }
            if let e = t.errorAfter {
                merged.errorAfter = Threshold(count: e.count ?? merged.errorAfter.count, period: e.period ?? merged.errorAfter.period)
            }
            if let f = t.filter { merged.filter = f }
            return merged
        case (_, .unset): return nil
        }
    }

    /// `pass`, `warn` or `error` for data `age` seconds old.
    public func status(age: Double) -> SourceFreshnessResult.Status {
        if let e = errorAfter.seconds, age > e { return .error }
        if let w = warnAfter.seconds, age > w { return .warn }
        return .pass
    }
}

/// What checking one source table gave.
public struct SourceFreshnessResult: Sendable {
    public enum Status: String, Sendable {
        case pass, warn, error
        case runtimeError = "runtime error"
    }

    public var uniqueID: String
    public var sourceName: String
    public var tableName: String
    public var originalFilePath: String
    public var status: Status
    public var maxLoadedAt: Date?
    public var snapshottedAt: Date?
    public var criteria: FreshnessCriteria
    /// The error, for `runtime error`.
    public var message: String?
    public var startedAt: Date
    public var completedAt: Date
    public var thread: String

    /// `max_loaded_at_time_ago_in_s`.
    public var age: Double? {
        guard let maxLoadedAt, let snapshottedAt else { return nil }
        return snapshottedAt.timeIntervalSince(maxLoadedAt)
    }

    public var executionTime: Double { completedAt.timeIntervalSince(startedAt) }
}

/// Runs `select max(loaded_at_field) …` for a source table and judges the age it finds.
public struct FreshnessChecker: Sendable {
    let adapter: any WarehouseIntrospecting
    let now: @Sendable () -> Date

    public init(adapter: any WarehouseIntrospecting, now: @escaping @Sendable () -> Date = { Date() }) {
        self.adapter = adapter
        self.now = now
    }

    /// dbt's `collect_freshness` query, with `now` (UTC) as `snapshotted_at`.
    public static func sql(relation: String, loadedAtField: String, filter: String?, now: Date) -> String {
        var sql = "select\n  max(\(loadedAtField)) as max_loaded_at,\n  '\(FreshnessClock.sqlTimestamp(now))' as snapshotted_at\nfrom \(relation)"
        if let filter, !filter.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { sql += "\nwhere \(filter)" }
        return sql
    }

    public func check(_ source: SourceNode, loadedAtField: String, criteria: FreshnessCriteria, thread: String) -> SourceFreshnessResult {
        let started = Date()
        var result = SourceFreshnessResult(
            uniqueID: source.uniqueID, sourceName: source.sourceName, tableName: source.name,
            originalFilePath: source.originalFilePath, status: .runtimeError, criteria: criteria,
            startedAt: started, completedAt: started, thread: thread)
        let snapshot = now()
        do {
            let outcome = try adapter.execute(Self.sql(relation: source.relationName, loadedAtField: loadedAtField,
                                                       filter: criteria.filter, now: snapshot), fetch: true)
            let cell = outcome.rows.first?.first ?? .null
            guard let loaded = Self.timestamp(cell) else {
                throw FreshnessError("Expected a timestamp value when querying field '\(loadedAtField)' of table \(source.relationName) but received value '\(Self.describe(cell))' instead")
            }
            result.maxLoadedAt = loaded
            result.snapshottedAt = snapshot
            result.status = criteria.status(age: snapshot.timeIntervalSince(loaded))
        } catch let e as WarehouseError {
            result.message = "Runtime Error in source \(source.name) (\(source.originalFilePath))\n  \(e.message)"
        } catch {
            result.message = "Runtime Error in source \(source.name) (\(source.originalFilePath))\n  \(error)"
        }
        result.completedAt = Date()
        return result
    }

    static func timestamp(_ cell: QueryCell) -> Date? {
        if case .string(let s) = cell { return FreshnessClock.parse(s) }
        return nil
    }

    static func describe(_ cell: QueryCell) -> String {
        switch cell {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return "\(d)"
        case .string(let s): return s
        }
    }
}

struct FreshnessError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Writes `target/sources.json` in dbt's v3 format.
public enum SourcesWriter {
    public static func json(results: [SourceFreshnessResult], invocationID: String, startedAt: Date,
                            elapsed: Double) throws -> Data {
        func threshold(_ t: FreshnessCriteria.Threshold) -> [String: Any] {
            ["count": t.count ?? NSNull(), "period": t.period ?? NSNull()]
        }
        let entries: [[String: Any]] = results.map { r in
            if r.status == .runtimeError {
                return ["unique_id": r.uniqueID, "error": r.message ?? "", "status": r.status.rawValue]
            }
            return [
                "unique_id": r.uniqueID,
                "max_loaded_at": r.maxLoadedAt.map(FreshnessClock.isoformat) ?? NSNull(),
                "snapshotted_at": r.snapshottedAt.map(FreshnessClock.isoformat) ?? NSNull(),
                "max_loaded_at_time_ago_in_s": r.age ?? 0,
                "status": r.status.rawValue,
                "criteria": [
                    "warn_after": threshold(r.criteria.warnAfter),
                    "error_after": threshold(r.criteria.errorAfter),
                    "filter": r.criteria.filter ?? NSNull(),
                ] as [String: Any],
                "adapter_response": ["_message": "OK"],
                "timing": [
                    ["name": "compile", "started_at": FreshnessClock.zulu(r.startedAt), "completed_at": FreshnessClock.zulu(r.startedAt)],
                    ["name": "execute", "started_at": FreshnessClock.zulu(r.startedAt), "completed_at": FreshnessClock.zulu(r.completedAt)],
                ],
                "thread_id": r.thread,
                "execution_time": r.executionTime,
            ]
        }
        let document: [String: Any] = [
            "metadata": [
                "dbt_schema_version": "https://schemas.getdbt.com/dbt/sources/v3.json",
                "dbt_version": "1.11.0",
                "generated_at": FreshnessClock.zulu(Date()),
                "invocation_id": invocationID,
                "invocation_started_at": FreshnessClock.zulu(startedAt),
                "env": [String: String](),
            ] as [String: Any],
            "results": entries,
            "elapsed_time": elapsed,
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    public static func write(results: [SourceFreshnessResult], invocationID: String, startedAt: Date, elapsed: Double,
                             to path: String) throws {
        try json(results: results, invocationID: invocationID, startedAt: startedAt, elapsed: elapsed)
            .write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
