import Compile
import Foundation
import Project
import Warehouse

/// Loads a CSV seed: reads and types it (dbt's inference, `column_types`, `delimiter`,
/// `quote_columns`), then creates the table and inserts every row in one transaction, swapping
/// it in only when all rows loaded, so a bad file never leaves a half-loaded table.
struct SeedLoader {
    let adapter: any WarehouseAdapter
    let project: LoadedProject

    func load(_ node: ManifestNode, fullRefresh: Bool) throws -> Int {
        let root = project.allPackages.first { $0.name == node.packageName }?.definition?.rootPath ?? project.definition.rootPath
        let path = (root as NSString).appendingPathComponent(node.originalFilePath)
        var columnTypes: [String: String] = [:]
        for (k, v) in node.config.columnTypes { columnTypes[k] = v.scalarText }
        let options = SeedOptions(delimiter: node.config.delimiter?.first ?? ",", columnTypes: columnTypes,
                                  quoteColumns: node.config.quoteColumns)
        let mapping: any SeedTypeMapping = adapter.typeName == "sqlite" ? SQLiteSeedTypeMapping() : PostgresSeedTypeMapping()
        let table = try SeedTable.load(contentsOfFile: path, displayPath: node.displayPath, options: options, mapping: mapping)
        let dialect = adapter.dialect
        let target = RelationInfo(database: node.database, schema: node.schema, identifier: node.alias)
        let staging = RelationInfo(database: node.database, schema: node.schema, identifier: node.alias + "__dbt_tmp")
        return try adapter.transaction { c in
            try c.execute("drop table if exists \(dialect.render(staging))", fetch: false)
            try c.execute("create table \(dialect.render(staging)) (\(table.columnDefinitionsSQL(dialect: dialect)))", fetch: false)
            let loaded = try c.insert(into: staging, columns: table.columnNames, rows: table.rows)
            if let existing = try c.relation(database: target.database, schema: target.schema ?? "", identifier: target.identifier ?? "") {
                try c.execute("drop \(existing.type == .view ? "view" : "table") if exists \(dialect.render(target))", fetch: false)
            }
            try c.execute("alter table \(dialect.render(staging)) rename to \(dialect.quote(node.alias))", fetch: false)
            return loaded
        }
    }
}
