import Compile
import Foundation
import Project

/// An inline dbt project in a temporary directory, parsed and compiled through the public API.
struct CompileFixture {
    let dir: String

    static let profiles = """
        proj:
          target: dev
          outputs:
            dev: {type: sqlite, schema: main, threads: 2}
            pg: {type: postgres, host: localhost, user: u, password: secret, dbname: analytics, schema: dev, threads: 2}
        """

    init(_ files: [String: String], project: String = "") throws {
        dir = NSTemporaryDirectory() + "ingot-compile-tests-" + UUID().uuidString
        var all = files
        if all["dbt_project.yml"] == nil { all["dbt_project.yml"] = "name: proj\nversion: '1.0'\nprofile: proj\n" + project }
        if all["profiles.yml"] == nil { all["profiles.yml"] = Self.profiles }
        for (path, text) in all {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    func session(target: String? = nil, vars: ConfigMap = [:]) throws -> CompileSession {
        let project = try ProjectLoader.load(LoadOptions(projectDir: dir, profilesDir: dir, target: target, cliVars: vars,
                                                         environment: ["HOME": dir + "/nohome"]))
        return try CompileSession(project: project)
    }

    func manifest(target: String? = nil, vars: ConfigMap = [:]) throws -> Manifest {
        try ManifestBuilder(session: try session(target: target, vars: vars)).build()
    }

    /// Parses and compiles every model, test and analysis; returns compiled SQL by node name.
    func compileAll(target: String? = nil) throws -> [String: String] {
        let session = try session(target: target)
        let manifest = try ManifestBuilder(session: session).build()
        let compiler = Compiler(session: session, manifest: manifest)
        let ids = manifest.nodes.filter { [.model, .test, .analysis, .snapshot].contains($0.resourceType) }.map(\.uniqueID)
        var out: [String: String] = [:]
        for n in try compiler.compile(ids) { out[n.name] = n.compiledCode }
        return out
    }

    /// The error parsing throws, or nil.
    func parseError() -> CompileError? {
        do {
            _ = try manifest()
            return nil
        } catch let e as CompileError {
            return e
        } catch {
            return CompileError(.jinja, "unexpected error type: \(error)")
        }
    }
}
