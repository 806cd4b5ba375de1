import Foundation
import Testing

@Suite("ingot retry")
struct RetryCommandTests {
    private func results(_ dir: String) throws -> (which: String?, statuses: [String: String]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/target/run_results.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var statuses: [String: String] = [:]
        for r in root["results"] as? [[String: Any]] ?? [] { statuses[r["unique_id"] as! String] = r["status"] as? String }
        return ((root["args"] as? [String: Any])?["which"] as? String, statuses)
    }

    @Test("without a previous run_results.json: an error, exit 2")
    func noPreviousRun() throws {
        let dir = try IngotRunner.sqliteProject(["models/a.sql": "select 1 as id"])
        let out = try IngotRunner.run(["retry"], in: dir)
        #expect(out.status == 2)
        #expect(out.stderr.contains("Could not find previous run in 'target' target directory"), "\(out.stderr)")
    }

    @Test("re-runs only what errored or was skipped, then has nothing to do")
    func rerunsFailures() throws {
        let dir = try IngotRunner.sqliteProject([
            "models/good.sql": "select 1 as id",
            "models/bad.sql": "select * from not_there_yet",
            "models/down.sql": "select * from {{ ref('bad') }}",
        ])
        let first = try IngotRunner.run(["run"], in: dir)
        #expect(first.status == 1)
        #expect(try results(dir).statuses == ["model.proj.good": "success", "model.proj.bad": "error", "model.proj.down": "skipped"])

        // Still failing: the same two nodes are tried again, exit 1.
        let again = try IngotRunner.run(["retry"], in: dir)
        #expect(again.status == 1)
        #expect(again.stdout.contains("1 of 2 START sql view model main.bad"), "\(again.stdout)")
        #expect(!again.stdout.contains("main.good"))

        try "select 2 as id".write(toFile: dir + "/models/bad.sql", atomically: true, encoding: .utf8)
        let fixed = try IngotRunner.run(["retry"], in: dir)
        #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
        #expect(fixed.stdout.contains("Done. PASS=2 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=2"), "\(fixed.stdout)")
        let after = try results(dir)
        #expect(after.which == "run")
        #expect(after.statuses == ["model.proj.bad": "success", "model.proj.down": "success"])

        let nothing = try IngotRunner.run(["retry"], in: dir)
        #expect(nothing.status == 0)
        #expect(nothing.stdout.contains("Nothing to do"), "\(nothing.stdout)")
    }

    @Test("retrying a build re-runs the failed test and what it skipped, with build's semantics")
    func retryBuild() throws {
        let dir = try IngotRunner.sqliteProject([
            "seeds/s.csv": "id\n1\n2\n",
            "models/m.sql": "select id from {{ ref('s') }}",
            "models/after.sql": "select * from {{ ref('m') }}",
            "tests/assert_m.sql": "select * from {{ ref('m') }} where id = 1",
        ])
        let first = try IngotRunner.run(["build"], in: dir)
        #expect(first.status == 1)
        let before = try results(dir).statuses
        #expect(before["test.proj.assert_m"] == "fail", "\(before)")
        #expect(before["model.proj.after"] == "skipped", "\(before)")

        try "select * from {{ ref('m') }} where id = 99".write(toFile: dir + "/tests/assert_m.sql", atomically: true, encoding: .utf8)
        let retried = try IngotRunner.run(["retry"], in: dir)
        #expect(retried.status == 0, "\(retried.stdout)\(retried.stderr)")
        let after = try results(dir)
        #expect(after.which == "build")
        #expect(after.statuses == ["test.proj.assert_m": "pass", "model.proj.after": "success"], "\(after.statuses)")
    }
}
