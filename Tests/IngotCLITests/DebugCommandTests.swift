import Foundation
import Testing

@Suite("ingot debug")
struct DebugCommandTests {
    @Test("opens the warehouse and runs select 1")
    func connectionOK() throws {
        let dir = try IngotRunner.sqliteProject(["models/a.sql": "select 1 as id"])
        let out = try IngotRunner.run(["debug"], in: dir)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("  Connection test: [OK connection ok]"), "\(out.stdout)")
        #expect(out.stdout.contains("All checks passed!"))
    }

    @Test("a database that cannot be opened: [ERROR] with the reason, exit 1")
    func connectionError() throws {
        let dir = try IngotRunner.sqliteProject([
            "models/a.sql": "select 1 as id",
            "profiles.yml": """
                proj:
                  target: dev
                  outputs:
                    dev: {type: sqlite, threads: 1, schema: main, schemas_and_paths: {main: /nonexistent-ingot-dir/w.db}}
                """,
        ])
        let out = try IngotRunner.run(["debug"], in: dir)
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("  Connection test: [ERROR]"), "\(out.stdout)")
        #expect(out.stdout.contains("1 check failed:"))
        #expect(out.stdout.contains("nonexistent-ingot-dir"), "\(out.stdout)")
        #expect(!out.stdout.contains("All checks passed!"))
    }
}
