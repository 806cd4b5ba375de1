import Compile
import Project
import Warehouse

/// dbt's model contracts: with `contract: {enforced: true}`, the columns a model's query returns
/// must be exactly the declared ones, and the table is created with the declared types and
/// constraints before any row goes in.
struct ContractCheck {
    let dialect: WarehouseDialect

    /// One declared column as the DDL spells it.
    struct Column {
        var name: String
        var dataType: String
        var constraints: [String]
    }

    /// The declared columns; every one needs a `data_type`.
    func declaredColumns(of node: ManifestNode) throws -> [Column] {
        try node.columns.map { c in
            guard let type = c.dataType, !type.isEmpty else {
                throw WarehouseError(.configuration, """
                    Contracts are enforced on \(node.name) (\(node.originalFilePath)), but column '\(c.name)' has no data_type.
                    Give every column a data_type, or set contract.enforced to false.
                    """)
            }
            return Column(name: c.name, dataType: type, constraints: c.constraints.compactMap(constraintSQL))
        }
    }

    private func constraintSQL(_ c: ConfigMap) -> String? {
        switch c["type"]?.stringValue {
        case "not_null": return "not null"
        case "unique": return "unique"
        case "primary_key": return "primary key"
        case "check": return c["expression"]?.stringValue.map { "check (\($0))" }
        default: return nil
        }
    }

    /// Fails before anything is built when the query's columns differ from the contract,
    /// listing each difference as dbt's table does.
    func verify(_ node: ManifestNode, declared: [Column], actual: [ColumnInfo]) throws {
        var rows: [String] = []
        let actualByName = Dictionary(actual.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let declaredNames = Set(declared.map { $0.name.lowercased() })
        for d in declared {
            guard let a = actualByName[d.name.lowercased()] else {
                rows.append("| \(d.name) | | \(d.dataType) | missing in definition |")
                continue
            }
            if !a.dataType.isEmpty, ContractCheck.family(a.dataType) != ContractCheck.family(d.dataType) {
                rows.append("| \(d.name) | \(a.dataType) | \(d.dataType) | data type mismatch |")
            }
        }
        for a in actual where !declaredNames.contains(a.name.lowercased()) {
            rows.append("| \(a.name) | \(a.dataType) | | missing in contract |")
        }
        guard !rows.isEmpty else { return }
        throw WarehouseError(.configuration, """
            This model has an enforced contract that failed.
            Please ensure the name, data_type, and number of columns in your contract match the columns in your model's definition.

            | column_name | definition_type | contract_type | mismatch_reason |
            | ----------- | --------------- | ------------- | --------------- |
            \(rows.joined(separator: "\n"))
            """)
    }

    /// Type names grouped so that spellings of one type compare equal (`int` = `integer` =
    /// `bigint` on SQLite's affinity rules).
    static func family(_ type: String) -> String {
        let t = type.lowercased()
        if t.contains("int") { return "integer" }
        if t.contains("char") || t.contains("text") || t.contains("clob") || t.contains("string") { return "text" }
        if t.contains("real") || t.contains("floa") || t.contains("doub") { return "real" }
        if t.contains("bool") { return "boolean" }
        if t.contains("date") || t.contains("time") { return "datetime" }
        if t.contains("num") || t.contains("dec") { return "numeric" }
        return t
    }

    /// `create table … (col type constraints, …)` for the contract.
    func createTable(_ relation: RelationInfo, _ columns: [Column], modelConstraints: [String]) -> String {
        var parts = columns.map { ([dialect.quote($0.name), $0.dataType] + $0.constraints).joined(separator: " ") }
        parts += modelConstraints
        return "create table \(dialect.render(relation)) (\n    \(parts.joined(separator: ",\n    "))\n)"
    }
}
