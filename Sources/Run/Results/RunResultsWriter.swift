import Compile
import Foundation

/// Writes `target/run_results.json` in dbt's v6 format, so tools that read dbt's artifacts read
/// ingot's.
public enum RunResultsWriter {
    /// The JSON document for a finished run.
    public static func json(results: [NodeResult], manifest: Manifest, invocationID: String, startedAt: Date,
                            elapsed: TimeInterval, command: String) throws -> Data {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        func time(_ d: Date) -> String { formatter.string(from: d) }
        let entries: [[String: Any]] = results.map { r in
            let node = manifest.node(r.uniqueID)
            var entry: [String: Any] = [
                "status": r.status.rawValue,
                "timing": r.status == .skipped ? [] : [
                    ["name": "compile", "started_at": time(r.startedAt), "completed_at": time(r.startedAt)],
                    ["name": "execute", "started_at": time(r.startedAt), "completed_at": time(r.completedAt)],
                ],
                "thread_id": r.thread,
                "execution_time": r.executionTime,
                "adapter_response": r.status == .skipped ? [String: Any]() : [
                    "_message": r.message.components(separatedBy: "\n").first ?? "",
                    "code": r.message.components(separatedBy: " ").first ?? "",
                    "rows_affected": r.rowsAffected ?? NSNull(),
                ] as [String: Any],
                "message": r.message,
                "failures": r.failures ?? NSNull(),
                "unique_id": r.uniqueID,
                "compiled": r.compiledCode != nil,
                "compiled_code": r.compiledCode ?? NSNull(),
                "relation_name": node?.relationName ?? NSNull(),
                "batch_results": NSNull(),
            ]
            if r.status == .skipped { entry["message"] = NSNull() }
            return entry
        }
        let document: [String: Any] = [
            "metadata": [
                "dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json",
                "dbt_version": "1.11.0",
                "generated_at": time(Date()),
                "invocation_id": invocationID,
                "invocation_started_at": time(startedAt),
                "env": [String: String](),
            ] as [String: Any],
            "results": entries,
            "elapsed_time": elapsed,
            "args": ["which": command, "invocation_command": "ingot \(command)"],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    }

    /// Writes the document to `path`.
    public static func write(results: [NodeResult], manifest: Manifest, invocationID: String, startedAt: Date,
                             elapsed: TimeInterval, command: String, to path: String) throws {
        let data = try json(results: results, manifest: manifest, invocationID: invocationID, startedAt: startedAt,
                            elapsed: elapsed, command: command)
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
