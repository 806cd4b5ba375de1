import Foundation
import SQLiteAdapter
import Testing
import Warehouse

@Suite("Locked and read-only databases")
struct LockedDatabaseTests {
    /// Another connection holds `BEGIN EXCLUSIVE`; with a short busy timeout the write fails
    /// as `.locked`, naming the file, and nothing written before is lost.
    @Test("a database locked by another connection")
    func locked() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let adapter = try makeAdapter(in: dir, busyTimeout: 0.2)
        defer { adapter.close() }
        try adapter.execute("create table kept (x integer); insert into kept values (1), (2)", fetch: false)

        let other = try makeAdapter(in: dir)
        defer { other.close() }
        try other.execute("begin exclusive", fetch: false)
        let error = #expect(throws: WarehouseError.self) {
            try adapter.transaction { c in try c.execute("insert into kept values (3)", fetch: false) }
        }
        #expect(error?.kind == .locked)
        #expect(error?.message.contains(dir.file("warehouse.db")) == true)
        #expect(error?.message.contains("locked") == true)
        let plain = #expect(throws: WarehouseError.self) { try adapter.execute("insert into kept values (4)", fetch: false) }
        #expect(plain?.kind == .locked)
        #expect(plain?.sql == "insert into kept values (4)")
        try other.execute("commit", fetch: false)

        #expect(try scalar("select group_concat(x) from kept", adapter: adapter) == "1,2")
        try adapter.execute("insert into kept values (5)", fetch: false)
        #expect(try scalar("select count(*) from kept", adapter: adapter) == "3")
    }

    /// A read-only file (chmod 444; as root, which ignores modes, also `chattr +i`) gives
    /// `.locked` naming the file; made writable again, everything written before is there.
    @Test("a read-only database file", .enabled(if: ReadOnlyFile.canMakeReadOnly))
    func readOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.file("warehouse.db")
        do {
            let adapter = try makeAdapter(in: dir)
            try adapter.execute("create table kept (x integer); insert into kept values (1)", fetch: false)
            adapter.close()
        }
        try ReadOnlyFile.set(path, readOnly: true)
        defer { try? ReadOnlyFile.set(path, readOnly: false) }
        let error = #expect(throws: WarehouseError.self) { _ = try makeAdapter(in: dir) }
        #expect(error?.kind == .locked)
        #expect(error?.message.contains(path) == true)
        #expect(error?.message.contains("read-only") == true)

        try ReadOnlyFile.set(path, readOnly: false)
        let adapter = try makeAdapter(in: dir)
        defer { adapter.close() }
        #expect(try scalar("select count(*) from kept", adapter: adapter) == "1")
    }
}

/// Makes a file read-only even for root (whose writes ignore permission bits) with
/// `chattr +i` where the file system allows it.
enum ReadOnlyFile {
    static let isRoot = getuid() == 0

    static let canMakeReadOnly: Bool = {
        guard isRoot else { return true }
        guard let dir = try? TemporaryDirectory() else { return false }
        defer { dir.remove() }
        let probe = dir.file("probe")
        _ = FileManager.default.createFile(atPath: probe, contents: Data())
        defer { _ = run("/usr/bin/chattr", ["-i", probe]) }
        return run("/usr/bin/chattr", ["+i", probe]) && access(probe, W_OK) != 0
    }()

    static func set(_ path: String, readOnly: Bool) throws {
        if isRoot, !readOnly { run("/usr/bin/chattr", ["-i", path]) }
        try FileManager.default.setAttributes([.posixPermissions: readOnly ? 0o444 : 0o644], ofItemAtPath: path)
        if isRoot, readOnly { run("/usr/bin/chattr", ["+i", path]) }
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
