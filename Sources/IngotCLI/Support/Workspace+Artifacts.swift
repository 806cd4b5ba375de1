import Compile
import Foundation

extension Workspace {
    var manifestPath: String { (targetDirectory as NSString).appendingPathComponent("manifest.json") }
    var compiledDirectory: String { (targetDirectory as NSString).appendingPathComponent("compiled") }

    /// A path relative to the current directory when it is inside it.
    func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// Writes `target/manifest.json`.
    func writeManifest(_ manifest: Manifest, session: CompileSession) throws {
        try FileManager.default.createDirectory(atPath: targetDirectory, withIntermediateDirectories: true)
        try ManifestWriter.write(manifest: manifest, session: session, to: manifestPath)
    }

    /// Writes a compiled node to `target/compiled/<package>/<path>`, as dbt lays them out.
    func writeCompiled(_ node: ManifestNode) throws {
        try writeCompiled([node])
    }

    /// Writes compiled nodes, concurrently and without an fsync per file: these are build
    /// outputs, rewritten on every compile, and a crash at worst leaves one to write again.
    func writeCompiled(_ nodes: [ManifestNode]) throws {
        let files: [(path: String, sql: String)] = nodes.compactMap { node in
            guard let sql = node.compiledCode else { return nil }
            var relativePath = node.originalFilePath
            if node.testMetadata != nil { relativePath = (node.originalFilePath as NSString).appendingPathComponent(node.path) }
            let path = ((compiledDirectory as NSString).appendingPathComponent(node.packageName) as NSString)
                .appendingPathComponent(relativePath)
            return (path, sql)
        }
        for directory in Set(files.map { ($0.path as NSString).deletingLastPathComponent }) {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            if !FileManager.default.createFile(atPath: files[i].path, contents: Data(files[i].sql.utf8)) {
                failure.record("could not write \(files[i].path)")
            }
        }
        if let message = failure.message { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: message]) }
    }
}

/// The first error message recorded by concurrent workers.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var message: String?
    func record(_ text: String) {
        lock.withLock { if message == nil { message = text } }
    }
}
