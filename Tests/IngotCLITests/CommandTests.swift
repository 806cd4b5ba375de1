import Foundation
import Testing

@Suite("ingot commands end to end")
struct CommandTests {
    let quickstart = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/quickstart").path

    @Test("--version answers")
    func version() throws {
        let out = try IngotRunner.run(["--version"], in: NSTemporaryDirectory())
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("ingot "))
    }

    @Test("compile writes compiled SQL for the quickstart project")
    func compileQuickstart() throws {
        let dir = try IngotRunner.project([:])
        let out = try IngotRunner.run(["compile", "--project-dir", quickstart, "--profiles-dir", quickstart], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        let compiled = quickstart + "/target/compiled/quickstart/models/marts/station_daily.sql"
        let sql = try String(contentsOfFile: compiled, encoding: .utf8)
        #expect(sql.contains("join main.\"stg_stations\" s") || sql.contains("join \"main\".\"stg_stations\" s"))
        #expect(FileManager.default.fileExists(atPath: quickstart + "/target/manifest.json"))
    }

    @Test("compile --inline --quiet prints nothing but the SQL")
    func inline() throws {
        let dir = try IngotRunner.project(["models/orders.sql": "select 1 as id"])
        let out = try IngotRunner.run(["compile", "--inline", "select * from {{ ref('orders') }} where {{ 1 + 1 }} = 2", "--quiet"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == "select * from main.\"orders\" where 2 = 2\n" || out.stdout == "select * from \"main\".\"orders\" where 2 = 2\n")
    }

    @Test("ls lists selected resources in each output format")
    func list() throws {
        let dir = try IngotRunner.project([
            "models/staging/stg_a.sql": "select 1 as id",
            "models/marts/b.sql": "select * from {{ ref('stg_a') }}",
            "models/schema.yml": "version: 2\nmodels:\n  - name: b\n    columns:\n      - name: id\n        data_tests: [not_null]\n",
        ])
        let selector = try IngotRunner.run(["ls", "-s", "+b", "--resource-type", "model"], in: dir)
        #expect(selector.status == 0, "\(selector.stderr)")
        #expect(selector.stdout == "proj.marts.b\nproj.staging.stg_a\n")
        let names = try IngotRunner.run(["ls", "-s", "b+", "--output", "name"], in: dir)
        #expect(names.stdout.split(separator: "\n").sorted() == ["b", "not_null_b_id"])
        let paths = try IngotRunner.run(["ls", "-s", "path:models/staging", "--output", "path"], in: dir)
        #expect(paths.stdout == "models/staging/stg_a.sql\n")
        let json = try IngotRunner.run(["ls", "-s", "stg_a", "--output", "json", "--output-keys", "name", "resource_type"], in: dir)
        #expect(json.stdout == "{\"name\": \"stg_a\", \"resource_type\": \"model\"}\n")
    }

    @Test("bad input exits 2 with the file and line", arguments: [
        (["models/a.sql": "select {{ ref('missing') }}"], "models/a.sql", "'missing' which was not found"),
        (["models/a.sql": "select\n{% if %}"], "models/a.sql:2", "Compilation Error"),
        (["models/a.yml": "version: 2\nmodels:\n  - name: [oops\n"], "models/a.yml", "invalid YAML"),
        (["models/a.sql": "{{ config(materialized='nope') }}select 1"], "models/a.sql", "No materialization 'nope'"),
    ])
    func badInput(_ files: [String: String], _ location: String, _ message: String) throws {
        let dir = try IngotRunner.project(files)
        let out = try IngotRunner.run(["compile"], in: dir)
        #expect(out.status == 2, "\(out.stdout)\(out.stderr)")
        #expect(out.stderr.contains(location), "\(out.stderr)")
        #expect(out.stderr.contains(message), "\(out.stderr)")
    }

    @Test("a missing dbt_project.yml exits 2 and says so")
    func missingProject() throws {
        let dir = NSTemporaryDirectory() + "ingot-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let out = try IngotRunner.run(["parse"], in: dir)
        #expect(out.status == 2)
        #expect(out.stderr.contains("dbt_project.yml"))
    }

    @Test("--vars reach var() and a malformed --vars is an error")
    func vars() throws {
        let dir = try IngotRunner.project(["models/a.sql": "select '{{ var(\"day\") }}' as d"])
        let ok = try IngotRunner.run(["compile", "--inline", "{{ var('day') }}", "--vars", "{day: '2024-05-01'}", "--quiet"], in: dir)
        #expect(ok.stdout == "2024-05-01\n", "\(ok.stderr)")
        let bad = try IngotRunner.run(["compile", "--vars", "[1, 2]"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--vars"))
    }

    @Test("clean deletes the target directory, init creates a project that compiles")
    func cleanAndInit() throws {
        let dir = try IngotRunner.project([:])
        let initialized = try IngotRunner.run(["init", "shop"], in: dir)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let compiled = try IngotRunner.run(["compile", "--project-dir", "shop", "--profiles-dir", "shop"], in: dir)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/shop/target/compiled/shop/models/example/my_second_model.sql"))
        let cleaned = try IngotRunner.run(["clean", "--project-dir", "shop", "--profiles-dir", "shop"], in: dir)
        #expect(cleaned.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/shop/target"))
    }

    @Test("--log-format json prints one JSON object per line")
    func jsonLogs() throws {
        let dir = try IngotRunner.project(["models/a.sql": "select 1"])
        let out = try IngotRunner.run(["parse", "--log-format", "json"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        for line in out.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["msg"] != nil)
        }
    }
}

@Suite("ingot build end to end")
struct BuildCommandTests {
    private func project(_ files: [String: String]) throws -> String {
        var all = files
        all["profiles.yml"] = """
            proj:
              target: dev
              outputs:
                dev: {type: sqlite, threads: 2, schema: main, schemas_and_paths: {main: target/w.db}, schema_directory: target}
            """
        return try IngotRunner.project(all)
    }

    @Test("build prints dbt-style progress and the summary, writes run_results.json")
    func build() throws {
        let dir = try project([
            "seeds/s.csv": "id\n1\n2\n",
            "models/m.sql": "select id from {{ ref('s') }}",
            "models/schema.yml": "version: 2\nmodels:\n  - name: m\n    columns:\n      - name: id\n        data_tests: [unique]\n",
        ])
        let out = try IngotRunner.run(["build"], in: dir)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("1 of 3 START seed file main.s"))
        #expect(out.stdout.contains("OK created sql view model main.m"))
        #expect(out.stdout.contains("PASS unique_m_id"))
        #expect(out.stdout.contains("Done. PASS=3 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=3"))
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/target/run_results.json"))) as? [String: Any]
        #expect((results?["results"] as? [Any])?.count == 3)
    }

    @Test("a model with a SQL error exits 1, names the model and file, and skips what depends on it")
    func failingModel() throws {
        let dir = try project([
            "models/bad.sql": "select nope from nowhere",
            "models/after.sql": "select * from {{ ref('bad') }}",
            "models/fine.sql": "select 1 as x",
        ])
        let out = try IngotRunner.run(["run"], in: dir)
        #expect(out.status == 1)
        #expect(out.stderr.contains("Database Error in model bad (models/bad.sql)"), "\(out.stderr)")
        #expect(out.stderr.contains("no such table: main.nowhere"))
        #expect(out.stderr.contains("select nope from nowhere"))
        #expect(out.stdout.contains("SKIP relation"))
        #expect(out.stdout.contains("OK created sql view model main.fine"))
        #expect(out.stdout.contains("ERROR=1 SKIP=1"))
    }

    @Test("--log-format json prints one object per node event")
    func jsonEvents() throws {
        let dir = try project(["models/m.sql": "select 1 as x"])
        let out = try IngotRunner.run(["run", "--log-format", "json"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        let events = out.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(events.contains { $0["name"] as? String == "NodeFinished" && $0["node"] as? String == "model.proj.m" && $0["status"] as? String == "success" })
    }
}

@Suite("on-run-start and on-run-end")
struct ProjectHookTests {
    @Test("project hooks run before and after the nodes, rendered with Jinja")
    func hooks() throws {
        let dir = try IngotRunner.project([
            "dbt_project.yml": """
                name: proj
                version: '1.0'
                profile: proj
                on-run-start: ["create table if not exists audit (event text)", "insert into audit values ('start {{ target.name }}')"]
                on-run-end: "insert into audit values ('end')"
                """,
            "profiles.yml": "proj:\n  target: dev\n  outputs:\n    dev: {type: sqlite, threads: 1, schema: main, schemas_and_paths: {main: target/w.db}, schema_directory: target}\n",
            "models/m.sql": "select count(*) as n from audit",
        ])
        let out = try IngotRunner.run(["run"], in: dir)
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.stdout.contains("Running 2 on-run-start hooks"))
        #expect(out.stdout.contains("OK hook: proj.on-run-end.0"))
        let show = try IngotRunner.run(["compile", "--inline", "select 1"], in: dir)
        #expect(show.status == 0)
    }
}
