import Compile
import Foundation
import Run

/// Prints a run as dbt does: a START line and a result line per node, padded with dots to the
/// status in brackets; with `--log-format json`, one JSON object per event instead.
struct ProgressPrinter: RunEventSink {
    let console: Console

    func started(_ node: ManifestNode, index: Int, total: Int) {
        line(index, total, "START \(describe(node))", status: "RUN", node: node, event: "NodeStart", extra: [:])
    }

    func finished(_ node: ManifestNode, result: NodeResult, index: Int, total: Int) {
        let seconds = String(format: "%.2fs", result.executionTime)
        let text: String
        let status: String
        switch (node.resourceType, result.status) {
        case (.test, .pass):
            text = "PASS \(node.name)"
            status = "PASS in \(seconds)"
        case (.test, .warn):
            text = "WARN \(result.failures ?? 0) \(node.name)"
            status = "WARN \(result.failures ?? 0) in \(seconds)"
        case (.test, .fail):
            text = "FAIL \(result.failures ?? 0) \(node.name)"
            status = "FAIL \(result.failures ?? 0) in \(seconds)"
        case (_, .error):
            text = "ERROR \(node.resourceType == .test ? node.name : "creating \(describe(node))")"
            status = "ERROR in \(seconds)"
        case (.seed, _):
            text = "OK loaded \(describe(node))"
            status = "\(result.message) in \(seconds)"
        case (.snapshot, _):
            text = "OK snapshotted \(node.schema).\(node.alias)"
            status = "\(result.message) in \(seconds)"
        default:
            text = "OK created \(describe(node))"
            status = "\(result.message) in \(seconds)"
        }
        line(index, total, text, status: status, node: node, event: "NodeFinished",
             extra: ["status": result.status.rawValue, "execution_time": String(format: "%.6f", result.executionTime),
                     "rows_affected": result.rowsAffected.map(String.init) ?? ""])
        if result.status == .error {
            console.error("  " + result.message.replacingOccurrences(of: "\n", with: "\n  "))
        }
    }

    func skipped(_ node: ManifestNode, index: Int, total: Int) {
        line(index, total, "SKIP relation \(node.relationName ?? node.name)", status: "SKIP", node: node, event: "NodeSkipped", extra: [:])
    }

    private func describe(_ node: ManifestNode) -> String {
        switch node.resourceType {
        case .test: return "test \(node.name)"
        case .seed: return "seed file \(node.schema).\(node.alias)"
        case .snapshot: return "snapshot \(node.schema).\(node.alias)"
        default: return "sql \(node.materialized) model \(node.schema).\(node.alias)"
        }
    }

    private func line(_ index: Int, _ total: Int, _ text: String, status: String, node: ManifestNode, event: String,
                      extra: [String: String]) {
        let prefix = "\(index) of \(total) \(text) "
        // dbt pads the message with dots to 80 columns, then adds the status.
        let dots = String(repeating: ".", count: max(3, 80 - prefix.count))
        var fields = extra
        fields["node"] = node.uniqueID
        fields["index"] = String(index)
        fields["total"] = String(total)
        console.info("\(prefix)\(dots) [\(status)]", event: event, extra: fields)
    }
}
