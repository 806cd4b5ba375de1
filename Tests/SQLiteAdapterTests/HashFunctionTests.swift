import Testing

/// Hashes: md5, sha256, against PostgreSQL 15.
@Suite("Hashes: md5, sha256")
struct HashFunctionTests {
    /// Written down from PostgreSQL 15 by scripts/pg_expected_functions.py (`hashes`).
    static let postgres: [(String, String?)] = [
        ("md5('')", "d41d8cd98f00b204e9800998ecf8427e"),
        ("md5('hello')", "5d41402abc4b2a76b9719d911017c592"),
        ("md5('héllo')", "be50e8478cf24ff3595bc7307fb91b50"),
        ("md5('ingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingot')", "dae5e305bff9f1a1e27cdfdf15c090c8"),
        ("sha256('')", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("sha256('hello')", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"),
        ("sha256('héllo')", "3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179"),
        ("sha256('ingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingotingot')", "2c312ecd77b73fe154db0f694c3486ff3b0002eb7d3182fdda9868a6c625eb5c"),
        ("md5(42)", "a1d0c6e83f027327d8461063f4ac58a6"),
    ]

    @Test("as PostgreSQL", arguments: postgres)
    func matchesPostgres(_ sql: String, _ expected: String?) {
        check(sql, expected)
    }

    @Test("NULL in, NULL out; blobs hash their bytes")
    func nulls() throws {
        #expect(try scalar("md5(null)") == nil)
        #expect(try scalar("sha256(null)") == nil)
        #expect(try scalar("md5(cast('hello' as blob))") == "5d41402abc4b2a76b9719d911017c592")
    }
}
