import Foundation
import Testing

@Suite("ingot run-operation")
struct RunOperationCommandTests {
    static let macros = """
        {% macro greet(name, times=1) %}
          {% for i in range(times) %}{{ log("hello " ~ name, info=True) }}{% endfor %}
          {% set r = run_query("select 42 as answer") %}
          {{ log("answer " ~ r.columns[0].values()[0], info=True) }}
        {% endmacro %}
        {% macro make_table() %}
          {% call statement('create') %}create table made as select 7 as v{% endcall %}
          {% call statement('read', fetch_result=True) %}select v from made{% endcall %}
          {{ log("made " ~ load_result('read')['data'][0][0], info=True) }}
          {% do adapter.execute("insert into made values (8)") %}
        {% endmacro %}
        {% macro boom() %}{{ exceptions.raise_compiler_error("it broke") }}{% endmacro %}
        {% macro bad_sql() %}{% do run_query("select * from nope") %}{% endmacro %}
        """

    @Test("runs a macro with --args, prints what it logs, and run_query reaches the warehouse")
    func greet() throws {
        let dir = try IngotRunner.sqliteProject(["macros/ops.sql": Self.macros])
        let out = try IngotRunner.run(["run-operation", "greet", "--args", "{name: bob, times: 2}"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.components(separatedBy: "hello bob").count == 3, "\(out.stdout)")
        #expect(out.stdout.contains("answer 42"))
    }

    @Test("statements it runs are executed and committed; package.macro names a macro")
    func statements() throws {
        let dir = try IngotRunner.sqliteProject(["macros/ops.sql": Self.macros])
        let out = try IngotRunner.run(["run-operation", "proj.make_table"], in: dir)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.contains("made 7"))
        let shown = try IngotRunner.run(["show", "--inline", "select count(*) as n from made", "-q"], in: dir)
        #expect(shown.stdout.contains("| 2 |"), "\(shown.stdout)\(shown.stderr)")
    }

    @Test("a macro that does not exist: dbt's message, exit 2")
    func missing() throws {
        let dir = try IngotRunner.sqliteProject(["macros/ops.sql": Self.macros])
        let out = try IngotRunner.run(["run-operation", "nope"], in: dir)
        #expect(out.status == 2)
        #expect(out.stderr.contains("dbt could not find a macro with the name \"nope\" in any package"), "\(out.stderr)")
        let inPackage = try IngotRunner.run(["run-operation", "dbt.nope"], in: dir)
        #expect(inPackage.stderr.contains("with the name \"nope\" in the \"dbt\" package"), "\(inPackage.stderr)")
    }

    @Test("an error the macro raises or SQL the warehouse rejects: exit 1 with the reason")
    func failures() throws {
        let dir = try IngotRunner.sqliteProject(["macros/ops.sql": Self.macros])
        let raised = try IngotRunner.run(["run-operation", "boom"], in: dir)
        #expect(raised.status == 1)
        #expect(raised.stderr.contains("Encountered an error while running operation: Compilation Error in macro boom (macros/ops.sql)"), "\(raised.stderr)")
        #expect(raised.stderr.contains("it broke"))
        let sql = try IngotRunner.run(["run-operation", "bad_sql"], in: dir)
        #expect(sql.status == 1)
        #expect(sql.stderr.contains("Database Error"), "\(sql.stderr)")
        #expect(sql.stderr.contains("no such table: nope"))
    }

    @Test("--args that are not a YAML dictionary exit 2")
    func badArgs() throws {
        let dir = try IngotRunner.sqliteProject(["macros/ops.sql": Self.macros])
        let out = try IngotRunner.run(["run-operation", "greet", "--args", "[1"], in: dir)
        #expect(out.status == 2)
        #expect(out.stderr.contains("The YAML provided in the --args argument is not valid"), "\(out.stderr)")
    }
}
