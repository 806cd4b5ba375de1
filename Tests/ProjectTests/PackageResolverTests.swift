import Foundation
import Testing
@testable import Project

@Suite("Packages")
struct PackageResolverTests {
    static let base: [String: String] = [
        "dbt_project.yml": TestProject.project(),
        "profiles.yml": TestProject.profiles,
        "models/a.sql": "select 1",
    ]

    @Test("hub dbt_utils and dbt_expectations resolve to built-ins whatever the version")
    func builtins() throws {
        var files = Self.base
        files["packages.yml"] = """
            packages:
              - package: dbt-labs/dbt_utils
                version: [">=1.0.0", "<2.0.0"]
              - package: calogica/dbt_expectations
                version: 0.10.1
              - package: metaplane/dbt_expectations
                version: 0.10.8
            """
        let t = try TestProject(files)
        let p = try t.load()
        #expect(p.packages.map(\.name) == ["dbt_utils", "dbt_expectations"])
        let allBuiltin = p.packages.allSatisfy { $0.isBuiltin }
        #expect(allBuiltin)
        let deps = try ProjectLoader.resolveDependencies(LoadOptions(projectDir: t.dir, environment: [:]))
        #expect(deps.map(\.origin) == [.builtin, .builtin])
    }

    @Test("local packages load recursively, dependencies first")
    func local() throws {
        var files = Self.base
        files["packages.yml"] = "packages:\n  - local: pkgs/outer\n"
        files["pkgs/outer/dbt_project.yml"] = "name: outer\n"
        files["pkgs/outer/packages.yml"] = "packages:\n  - local: ../inner\n"
        files["pkgs/outer/models/o.sql"] = "select 1"
        files["pkgs/inner/dbt_project.yml"] = "name: inner\n"
        files["pkgs/inner/macros/m.sql"] = "{% macro m() %}{% endmacro %}"
        let p = try TestProject(files).load()
        #expect(p.packages.map(\.name) == ["inner", "outer"])
        #expect(p.packages[1].dependencies == ["inner"])
        #expect(p.root.dependencies == ["outer"])
        #expect(p.files.first(where: { $0.packageName == "outer" })?.fqn == ["outer", "o"])
    }

    @Test("vendored packages in dbt_packages load as-is; vendored dbt_utils is shadowed")
    func vendored() throws {
        var files = Self.base
        files["packages.yml"] = "packages:\n  - git: https://example.com/acme/acme_pkg.git\n    revision: v1\n"
        files["dbt_packages/acme_pkg/dbt_project.yml"] = "name: acme_pkg\n"
        files["dbt_packages/acme_pkg/models/x.sql"] = "select 1"
        files["dbt_packages/dbt_utils/dbt_project.yml"] = "name: dbt_utils\n"
        let p = try TestProject(files).load()
        #expect(p.packages.map(\.name) == ["acme_pkg"])
        #expect(p.files.first(where: { $0.packageName == "acme_pkg" })?.displayPath == "dbt_packages/acme_pkg/models/x.sql")
        #expect(p.warnings.contains { $0.kind == .shadowedPackage })
    }

    @Test("a git package that is not vendored says how to vendor it")
    func notVendored() throws {
        var files = Self.base
        files["packages.yml"] = "packages:\n  - git: https://example.com/acme/acme_pkg.git\n    revision: v1\n"
        let t = try TestProject(files)
        let e = try #require(t.loadError())
        #expect(e.kind == .packageNotInstalled)
        #expect(e.description.hasPrefix("packages.yml:2:5: package 'acme_pkg' is not installed and ingot does not download packages. Vendor it: git clone --depth 1 --branch v1 https://example.com/acme/acme_pkg.git \(t.dir)/dbt_packages/acme_pkg"))
    }
}
