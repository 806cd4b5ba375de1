import Compile
import Foundation
import Project
import Warehouse

/// A snapshot's config, validated and resolved as dbt resolves it: the strategy, the unique key,
/// the hard-delete behaviour and the names of the meta columns.
struct SnapshotPlan {
    enum Strategy: Equatable {
        case timestamp(updatedAt: String)
        /// `columns` nil means `check_cols: all`.
        case check(columns: [String]?, updatedAt: String?)
    }

    enum HardDeletes: String {
        case ignore, invalidate
        case newRecord = "new_record"
    }

    /// The names of the meta columns (`snapshot_meta_column_names`, dbt's defaults otherwise).
    struct Columns {
        var validFrom = "dbt_valid_from"
        var validTo = "dbt_valid_to"
        var scdID = "dbt_scd_id"
        var updatedAt = "dbt_updated_at"
        var isDeleted = "dbt_is_deleted"
    }

    var strategy: Strategy
    /// The key expressions, as written.
    var uniqueKey: [String]
    /// Whether `unique_key` was written as a list (dbt then names the staging columns
    /// `dbt_unique_key_1`, `dbt_unique_key_2`, … instead of `dbt_unique_key`).
    var keyIsList: Bool
    var hardDeletes: HardDeletes
    var columns: Columns
    /// `dbt_valid_to_current`: a SQL expression for the `dbt_valid_to` of current rows.
    var validToCurrent: String?

    init(_ node: ManifestNode) throws {
        let config = node.config
        let fail = { (reason: String) in SnapshotError.config(node, reason) }
        guard let strategyName = config.strategy, let keyValue = config["unique_key"], !keyValue.isNull,
              let keys = keyValue.stringList, !keys.isEmpty, !keys.contains(where: \.isEmpty)
        else { throw fail("Snapshots must be configured with a 'strategy' and 'unique_key'.") }
        uniqueKey = keys
        keyIsList = keyValue.listValue != nil
        switch strategyName {
        case "timestamp":
            guard let updatedAt = config.updatedAt, !updatedAt.isEmpty else {
                throw fail("A snapshot configured with the timestamp strategy must specify an updated_at configuration.")
            }
            if let cols = config["check_cols"], !cols.isNull {
                throw fail("A 'timestamp' snapshot should not have 'check_cols'")
            }
            strategy = .timestamp(updatedAt: updatedAt)
        case "check":
            guard let raw = config["check_cols"], !raw.isNull else {
                throw fail("A snapshot configured with the check strategy must specify a check_cols configuration.")
            }
            let updatedAt = config.updatedAt.flatMap { $0.isEmpty ? nil : $0 }
            if let text = raw.stringValue {
                guard text == "all" else {
                    throw fail("Invalid value for 'check_cols': \(text). Expected 'all' or a list of strings.")
                }
                strategy = .check(columns: nil, updatedAt: updatedAt)
            } else if let list = raw.stringList, !list.isEmpty {
                strategy = .check(columns: list, updatedAt: updatedAt)
            } else {
                throw fail("A snapshot configured with the check strategy must specify a check_cols configuration.")
            }
        default:
            throw fail("The specified strategy macro '\(strategyName)' was not found (expected 'timestamp' or 'check').")
        }
        // adapter.get_hard_deletes_behavior
        let legacy = config["invalidate_hard_deletes"].flatMap { $0.isNull ? nil : $0 }
        let mode = config.hardDeletes
        if legacy != nil, mode != nil {
            throw fail("You cannot set both the invalidate_hard_deletes and hard_deletes config properties on the same snapshot.")
        }
        if legacy?.boolValue == true || legacy?.stringValue?.lowercased() == "true" || mode == "invalidate" {
            hardDeletes = .invalidate
        } else if mode == "new_record" {
            hardDeletes = .newRecord
        } else if mode == nil || mode == "ignore" {
            hardDeletes = .ignore
        } else {
            throw fail("Invalid setting for property hard_deletes.")
        }
        var names = Columns()
        if let m = config["snapshot_meta_column_names"]?.mapValue {
            func name(_ key: String) -> String? {
                guard let v = m[key], !v.isNull, let s = v.scalarText, !s.isEmpty else { return nil }
                return s
            }
            names.validFrom = name("dbt_valid_from") ?? names.validFrom
            names.validTo = name("dbt_valid_to") ?? names.validTo
            names.scdID = name("dbt_scd_id") ?? names.scdID
            names.updatedAt = name("dbt_updated_at") ?? names.updatedAt
            names.isDeleted = name("dbt_is_deleted") ?? names.isDeleted
        }
        columns = names
        if let v = config["dbt_valid_to_current"], !v.isNull, let text = v.scalarText,
           !text.trimmingCharacters(in: .whitespaces).isEmpty {
            validToCurrent = text.trimmingCharacters(in: .whitespaces)
        } else {
            validToCurrent = nil
        }
    }

    /// The staging column that carries key part `index` (0-based).
    func keyColumn(_ index: Int) -> String {
        keyIsList ? "dbt_unique_key_\(index + 1)" : "dbt_unique_key"
    }

    /// The staging columns that carry the key.
    var keyColumns: [String] { uniqueKey.indices.map(keyColumn) }
}

/// A snapshot that cannot be taken: a bad config, a key that is not unique, a target that is not
/// a snapshot table. The runner prefixes the snapshot's name and file.
struct SnapshotError: Error, CustomStringConvertible {
    var description: String

    static func config(_ node: ManifestNode, _ reason: String) -> SnapshotError {
        SnapshotError(description: "Invalid snapshot config in \(node.displayPath): \(reason)")
    }
}
