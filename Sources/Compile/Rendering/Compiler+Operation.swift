import Foundation
import Jinja
import Project
import Warehouse

extension Compiler {
    /// Calls a macro as `ingot run-operation` does: in dbt's run context (`execute` is true, `ref`,
    /// `source`, `adapter`, `run_query` and `statement` reach the warehouse), with `arguments` as
    /// keyword arguments. What the macro renders is discarded, as in dbt; what it logs goes to
    /// the session's log. A statement the warehouse rejects throws its `WarehouseError`. Returns the macro's `return(...)` value, if any, as text.
    @discardableResult
    public func runOperation(_ entry: MacroLibrary.MacroEntry, arguments: ConfigMap) throws -> String {
        let subject = NodeContext.Subject(
            uniqueID: "operation.\(entry.package).\(entry.macro.name)", name: entry.macro.name,
            packageName: session.project.root.name, resourceType: "operation", originalFilePath: entry.path,
            relation: RelationName(database: session.targetDatabase, schema: session.targetSchema,
                                   identifier: entry.macro.name),
            config: ConfigMap(), modelValue: Value.none)
        let resolution = CompileResolution(compiler: self, tracking: EphemeralTracking(), isIncremental: false)
        let context = NodeContext(session: session, subject: subject, mode: .compile(resolution))
        let scopes = context.makeScopes()
        defer { scopes.close() }
        scopes.context.variables["__ingot_operation_macro"] = scopes.bind(entry)
        scopes.context.variables["__ingot_operation_args"] = ValueBridge.value(arguments)
        let name = "operation \(entry.package).\(entry.macro.name)"
        do {
            let template = try session.library.environment.template(
                "{{- __ingot_operation_macro(**__ingot_operation_args) -}}", name: name)
            return try template.render(in: scopes.scope(for: session.project.root.name))
        } catch let e as JinjaError {
            // A statement the warehouse rejected stays a warehouse error (dbt's Database Error).
            var inner: (any Error)? = e.underlying
            while let j = inner as? JinjaError { inner = j.underlying }
            if let w = inner as? WarehouseError { throw w }
            throw CompileError(jinja: e, file: entry.path)
        }
    }
}
