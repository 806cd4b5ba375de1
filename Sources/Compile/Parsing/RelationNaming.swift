import Jinja
import Project

/// Database, schema and alias of a node through `generate_database_name`,
/// `generate_schema_name` and `generate_alias_name`: natively when the project keeps dbt's
/// defaults, by rendering the project's macro when it overrides one.
struct RelationNaming {
    let session: CompileSession

    func schema(custom: String?, node: ManifestNode) throws -> String {
        if session.library.isOverridden("generate_schema_name") {
            return try render("generate_schema_name", custom, node)
        }
        guard let custom, !custom.isEmpty else { return session.targetSchema }
        return "\(session.targetSchema)_\(custom.trimmingCharacters(in: .whitespaces))"
    }

    func alias(custom: String?, node: ManifestNode) throws -> String {
        if session.library.isOverridden("generate_alias_name") {
            return try render("generate_alias_name", custom, node)
        }
        if let custom, !custom.isEmpty { return custom.trimmingCharacters(in: .whitespaces) }
        return node.name
    }

    func database(custom: String?, node: ManifestNode) throws -> String? {
        if session.library.isOverridden("generate_database_name") {
            let name = try render("generate_database_name", custom, node)
            return name.isEmpty ? nil : name
        }
        if session.adapterType == "sqlite" { return nil }
        if let custom, !custom.isEmpty { return custom.trimmingCharacters(in: .whitespaces) }
        return session.targetDatabase
    }

    /// Renders `{{ macro(custom, node) }}` in the root project's scope, as dbt does at parse time.
    private func render(_ macro: String, _ custom: String?, _ node: ManifestNode) throws -> String {
        let subject = NodeContext.Subject(
            uniqueID: node.uniqueID, name: node.name, packageName: node.packageName,
            resourceType: node.resourceType.rawValue, originalFilePath: node.originalFilePath,
            relation: RelationName(database: session.targetDatabase, schema: session.targetSchema, identifier: node.name),
            config: node.config.values, modelValue: nil)
        let context = NodeContext(session: session, subject: subject, mode: .parse(ParseCapture()))
        let scopes = context.makeScopes()
        defer { scopes.close() }
        let scope = scopes.scope(for: session.project.root.name)
        scope.variables["__custom__"] = custom.map { .string($0) } ?? .none
        scope.variables["__node__"] = .dict([
            "name": .string(node.name), "unique_id": .string(node.uniqueID),
            "resource_type": .string(node.resourceType.rawValue), "package_name": .string(node.packageName),
            "fqn": .list(node.fqn.map { .string($0) }), "original_file_path": .string(node.originalFilePath),
            "config": ValueBridge.value(node.config.values),
        ])
        do {
            let t = try session.library.environment.template("{{ \(macro)(__custom__, __node__) }}", name: node.displayPath)
            return try t.render(in: scope).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let e as JinjaError {
            throw CompileError(jinja: e, file: node.displayPath)
        }
    }
}
