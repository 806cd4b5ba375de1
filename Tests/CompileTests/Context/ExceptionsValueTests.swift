import Compile
import Jinja
import Testing

@Suite("ExceptionsValue")
struct ExceptionsValueTests {
    func reason(_ source: String) throws -> CompilationError {
        do {
            _ = try renderWithContext(source, ["rel": .object(RelationValue(schema: "s", identifier: "t", type: .view))])
        } catch let error as JinjaError {
            return try #require(error.underlying as? CompilationError)
        }
        throw CompilationError("rendered without error")
    }

    @Test("raise_compiler_error throws a CompilationError; the engine adds the line")
    func compilerError() throws {
        do {
            _ = try renderWithContext("select 1\n{{ exceptions.raise_compiler_error('bad ' ~ 'config') }}")
            Issue.record("expected an error")
        } catch let error as JinjaError {
            #expect(error.location?.line == 2)
            let reason = try #require(error.underlying as? CompilationError)
            #expect(reason.message == "bad config")
            #expect(reason.kind == .compilation)
        }
    }

    @Test("the other raisers keep dbt's messages", arguments: [
        ("{{ exceptions.raise_not_implemented('no') }}", CompilationError.Kind.notImplemented, "no"),
        ("{{ exceptions.raise_database_error('down') }}", .database, "down"),
        ("{{ exceptions.missing_config({'unique_id': 'model.p.m'}, 'unique_key') }}", .compilation,
         "Model 'model.p.m' does not define a required config parameter 'unique_key'."),
        ("{{ exceptions.missing_relation(rel) }}", .compilation, #"Relation "s"."t" not found!"#),
        ("{{ exceptions.relation_wrong_type(rel, 'table') }}", .compilation,
         #"Trying to create table "s"."t", but it currently exists as a view. Either drop "s"."t" manually, or run dbt with `--full-refresh` and dbt will drop it for you."#),
    ])
    func raisers(_ source: String, _ kind: CompilationError.Kind, _ message: String) throws {
        let r = try reason(source)
        #expect(r.kind == kind)
        #expect(r.message == message)
    }

    @Test("warn reports through the sink and renders nothing")
    func warn() throws {
        let sink = MessageSink()
        #expect(try renderWithContext("a{{ exceptions.warn('careful') }}b", sink: sink) == "ab")
        #expect(sink.messages == ["warn: careful"])
    }
}
