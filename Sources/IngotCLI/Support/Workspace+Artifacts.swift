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
        guard let sql = node.compiledCode else { return }
        var relativePath = node.originalFilePath
        if node.testMetadata != nil { relativePath = (node.originalFilePath as NSString).appendingPathComponent(node.path) }
        let path = ((compiledDirectory as NSString).appendingPathComponent(node.packageName) as NSString).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try sql.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
