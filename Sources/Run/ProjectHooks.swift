import Compile
import Foundation
import Warehouse

extension Runner {
    /// Renders and runs one `on-run-start` / `on-run-end` hook of the root project, in a context
    /// of its own (dbt's `operation.<project>.<project>-on-run-start-<n>`).
    public func runProjectHook(_ sql: String, kind: String, index: Int) throws {
        let project = session.project.root.name
        let rendered = try compiler.renderOperation(sql, name: "\(project)-\(kind)-\(index)",
                                                    displayPath: "dbt_project.yml (\(kind))")
        guard !rendered.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        try adapter.transaction { c in _ = try c.execute(rendered, fetch: false) }
    }
}
