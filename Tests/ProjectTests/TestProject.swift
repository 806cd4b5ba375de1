import Foundation
@testable import Project

/// Writes an inline fixture project into a fresh temporary directory.
struct TestProject {
    let dir: String

    init(_ files: [String: String]) throws {
        dir = NSTemporaryDirectory() + "ingot-project-tests-" + UUID().uuidString
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    static let profiles = """
        proj:
          target: dev
          outputs:
            dev: {type: sqlite, path: db.sqlite, schema: main, threads: 4}
            prod: {type: postgres, host: "{{ env_var('PGHOST', 'localhost') }}", port: "{{ env_var('PGPORT', '5432') | as_number }}"}
        """

    static func project(_ extra: String = "") -> String {
        "name: proj\nversion: '1.0'\nprofile: proj\n" + extra
    }

    func load(target: String? = nil, vars: ConfigMap = [:], env: [String: String] = [:], profilesDir: String? = nil)
        throws(ProjectError) -> LoadedProject
    {
        try ProjectLoader.load(LoadOptions(
            projectDir: dir, profilesDir: profilesDir, target: target, cliVars: vars,
            environment: env.merging(["HOME": dir + "/nohome"]) { a, _ in a }))
    }

    /// The error `load` throws, or nil.
    func loadError(env: [String: String] = [:], target: String? = nil) -> ProjectError? {
        do {
            _ = try load(target: target, env: env)
            return nil
        } catch {
            return error
        }
    }
}
