import Foundation

/// Writes `target/manifest.json` in dbt's manifest v12 format, so tools that read dbt's
/// artifacts (dbt docs, state comparison, lineage and catalog tools) read ingot's.
///
/// ```swift
/// let session = try CompileSession(project: project)
/// let manifest = try ManifestBuilder(session: session).build()
/// try ManifestWriter.write(manifest: manifest, session: session, to: "target/manifest.json")
/// ```
///
/// Nodes that were compiled (`compiledCode` set) are written with `compiled: true`, their
/// `compiled_code` and `compiled_path`.
public enum ManifestWriter {
    /// The manifest as JSON (UTF-8).
    public static func json(manifest: Manifest, session: CompileSession) throws -> Data {
        let document = ManifestV12.Document(manifest: manifest, session: session)
        var w = JSONWriter(capacity: 4_096 * (manifest.nodes.count + manifest.macros.count + 64))
        document.write(to: &w)
        return Data(w.bytes)
    }

    /// Writes the manifest to `path` (atomically), creating its directory when missing.
    public static func write(manifest: Manifest, session: CompileSession, to path: String) throws {
        let data = try json(manifest: manifest, session: session)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
