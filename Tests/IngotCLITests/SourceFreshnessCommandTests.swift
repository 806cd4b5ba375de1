import Foundation
import Testing

@Suite("ingot source freshness")
struct SourceFreshnessCommandTests {
    static let files = [
        "models/sources.yml": """
            version: 2
            sources:
              - name: raw
                schema: main
                loaded_at_field: loaded_at
                freshness:
                  warn_after: {count: 1, period: hour}
                  error_after: {count: 2, period: day}
                tables:
                  - name: events
                  - name: stale
                  - name: recent
                    loaded_at_field: ts
                    freshness:
                      warn_after: {count: 1, period: day}
                      filter: "id > 0"
                  - name: iso
                    freshness:
                      warn_after: {count: 10, period: minute}
                  - name: unchecked
                    freshness: null
                  - name: missing
            """,
        "macros/setup.sql": """
            {% macro setup() %}
              {% do run_query("create table events as select datetime('now', '-3 hours') as loaded_at") %}
              {% do run_query("create table stale as select datetime('now', '-3 days') as loaded_at") %}
              {% do run_query("create table recent as select 1 as id, datetime('now') as ts union all select 0, datetime('now', '-5 days')") %}
              {% do run_query("create table iso as select strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-30 minutes') as loaded_at") %}
              {% do run_query("create table unchecked as select 1 as x") %}
            {% endmacro %}
            """,
    ]

    private func results(_ dir: String) throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/target/sources.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let meta = try #require(root["metadata"] as? [String: Any])
        #expect(meta["dbt_schema_version"] as? String == "https://schemas.getdbt.com/dbt/sources/v3.json")
        var out: [String: [String: Any]] = [:]
        for r in root["results"] as? [[String: Any]] ?? [] { out[r["unique_id"] as! String] = r }
        return out
    }

    @Test("pass, warn, error and runtime error by the thresholds; sources.json; exit 1")
    func statuses() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        #expect(try IngotRunner.run(["run-operation", "setup"], in: dir).status == 0)
        let out = try IngotRunner.run(["source", "freshness"], in: dir)
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("1 of 5 START freshness of raw.events"), "\(out.stdout)")
        #expect(out.stdout.contains("WARN freshness of raw.events ...") && out.stdout.contains("[WARN in "))
        #expect(out.stdout.contains("ERROR STALE freshness of raw.stale"))
        #expect(out.stdout.contains("PASS freshness of raw.recent"))
        #expect(out.stdout.contains("WARN freshness of raw.iso"))
        #expect(out.stdout.contains("ERROR freshness of raw.missing"))
        #expect(!out.stdout.contains("raw.unchecked"))
        #expect(out.stdout.contains("Finished running 5 sources in 0 hours 0 minutes and"))
        #expect(out.stderr.contains("Failure in source stale (models/sources.yml)\n  Status: error"), "\(out.stderr)")
        #expect(out.stderr.contains("Runtime Error in source missing (models/sources.yml)"))

        let r = try results(dir)
        #expect(r.count == 5)
        let events = try #require(r["source.proj.raw.events"])
        #expect(events["status"] as? String == "warn")
        let age = try #require(events["max_loaded_at_time_ago_in_s"] as? Double)
        #expect(abs(age - 3 * 3600) < 120, "\(age)")
        #expect((events["max_loaded_at"] as? String)?.hasSuffix("+00:00") == true)
        #expect((events["snapshotted_at"] as? String)?.hasSuffix("+00:00") == true)
        let criteria = try #require(r["source.proj.raw.recent"]?["criteria"] as? [String: Any])
        // The table's warn_after over the source's; error_after inherited; the table's filter.
        #expect((criteria["warn_after"] as? [String: Any])?["period"] as? String == "day")
        #expect((criteria["error_after"] as? [String: Any])?["count"] as? Int == 2)
        #expect(criteria["filter"] as? String == "id > 0")
        #expect(r["source.proj.raw.recent"]?["status"] as? String == "pass")
        #expect(r["source.proj.raw.stale"]?["status"] as? String == "error")
        #expect(r["source.proj.raw.missing"]?["status"] as? String == "runtime error")
        #expect((r["source.proj.raw.missing"]?["error"] as? String)?.contains("no such table") == true)
        for key in ["adapter_response", "timing", "thread_id", "execution_time"] {
            #expect(events[key] != nil, "\(key)")
        }
    }

    @Test("-s source:raw.recent checks one table; all passing exits 0")
    func selection() throws {
        let dir = try IngotRunner.sqliteProject(Self.files)
        #expect(try IngotRunner.run(["run-operation", "setup"], in: dir).status == 0)
        let out = try IngotRunner.run(["source", "freshness", "-s", "source:raw.recent"], in: dir)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("1 of 1 PASS freshness of raw.recent"))
        #expect(try results(dir).keys.sorted() == ["source.proj.raw.recent"])
    }
}
