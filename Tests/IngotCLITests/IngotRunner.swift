import Foundation

/// Runs the built `ingot` executable in a fixture project and captures what it prints.
struct IngotRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `ingot` binary next to the test bundle (SwiftPM builds it for this test target).
    static var binary: String {
        let products = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/ingot").path
        return products
    }

    /// Runs `ingot args…` with the given working directory.
    static func run(_ args: [String], in directory: String, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = directory + "/nohome"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes a fixture project (with a SQLite profile) into a new temporary directory.
    static func project(_ files: [String: String]) throws -> String {
        let dir = NSTemporaryDirectory() + "ingot-cli-tests-" + UUID().uuidString
        var all = files
        if all["dbt_project.yml"] == nil { all["dbt_project.yml"] = "name: proj\nversion: '1.0'\nprofile: proj\n" }
        if all["profiles.yml"] == nil {
            all["profiles.yml"] = "proj:\n  target: dev\n  outputs:\n    dev: {type: sqlite, schema: main, threads: 2}\n"
        }
        for (path, text) in all {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }
}
