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
/// `compiled_code` and `compiled_path`. Nodes are mapped and encoded on several threads.
public enum ManifestWriter {
    /// The manifest as JSON (UTF-8).
    public static func json(manifest: Manifest, session: CompileSession) throws -> Data {
        encode(manifest: manifest, session: session).withBytes { Data(buffer: $0) }
    }

    /// Writes the manifest to `path`, creating its directory when missing. The file is written
    /// beside `path` and renamed over it, so a reader never sees half a manifest.
    public static func write(manifest: Manifest, session: CompileSession, to path: String) throws {
        let json = encode(manifest: manifest, session: session)
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporary) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        do {
            try json.withBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                try handle.write(contentsOf: Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count,
                                                  deallocator: .none))
            }
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static func encode(manifest: Manifest, session: CompileSession) -> JSONWriter {
        let document = ManifestV12.Document(manifest: manifest, session: session)
        var w = JSONWriter(capacity: 1 << 20)
        document.write(to: &w)
        return w
    }
}
