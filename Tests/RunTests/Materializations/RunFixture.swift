import Compile
import Foundation
import Project
import Run
import SQLiteAdapter
import Warehouse

/// A project on a fresh SQLite file, run through the public API: parse, select by type, run.
final class RunFixture {
    let dir: String

    init(_ files: [String: String], project: String = "") throws {
        dir = NSTemporaryDirectory() + "ingot-run-tests-" + UUID().uuidString
        var all = files
        if all["dbt_project.yml"] == nil { all["dbt_project.yml"] = "name: proj\nversion: '1.0'\nprofile: proj\n" + project }
        all["profiles.yml"] = """
            proj:
              target: dev
              outputs:
                dev:
                  type: sqlite
                  threads: 4
                  schema: main
                  schemas_and_paths: {main: warehouse.db}
                  schema_directory: .
            """
        try write(all)
    }

    func write(_ files: [String: String]) throws {
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: dir + "/" + path)
    }

    /// Runs every node of the given types (all enabled ones), as `ingot build` would.
    @discardableResult
    func run(_ types: Set<ResourceType> = [.seed, .model, .test], fullRefresh: Bool = false, threads: Int = 4) throws -> [String: NodeResult] {
        let project = try ProjectLoader.load(LoadOptions(projectDir: dir, profilesDir: dir, environment: ["HOME": dir]))
        let profile = try SQLiteProfile(settings: ["schema": "main", "schema_directory": ".", "threads": String(threads)],
                                        schemasAndPaths: ["main": "warehouse.db"])
        let adapter = try SQLiteAdapter(profile: profile, baseDirectory: dir)
        defer { adapter.close() }
        let session = try CompileSession(project: project, warehouse: adapter)
        let manifest = try ManifestBuilder(session: session).build()
        let ids = (try? manifest.graph.topologicalOrder())?.filter { id in
            manifest.node(id).map { types.contains($0.resourceType) } ?? false
        } ?? []
        let runner = Runner(session: session, manifest: manifest, adapter: adapter,
                            options: .init(threads: threads, fullRefresh: fullRefresh), events: SilentEvents())
        var out: [String: NodeResult] = [:]
        for r in runner.run(ids) { out[manifest.node(r.uniqueID)?.name ?? r.uniqueID] = r }
        return out
    }

    /// Rows of a query on the warehouse file, as text.
    func query(_ sql: String) throws -> [[String]] {
        let profile = try SQLiteProfile(settings: ["schema": "main", "schema_directory": "."], schemasAndPaths: ["main": "warehouse.db"])
        let adapter = try SQLiteAdapter(profile: profile, baseDirectory: dir)
        defer { adapter.close() }
        return try adapter.execute(sql, fetch: true).rows.map { row in
            row.map { cell in
                switch cell {
                case .null: return "NULL"
                case .int(let i): return String(i)
                case .double(let d): return String(d)
                case .bool(let b): return b ? "true" : "false"
                case .string(let s): return s
                }
            }
        }
    }
}

struct SilentEvents: RunEventSink {
    func started(_ node: ManifestNode, index: Int, total: Int) {}
    func finished(_ node: ManifestNode, result: NodeResult, index: Int, total: Int) {}
    func skipped(_ node: ManifestNode, index: Int, total: Int) {}
}
