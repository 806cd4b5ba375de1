import Foundation
import Testing
@testable import Project

/// Each bad input yields one error with the file, line and column, as the message shows.
@Suite("Bad input")
struct BadInputTests {
    static func project(_ overrides: [String: String]) throws -> TestProject {
        var files: [String: String] = [
            "dbt_project.yml": TestProject.project(),
            "profiles.yml": TestProject.profiles,
            "models/a.sql": "select 1",
        ]
        for (k, v) in overrides { files[k] = v }
        return try TestProject(files)
    }

    @Test("missing dbt_project.yml")
    func missingProject() throws {
        let t = try TestProject(["models/a.sql": "select 1"])
        let e = try #require(t.loadError())
        #expect(e.kind == .missingProjectFile)
        #expect(e.description.hasPrefix("No dbt_project.yml found at expected path \(t.dir)/dbt_project.yml"))
    }

    @Test("malformed YAML points at the line")
    func malformed() throws {
        let e = try #require(try Self.project(["models/x.yml": "version: 2\nmodels:\n  - name: a\n   bad: [\n"]).loadError())
        #expect(e.kind == .yamlSyntax)
        #expect(e.description.hasPrefix("models/x.yml:4:"))
    }

    @Test("duplicate keys are rejected (dbt warns and keeps the last; ingot is stricter)")
    func duplicateKeys() throws {
        let e = try #require(try Self.project(["models/x.yml": "version: 2\nmodels:\n  - name: a\n    description: x\n    description: y\n"]).loadError())
        #expect(e.description == "models/x.yml:4:5: duplicate key 'description' in one mapping")
    }

    // dbt-core 1.11: "at path []: Additional properties are not allowed ('foo_bar' was unexpected)".
    @Test("unknown top-level key in dbt_project.yml")
    func unknownKey() throws {
        let e = try #require(try Self.project(["dbt_project.yml": TestProject.project("foo_bar: 1\n")]).loadError())
        #expect(e.description == "dbt_project.yml:4:1: Additional properties are not allowed ('foo_bar' was unexpected)")
    }

    // dbt-core 1.11 warns for `source-paths` and uses it as `model-paths`.
    @Test("legacy source-paths is a warning")
    func legacyPaths() throws {
        let t = try Self.project(["dbt_project.yml": TestProject.project("source-paths: [src]\n"), "src/b.sql": "select 1"])
        let p = try t.load()
        #expect(p.files.map(\.originalFilePath) == ["src/b.sql"])
        #expect(p.warnings.first?.description.hasPrefix("dbt_project.yml:4:1: The `source-paths` config has been renamed") == true)
    }

    // dbt-core 1.11: "at path ['model-paths']: 'models' is not valid under any of the given schemas".
    @Test("a string where a list is required")
    func wrongType() throws {
        let e = try #require(try Self.project(["dbt_project.yml": TestProject.project("model-paths: models\n")]).loadError())
        #expect(e.description == "dbt_project.yml:4:14: 'model-paths' must be a list of strings, got string")
        let e2 = try #require(try Self.project(["models/x.yml": "version: 2\nmodels:\n  - name: a\n    columns: id\n"]).loadError())
        #expect(e2.description == "models/x.yml:4:14: 'columns' must be a list, got string")
    }

    @Test("missing profile lists the profiles")
    func missingProfile() throws {
        let e = try #require(try Self.project(["dbt_project.yml": "name: proj\nprofile: nope\n"]).loadError())
        #expect(e.kind == .profileNotFound)
        #expect(e.description == "profiles.yml: Could not find profile named 'nope' (profiles in this file: 'proj')")
    }

    // dbt-core 1.11's wording.
    @Test("missing target lists the targets")
    func missingTarget() throws {
        let e = try #require(try Self.project([:]).loadError(target: "staging"))
        #expect(e.kind == .targetNotFound)
        #expect(e.detail == "The profile 'proj' does not have a target named 'staging'. The valid target names for this profile are:\n - dev\n - prod")
    }

    // dbt-core 1.11 lists both files in its message.
    @Test("duplicate model names within a package")
    func duplicateModels() throws {
        let e = try #require(try Self.project(["models/other/a.sql": "select 2"]).loadError())
        #expect(e.kind == .duplicateResource)
        #expect(e.description.hasPrefix("models/other/a.sql:1:1: dbt found two models with the name \"a\"."))
        #expect(e.detail.contains("- model.proj.a (models/other/a.sql)\n- model.proj.a (models/a.sql)"))
    }

    // dbt-core 1.11: "Did not find matching node for patch with name 'ghost' in the 'models' section of file 'models/x.yml'".
    @Test("properties for a model that does not exist is a warning")
    func unmatchedPatch() throws {
        let p = try Self.project(["models/x.yml": "version: 2\nmodels:\n  - name: ghost\n"]).load()
        #expect(p.warnings.map(\.description) == [
            "models/x.yml:3:5: Did not find matching node for patch with name 'ghost' in the 'models' section of file 'models/x.yml'"
        ])
    }

    // dbt-core 1.11: "Env var required but not provided: 'NOPE_X'".
    @Test("missing env var names the variable, file and line")
    func missingEnvVar() throws {
        let e = try #require(try Self.project([
            "models/x.yml": "version: 2\nmodels:\n  - name: a\n    config:\n      schema: \"{{ env_var('NOPE_X') }}\"\n"
        ]).loadError())
        #expect(e.description == "models/x.yml:5:15: Env var required but not provided: 'NOPE_X'")
        let e2 = try #require(try Self.project([
            "profiles.yml": "proj:\n  target: dev\n  outputs:\n    dev: {type: postgres, password: \"{{ env_var('PGPASS') }}\"}\n"
        ]).loadError())
        #expect(e2.description == "profiles.yml:4:37: Env var required but not provided: 'PGPASS'")
    }

    @Test("a test definition with two keys")
    func badTest() throws {
        let e = try #require(try Self.project([
            "models/x.yml": "version: 2\nmodels:\n  - name: a\n    tests:\n      - {unique: {}, not_null: {}}\n"
        ]).loadError())
        #expect(e.description.hasPrefix("models/x.yml:5:9: test definition dictionary must have exactly one key"))
    }
}
