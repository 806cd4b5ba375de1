import Foundation
import SQLiteAdapter
import Testing
import Warehouse

@Suite("Schemas: schemas_and_paths, schema_directory, create and drop")
struct SchemaTests {
    @Test("listed schemas are attached files; unlisted ones are created in schema_directory")
    func attachAndCreate() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("data"), withIntermediateDirectories: true)
        var adapter = try makeAdapter(in: dir, schemasAndPaths: ["raw": "data/raw.db"])
        #expect(try adapter.schemaExists(database: nil, schema: "raw"))
        try adapter.execute("create table raw.events (id integer); insert into raw.events values (1)", fetch: false)
        #expect(FileManager.default.fileExists(atPath: dir.file("data/raw.db")))

        try adapter.createSchema(database: nil, schema: "staging")
        try adapter.createSchema(database: nil, schema: "staging")   // already there: nothing happens
        #expect(FileManager.default.fileExists(atPath: dir.file("schemas/staging.db")))
        #expect(try adapter.schemaExists(database: nil, schema: "staging"))
        try adapter.transaction { c in
            try c.execute("create table \"staging\".\"stg_events\" as select * from raw.events", fetch: false)
        }
        // Readers opened before the schema was attached see it too.
        #expect(try scalar("select count(*) from staging.stg_events", adapter: adapter) == "1")
        #expect(try adapter.relation(database: nil, schema: "staging", identifier: "stg_events")?.schema == "staging")
        let schemas = try adapter.execute("select name from pragma_database_list order by name", fetch: true)
        #expect(schemas.rows.map { $0.first } == [.string("main"), .string("raw"), .string("staging")])
        adapter.close()

        // Reopened: schema_directory files are attached again under their names.
        adapter = try makeAdapter(in: dir, schemasAndPaths: ["raw": "data/raw.db"])
        defer { adapter.close() }
        #expect(try adapter.schemaExists(database: nil, schema: "staging"))
        #expect(try scalar("select count(*) from staging.stg_events", adapter: adapter) == "1")
    }

    @Test("drop schema deletes only the files ingot created")
    func dropSchema() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("data"), withIntermediateDirectories: true)
        let adapter = try makeAdapter(in: dir, schemasAndPaths: ["raw": "data/raw.db"])
        defer { adapter.close() }
        try adapter.createSchema(database: nil, schema: "scratch")
        try adapter.execute("create table scratch.t (x)", fetch: false)
        try adapter.dropSchema(database: nil, schema: "scratch")
        #expect(!FileManager.default.fileExists(atPath: dir.file("schemas/scratch.db")))
        #expect(try !adapter.schemaExists(database: nil, schema: "scratch"))

        try adapter.execute("create table raw.t (x); create view raw.v as select * from raw.t", fetch: false)
        try adapter.dropSchema(database: nil, schema: "raw")
        #expect(FileManager.default.fileExists(atPath: dir.file("data/raw.db")))
        #expect(try !adapter.schemaExists(database: nil, schema: "raw"))
        try adapter.createSchema(database: nil, schema: "raw")        // re-attached from schemas_and_paths
        #expect(try adapter.relations(database: nil, schema: "raw").isEmpty)
        try adapter.dropSchema(database: nil, schema: "never_created")
    }

    @Test("a missing directory is a configuration error naming it")
    func missingDirectory() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let error = #expect(throws: WarehouseError.self) {
            _ = try makeAdapter(in: dir, schemasAndPaths: ["raw": "nowhere/raw.db"])
        }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains(dir.file("nowhere")) == true)

        let profile = SQLiteProfile(schemasAndPaths: ["main": "w.db"], schemaDirectory: "missing")
        let adapter = try SQLiteAdapter(profile: profile, baseDirectory: dir.path)
        defer { adapter.close() }
        let createError = #expect(throws: WarehouseError.self) { try adapter.createSchema(database: nil, schema: "staging") }
        #expect(createError?.kind == .configuration)
        #expect(createError?.message.contains(dir.file("missing")) == true)

        let noMain = #expect(throws: WarehouseError.self) {
            _ = try SQLiteProfile(settings: ["schema": "main"], schemasAndPaths: [:])
        }
        #expect(noMain?.kind == .configuration)
        let profileFromSettings = try SQLiteProfile(settings: ["threads": "8", "schema_directory": "s"], schemasAndPaths: ["main": "x.db"])
        #expect(profileFromSettings.threads == 8 && profileFromSettings.schema == "main" && profileFromSettings.database == "database")
    }
}
