import Foundation
import Testing

/// The artifacts of a real `ingot build` parse with dbt-artifacts-parser (dbt's published
/// schemas), so tools that read dbt's artifacts read ingot's. Needs `INGOT_PYTHON` pointing to a
/// Python with requirements-dev.txt installed (scripts/test.sh sets it); skipped otherwise.
@Suite("Artifacts validate against dbt's schemas")
struct ArtifactValidationTests {
    static let python = ProcessInfo.processInfo.environment["INGOT_PYTHON"]

    @Test("manifest.json (v12) and run_results.json (v6) of a build", .enabled(if: python != nil, "INGOT_PYTHON not set (a Python with dbt-artifacts-parser installed)"))
    func build() throws {
        let dir = try IngotRunner.project([
            "profiles.yml": "proj:\n  target: dev\n  outputs:\n    dev: {type: sqlite, threads: 2, schema: main, schemas_and_paths: {main: target/w.db}, schema_directory: target}\n",
            "seeds/s.csv": "id,name\n1,a\n2,b\n",
            "models/m.sql": "{{ config(materialized='table') }}select * from {{ ref('s') }}",
            "models/v.sql": "select id from {{ ref('m') }}",
            "models/schema.yml": "version: 2\nmodels:\n  - name: m\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n",
        ])
        let out = try IngotRunner.run(["build"], in: dir)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/validate_artifacts.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python!)
        process.arguments = [script, dir + "/target/manifest.json", dir + "/target/run_results.json"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }
}
