import Foundation
import Testing
@testable import Project

@Suite("Project loading")
struct ProjectLoaderTests {
    static let base: [String: String] = [
        "dbt_project.yml": TestProject.project(),
        "profiles.yml": TestProject.profiles,
        "models/staging/stg_a.sql": "  select 1 as id\n",
        "models/staging/_stg.yml": """
            version: 2
            models:
              - name: stg_a
                description: "{{ doc('stg_a') }}"
                config: {schema: "{{ env_var('SCHEMA_X', 'fallback') }}"}
                columns:
                  - name: id
                    data_type: integer
                    constraints: [{type: not_null}]
                    data_tests:
                      - unique
                      - accepted_values: {values: [1, 2], severity: warn}
                      - accepted_values:
                          arguments: {values: [1]}
                          config: {where: "id > 0"}
                      - name: custom_name
                        test_name: relationships
                        arguments: {to: "ref('x')", field: id}
                tests:
                  - dbt_utils.expression_is_true: {expression: "id > 0"}
            sources:
              - name: raw
                schema: main
                loader: csv
                freshness: {warn_after: {count: 1, period: day}, filter: "x = 1"}
                tables:
                  - name: orders
                    identifier: raw_orders
                    external: {location: "s3://bucket/orders/", file_format: jsonl}
                    freshness: null
                    columns:
                      - name: id
                        tests: [not_null]
            exposures:
              - name: dash
                type: dashboard
                owner: {name: me}
                depends_on: ["ref('stg_a')"]
            macros:
              - name: m1
                arguments: [{name: a, type: string}]
            """,
        "models/docs.md": "intro\n{% docs stg_a %}\nThe staging model.\n{% enddocs %}\n\n{%- docs other -%} x {%- enddocs -%}\n",
        "seeds/s1.csv": "id\n1\n",
        "snapshots/sub/snapfile.sql": "{% snapshot snap_one %}select 1{% endsnapshot %}",
        "tests/assert_x.sql": "select 1",
        "tests/generic/my_test.sql": "{% test my_test(model) %}select 1{% endtest %}",
        "analyses/sub/an1.sql": "select 1",
        "macros/m.sql": "{% macro m1(a) %}{{ a }}{% endmacro %}",
        "models/py_model.py": "def model(dbt, session): pass",
    ]

    @Test("files, fqns and checksums as dbt builds them")
    func files() throws {
        let p = try TestProject(Self.base).load()
        let byID = Dictionary(uniqueKeysWithValues: p.files.map { ("\($0.resourceType.rawValue):\($0.originalFilePath)", $0) })
        #expect(byID["model:models/staging/stg_a.sql"]?.fqn == ["proj", "staging", "stg_a"])
        #expect(byID["model:models/staging/stg_a.sql"]?.path == "staging/stg_a.sql")
        #expect(byID["seed:seeds/s1.csv"]?.fqn == ["proj", "s1"])
        #expect(byID["analysis:analyses/sub/an1.sql"]?.fqn == ["proj", "analysis", "sub", "an1"])
        #expect(byID["snapshot:snapshots/sub/snapfile.sql"]?.fqn(forBlockNamed: "snap_one") == ["proj", "sub", "snapfile", "snap_one"])
        #expect(byID["test:tests/assert_x.sql"]?.fqn == ["proj", "assert_x"])
        #expect(byID["test:tests/generic/my_test.sql"]?.isGenericTestFile == true)
        #expect(byID["macro:macros/m.sql"] != nil)
        #expect(byID["model:models/py_model.py"]?.isSupported == false)
        #expect(p.warnings.contains { $0.kind == .unsupported })
        // dbt's checksum is the SHA-256 of the stripped contents: sha256("select 1 as id").
        #expect(byID["model:models/staging/stg_a.sql"]?.checksum.checksum == SHA256.hex(Array("select 1 as id".utf8)))
    }

    @Test("SHA-256 known answers")
    func sha() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(String(repeating: "x", count: 100).utf8)) == "09ecb6ebc8bcefc733f6f2ec44f791abeed6a99edf0cc31519637898aebd52d8")
    }

    @Test("properties YAML and every test spelling")
    func properties() throws {
        let p = try TestProject(Self.base).load(env: ["SCHEMA_X": "from_env"])
        let file = try #require(p.properties.first)
        let model = try #require(file.models.first)
        #expect(model.description == "{{ doc('stg_a') }}")
        #expect(model.config["schema"] == "from_env")
        #expect(model.columns[0].dataType == "integer")
        #expect(model.columns[0].constraints == [["type": "not_null"]])
        let tests = model.allTests
        #expect(tests.map(\.qualifiedName) == ["dbt_utils.expression_is_true", "unique", "accepted_values", "accepted_values", "relationships"])
        #expect(tests[0].namespace == "dbt_utils" && tests[0].arguments == ["expression": "id > 0"] && tests[0].usesTopLevelArguments)
        #expect(tests[1].columnName == "id" && tests[1].attachedTo == .model(name: "stg_a", version: nil))
        #expect(tests[2].arguments == ["values": [1, 2]] && tests[2].config == ["severity": "warn"])
        #expect(tests[3].arguments == ["values": [1]] && tests[3].config == ["where": "id > 0"] && !tests[3].usesTopLevelArguments)
        #expect(tests[4].customName == "custom_name" && tests[4].arguments == ["to": "ref('x')", "field": "id"])
        #expect(tests[1].location.line == 11)

        let source = try #require(file.sources.first)
        #expect(source.freshness == .policy(FreshnessPolicy(warnAfter: .init(count: 1, period: "day"), filter: "x = 1")))
        #expect(source.tables[0].freshness == .disabled)
        #expect(source.tables[0].external == ["location": "s3://bucket/orders/", "file_format": "jsonl"])
        #expect(source.tables[0].allTests.first?.attachedTo == .source(sourceName: "raw", tableName: "orders"))
        #expect(file.folderParts == ["staging"])
        #expect(file.exposures.first?.dependsOn == ["ref('stg_a')"])
        #expect(file.macros.first?.arguments.first?.type == "string")
    }

    @Test("docs blocks with line numbers")
    func docs() throws {
        let p = try TestProject(Self.base).load()
        let docs = p.docs.sorted { $0.name < $1.name }
        #expect(docs.map(\.name) == ["other", "stg_a"])
        #expect(docs[1].contents == "The staging model.")
        #expect(docs[1].location.line == 2)
        #expect(docs[0].contents == "x")
        #expect(docs[0].location.line == 6)
    }

    @Test("profiles: target, --target, env_var with as_number")
    func profiles() throws {
        let t = try TestProject(Self.base)
        let dev = try t.load().profile
        #expect(dev?.target.type == "sqlite" && dev?.target.threads == 4 && dev?.target.string("path") == "db.sqlite")
        let prod = try t.load(target: "prod", env: ["PGHOST": "db.internal"]).profile
        #expect(prod?.target.type == "postgres")
        #expect(prod?.target.settings["host"] == "db.internal")
        #expect(prod?.target.settings["port"] == 5432)
        #expect(prod?.availableTargets == ["dev", "prod"])
    }

    @Test("profiles.yml lookup order: --profiles-dir, DBT_PROFILES_DIR, project dir, ~/.dbt")
    func profilesOrder() throws {
        var files = Self.base
        files["explicit/profiles.yml"] = "proj:\n  target: e\n  outputs:\n    e: {type: duckdb}\n"
        files["envdir/profiles.yml"] = "proj:\n  target: v\n  outputs:\n    v: {type: redshift}\n"
        files["nohome/.dbt/profiles.yml"] = "proj:\n  target: h\n  outputs:\n    h: {type: snowflake}\n"
        let t = try TestProject(files)
        #expect(try t.load(env: ["DBT_PROFILES_DIR": t.dir + "/envdir"], profilesDir: t.dir + "/explicit").profile?.target.type == "duckdb")
        #expect(try t.load(env: ["DBT_PROFILES_DIR": t.dir + "/envdir"]).profile?.target.type == "redshift")
        #expect(try t.load().profile?.target.type == "sqlite")
        try FileManager.default.removeItem(atPath: t.dir + "/profiles.yml")
        #expect(try t.load().profile?.target.type == "snowflake")
    }

    @Test("vars: CLI, root scoped, root global, package own")
    func vars() throws {
        var files = Self.base
        files["dbt_project.yml"] = TestProject.project("vars:\n  a: root\n  b: root\n  localpkg: {b: root_scoped}\n")
        files["packages.yml"] = "packages:\n  - local: localpkg\n"
        files["localpkg/dbt_project.yml"] = "name: localpkg\nvars:\n  a: pkg\n  b: pkg\n  c: pkg\n"
        let p = try TestProject(files).load(vars: ["a": "cli"])
        let v = p.vars(forPackage: "localpkg")
        #expect(v["a"] == "cli")
        #expect(v["b"] == "root_scoped")
        #expect(v["c"] == "pkg")
        #expect(p.vars(forPackage: "proj")["b"] == "root")
    }

    @Test("var() in dbt_project.yml sees only --vars (dbt-core 1.11: project vars are not defined yet)")
    func projectVar() throws {
        var files = Self.base
        files["dbt_project.yml"] = TestProject.project("vars: {mat: nope}\nmodels:\n  +materialized: \"{{ var('mat', 'view') }}\"\n")
        let t = try TestProject(files)
        #expect(try t.load().configResolver.resolve(.model, package: "proj", fqn: ["proj", "x"]).materialized == "view")
        #expect(try t.load(vars: ["mat": "table"]).configResolver.resolve(.model, package: "proj", fqn: ["proj", "x"]).materialized == "table")
    }

    @Test("selectors.yml")
    func selectors() throws {
        var files = Self.base
        files["selectors.yml"] = """
            selectors:
              - name: nightly
                default: true
                definition:
                  union:
                    - method: tag
                      value: nightly
                      children: true
                    - 'stg_a+'
                    - exclude:
                        - tag: slow
              - name: both
                definition:
                  intersection:
                    - method: selector
                      value: nightly
                    - method: path
                      value: models/staging
                      indirect_selection: cautious
            """
        let p = try TestProject(files).load()
        #expect(p.selectors.map(\.name) == ["nightly", "both"])
        #expect(p.defaultSelector?.name == "nightly")
        guard case .union(let items, let exclude, _) = p.selectors[0].definition else { Issue.record("not a union"); return }
        #expect(items.count == 2 && exclude.count == 1)
        guard case .method(let c) = items[0] else { Issue.record("not a method"); return }
        #expect(c.method == "tag" && c.value == "nightly" && c.children)
        guard case .intersection(let parts, _, _) = p.selectors[1].definition, case .method(let c2) = parts[1] else {
            Issue.record("not an intersection"); return
        }
        #expect(c2.indirectSelection == "cautious")
    }
}
