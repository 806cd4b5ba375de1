import Compile

/// Receives what a run does, node by node, to print progress or structured logs. Called from
/// worker threads: implementations must be thread-safe.
public protocol RunEventSink: Sendable {
    /// A node is about to run (`index` of `total`, in start order).
    func started(_ node: ManifestNode, index: Int, total: Int)
    /// A node finished.
    func finished(_ node: ManifestNode, result: NodeResult, index: Int, total: Int)
    /// A node was skipped because something upstream failed.
    func skipped(_ node: ManifestNode, index: Int, total: Int)
}
