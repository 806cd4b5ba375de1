import Compile
import Foundation
import Project
import Testing

/// `target/manifest.json` in dbt's manifest v12 format: structure checked here, and (with
/// `INGOT_PYTHON` set) validated against dbt's schema by `scripts/validate_artifacts.py`.
@Suite("Writing manifest.json (dbt manifest v12)")
struct ManifestWriterTests {
    /// A project with one of everything the manifest records.
    static let files: [String: String] = [
        "seeds/countries.csv": "code,name\nNL,Netherlands\n",
        "models/a.sql": "{{ config(materialized='table', dist='even') }}select 1 as id, {{ cents('amount') }} as amount",
        "models/b.sql": "select * from {{ ref('a') }} join {{ source('raw', 'events') }} using (id)",
        "models/disabled_one.sql": "{{ config(enabled=false) }}select 1 as id",
        "models/schema.yml": """
            version: 2
            models:
              - name: a
                description: "{{ doc('a_doc') }}"
                columns:
                  - name: id
                    description: The key.
                    data_type: integer
                    constraints: [{type: not_null}]
                    data_tests: [unique, not_null]
                  - name: amount
                    data_tests:
                      - accepted_values: {values: [1, 2]}
            sources:
              - name: raw
                loader: manual
                freshness: {warn_after: {count: 12, period: hour}}
                loaded_at_field: loaded_at
                tables:
                  - name: events
                    description: Raw "events"\twith a tab.
                    columns: [{name: id, data_tests: [not_null]}]
            exposures:
              - name: dash
                type: dashboard
                maturity: high
                owner: {name: Me, email: me@example.com}
                depends_on: [ref('b')]
            macros:
              - name: cents
                description: Cents to units.
                arguments: [{name: col, type: string, description: a column}]
            """,
        "models/docs.md": "{% docs a_doc %}\nThe **a** model.\n{% enddocs %}\n",
        "macros/cents.sql": "{% macro cents(col) %}({{ col }} / 100){% endmacro %}\n",
        "snapshots/snap.sql": """
            {% snapshot snap %}
            {{ config(target_schema='snapshots', unique_key='id', strategy='timestamp', updated_at='updated_at') }}
            select * from {{ ref('a') }}
            {% endsnapshot %}
            """,
        "tests/assert_b.sql": "select * from {{ ref('b') }} where id < 0",
        "analyses/explore.sql": "select count(*) from {{ ref('b') }}",
    ]

    /// The fixture's manifest, with `b` and every test compiled, written to its `target/`.
    static func writeManifest() throws -> (path: String, manifest: Manifest) {
        let fixture = try CompileFixture(files)
        let session = try fixture.session()
        var manifest = try ManifestBuilder(session: session).build()
        let compiler = Compiler(session: session, manifest: manifest)
        let ids = manifest.nodes.filter { $0.name == "b" || $0.resourceType == .test }.map(\.uniqueID)
        for node in try compiler.compile(ids) { manifest.update(node) }
        let path = fixture.dir + "/target/manifest.json"
        try ManifestWriter.write(manifest: manifest, session: session, to: path)
        return (path, manifest)
    }

    static func load(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("top-level keys and metadata")
    func topLevel() throws {
        let json = try Self.load(try Self.writeManifest().path)
        #expect(Set(json.keys) == [
            "metadata", "nodes", "sources", "macros", "docs", "exposures", "metrics", "groups", "selectors",
            "disabled", "parent_map", "child_map", "group_map", "saved_queries", "semantic_models", "unit_tests",
            "functions",
        ])
        let metadata = try #require(json["metadata"] as? [String: Any])
        #expect(metadata["dbt_schema_version"] as? String == "https://schemas.getdbt.com/dbt/manifest/v12.json")
        #expect(metadata["project_name"] as? String == "proj")
        #expect(metadata["project_id"] as? String == MD5.hex("proj"))
        #expect(metadata["adapter_type"] as? String == "sqlite")
        #expect(metadata["user_id"] is NSNull)
        #expect(metadata["send_anonymous_usage_stats"] as? Bool == false)
    }

    @Test("every node, with the keys of its resource type")
    func nodes() throws {
        let (path, manifest) = try Self.writeManifest()
        let json = try Self.load(path)
        let nodes = try #require(json["nodes"] as? [String: [String: Any]])
        #expect(nodes.count == manifest.nodes.count)
        #expect(Set(nodes.keys) == Set(manifest.nodes.map(\.uniqueID)))
        let counts = Dictionary(grouping: nodes.values, by: { $0["resource_type"] as? String ?? "?" }).mapValues(\.count)
        #expect(counts["model"] == 2 && counts["seed"] == 1 && counts["snapshot"] == 1 && counts["analysis"] == 1)
        #expect(counts["test"] == 5)

        let a = try #require(nodes["model.proj.a"])
        for key in ["database", "schema", "name", "resource_type", "package_name", "path", "original_file_path",
                    "unique_id", "fqn", "alias", "checksum", "config", "tags", "description", "columns", "meta",
                    "group", "docs", "patch_path", "build_path", "unrendered_config", "created_at", "relation_name",
                    "raw_code", "doc_blocks", "language", "refs", "sources", "metrics", "depends_on",
                    "compiled_path", "contract", "access", "constraints", "version", "latest_version",
                    "deprecation_date", "primary_key", "time_spine"] {
            #expect(a.keys.contains(key), "model node lacks \(key)")
        }
        let config = try #require(a["config"] as? [String: Any])
        #expect(config["materialized"] as? String == "table")
        #expect(config["dist"] as? String == "even")
        #expect(config["on_configuration_change"] as? String == "apply")
        #expect((config["contract"] as? [String: Any])?["enforced"] as? Bool == false)
        #expect(a["description"] as? String == "The **a** model.")
        #expect(a["doc_blocks"] as? [String] == ["doc.proj.a_doc"])
        #expect(a["patch_path"] as? String == "proj://models/schema.yml")
        #expect(a["primary_key"] as? [String] == ["id"])
        let column = try #require((a["columns"] as? [String: [String: Any]])?["id"])
        #expect(column["data_type"] as? String == "integer")
        #expect((column["constraints"] as? [[String: Any]])?.first?["type"] as? String == "not_null")
        #expect(a["compiled"] == nil)

        let b = try #require(nodes["model.proj.b"])
        #expect(b["compiled"] as? Bool == true)
        #expect(b["compiled_path"] as? String == "target/compiled/proj/models/b.sql")
        #expect((b["compiled_code"] as? String)?.contains("\"a\"") == true)
        let refs = try #require(b["refs"] as? [[String: Any]])
        #expect(refs.first?["name"] as? String == "a")
        #expect(b["sources"] as? [[String]] == [["raw", "events"]])

        let seed = try #require(nodes["seed.proj.countries"])
        #expect(seed["language"] == nil && seed["refs"] == nil && seed["root_path"] is String)
        #expect((seed["config"] as? [String: Any])?["delimiter"] as? String == ",")

        let snapshot = try #require(nodes["snapshot.proj.snap"])
        #expect((snapshot["config"] as? [String: Any])?["strategy"] as? String == "timestamp")
        #expect(snapshot["access"] == nil)

        let unique = try #require(nodes.values.first { $0["name"] as? String == "unique_a_id" })
        let metadata = try #require(unique["test_metadata"] as? [String: Any])
        #expect(metadata["name"] as? String == "unique")
        #expect((metadata["kwargs"] as? [String: Any])?["column_name"] as? String == "id")
        #expect(unique["attached_node"] as? String == "model.proj.a")
        #expect(unique["file_key_name"] as? String == "models.a")
        #expect(unique["column_name"] as? String == "id")
        #expect(unique["compiled_path"] as? String == "target/compiled/proj/models/schema.yml/unique_a_id.sql")
        #expect((unique["config"] as? [String: Any])?["severity"] as? String == "ERROR")

        let singular = try #require(nodes["test.proj.assert_b"])
        #expect(singular["test_metadata"] == nil)
        #expect(singular["compiled_path"] as? String == "target/compiled/proj/tests/assert_b.sql")

        let disabled = try #require(json["disabled"] as? [String: [[String: Any]]])
        #expect(disabled["model.proj.disabled_one"]?.first?["config"].flatMap { ($0 as? [String: Any])?["enabled"] } as? Bool == false)
    }

    @Test("sources, exposures, macros and docs")
    func otherResources() throws {
        let json = try Self.load(try Self.writeManifest().path)
        let source = try #require((json["sources"] as? [String: [String: Any]])?["source.proj.raw.events"])
        #expect(source["description"] as? String == "Raw \"events\"\twith a tab.")
        #expect(source["loader"] as? String == "manual")
        let freshness = try #require(source["freshness"] as? [String: Any])
        #expect((freshness["warn_after"] as? [String: Any])?["count"] as? Int == 12)
        #expect((freshness["error_after"] as? [String: Any])?["count"] is NSNull)

        let exposure = try #require((json["exposures"] as? [String: [String: Any]])?["exposure.proj.dash"])
        #expect((exposure["depends_on"] as? [String: Any])?["nodes"] as? [String] == ["model.proj.b"])
        #expect((exposure["owner"] as? [String: Any])?["email"] as? String == "me@example.com")

        let macros = try #require(json["macros"] as? [String: [String: Any]])
        let cents = try #require(macros["macro.proj.cents"])
        #expect(cents["macro_sql"] as? String == "{% macro cents(col) %}({{ col }} / 100){% endmacro %}")
        #expect(cents["description"] as? String == "Cents to units.")
        #expect(cents["patch_path"] as? String == "proj://models/schema.yml")
        #expect((cents["arguments"] as? [[String: Any]])?.first?["type"] as? String == "string")
        #expect(macros["macro.dbt.generate_schema_name"] != nil)
        let builtinSQL = try #require(macros["macro.dbt.generate_schema_name"]?["macro_sql"] as? String)
        #expect(builtinSQL.hasPrefix("{%") && builtinSQL.hasSuffix("%}"))

        let doc = try #require((json["docs"] as? [String: [String: Any]])?["doc.proj.a_doc"])
        #expect(doc["block_contents"] as? String == "The **a** model.")
        #expect(doc["original_file_path"] as? String == "models/docs.md")
    }

    @Test("parent and child maps")
    func graphMaps() throws {
        let (path, manifest) = try Self.writeManifest()
        let json = try Self.load(path)
        let parents = try #require(json["parent_map"] as? [String: [String]])
        let children = try #require(json["child_map"] as? [String: [String]])
        let ids = Set(manifest.nodes.map(\.uniqueID) + manifest.sources.map(\.uniqueID) + manifest.exposures.map(\.uniqueID))
        #expect(Set(parents.keys) == ids)
        #expect(Set(children.keys) == ids)
        #expect(parents["model.proj.b"] == ["model.proj.a", "source.proj.raw.events"])
        #expect(parents["exposure.proj.dash"] == ["model.proj.b"])
        let childrenOfA = try #require(children["model.proj.a"])
        #expect(childrenOfA.contains("model.proj.b") && childrenOfA.contains("snapshot.proj.snap"))
        #expect(childrenOfA.filter { $0.hasPrefix("test.") }.count == 3)
        #expect(children["model.proj.b"]?.contains("exposure.proj.dash") == true)
        // Every edge appears in both maps.
        for (child, ps) in parents {
            for p in ps { #expect(children[p]?.contains(child) == true, "\(p) -> \(child)") }
        }
    }

    @Test("the output is JSON that round-trips the trickiest strings")
    func escaping() throws {
        let json = try Self.load(try Self.writeManifest().path)
        let nodes = try #require(json["nodes"] as? [String: [String: Any]])
        let snapshot = try #require(nodes["snapshot.proj.snap"])
        #expect((snapshot["raw_code"] as? String)?.contains("\n") == true)
    }

    // Validation against dbt's schema needs Python with dbt-artifacts-parser
    // (pip install -r requirements-dev.txt). Without INGOT_PYTHON this test is reported as
    // skipped, with the reason below.
    @Test("validates against dbt's manifest v12 schema (dbt-artifacts-parser)",
          .enabled(if: ProcessInfo.processInfo.environment["INGOT_PYTHON"] != nil,
                   "INGOT_PYTHON not set (a Python with dbt-artifacts-parser installed)"))
    func schemaValidation() throws {
        let python = try #require(ProcessInfo.processInfo.environment["INGOT_PYTHON"])
        let path = try Self.writeManifest().path
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/validate_artifacts.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(message)")
    }

    // Timing on a real project (also writes <dir>/target/ingot-manifest.json for comparison with
    // dbt's): INGOT_BENCH_PROJECT=<dir with profiles.yml> swift test -c release --filter encodeTiming
    @Test("encode time on a large project", .enabled(if: ProcessInfo.processInfo.environment["INGOT_BENCH_PROJECT"] != nil))
    func encodeTiming() throws {
        let dir = try #require(ProcessInfo.processInfo.environment["INGOT_BENCH_PROJECT"])
        let project = try ProjectLoader.load(LoadOptions(projectDir: dir, profilesDir: dir, target: "sqlite"))
        let session = try CompileSession(project: project)
        let manifest = try ManifestBuilder(session: session).build()
        var best = Double.infinity
        var size = 0
        for _ in 0..<5 {
            let start = DispatchTime.now().uptimeNanoseconds
            size = try ManifestWriter.json(manifest: manifest, session: session).count
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        try ManifestWriter.write(manifest: manifest, session: session, to: dir + "/target/ingot-manifest.json")
        print("manifest: \(manifest.nodes.count) nodes, \(size / 1_000_000) MB, best of 5: \(String(format: "%.1f", best)) ms")
    }
}
