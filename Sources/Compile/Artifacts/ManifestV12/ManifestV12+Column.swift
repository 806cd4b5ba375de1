import Warehouse
import Project

extension ManifestV12 {
    /// One entry of a node's or source's `columns` (dbt's `ColumnInfo`).
    struct Column: ManifestV12Writable, Sendable {
        var name: String
        var description: String
        var meta: ConfigMap
        var dataType: String?
        var constraints: [Constraint]
        var quote: Bool?
        var tags: [String]
        /// `granularity` (`day`, `hour`, …), for time-spine columns.
        var granularity: String?
        var docBlocks: [String]

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("name"); w.string(name)
            w.key("description"); w.string(description)
            w.key("meta"); w.map(meta)
            w.key("data_type"); w.string(dataType)
            w.key("constraints")
            w.arrayStart()
            for c in constraints { c.write(to: &w) }
            w.arrayEnd()
            w.key("quote"); w.bool(quote)
            w.key("config")
            w.objectStart()
            w.key("meta"); w.map(meta)
            w.key("tags"); w.strings(tags)
            w.objectEnd()
            w.key("tags"); w.strings(tags)
            w.key("granularity"); w.string(granularity)
            w.key("doc_blocks"); w.strings(docBlocks)
            w.objectEnd()
        }
    }

    /// A column or model constraint (dbt's `ColumnLevelConstraint`).
    struct Constraint: ManifestV12Writable, Sendable {
        /// `check`, `not_null`, `unique`, `primary_key`, `foreign_key` or `custom`.
        var type: String
        var name: String?
        var expression: String?
        var warnUnenforced: Bool
        var warnUnsupported: Bool
        var to: String?
        var toColumns: [String]

        /// A constraint as written in properties YAML.
        init(_ written: ConfigMap) {
            type = written["type"]?.scalarText ?? "custom"
            name = written["name"]?.stringValue
            expression = written["expression"].flatMap { $0.isNull ? nil : $0.scalarText }
            warnUnenforced = written["warn_unenforced"]?.boolValue ?? true
            warnUnsupported = written["warn_unsupported"]?.boolValue ?? true
            to = written["to"]?.stringValue
            toColumns = written["to_columns"]?.stringList ?? []
        }

        func write(to w: inout JSONWriter) {
            w.objectStart()
            w.key("type"); w.string(type)
            w.key("name"); w.string(name)
            w.key("expression"); w.string(expression)
            w.key("warn_unenforced"); w.bool(warnUnenforced)
            w.key("warn_unsupported"); w.bool(warnUnsupported)
            w.key("to"); w.string(to)
            w.key("to_columns"); w.strings(toColumns)
            w.objectEnd()
        }
    }
}
