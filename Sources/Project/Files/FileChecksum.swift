/// dbt's `checksum` of a file: `sha256` of the stripped contents, or for seeds over 1 MiB the
/// `path` itself (dbt skips hashing large seeds).
public struct FileChecksum: Sendable, Hashable {
    /// `sha256` or `path`.
    public var name: String
    /// The hex digest, or the path.
    public var checksum: String

    /// Creates a checksum.
    public init(name: String, checksum: String) {
        self.name = name
        self.checksum = checksum
    }

    /// The checksum dbt records for `contents`: SHA-256 of the text with surrounding whitespace removed.
    public static func of(contents: String) -> FileChecksum {
        var utf8 = Substring(contents).utf8
        let isSpace: (UInt8) -> Bool = { $0 == 32 || ($0 >= 9 && $0 <= 13) }
        while let f = utf8.first, isSpace(f) { utf8 = utf8.dropFirst() }
        while let l = utf8.last, isSpace(l) { utf8 = utf8.dropLast() }
        return FileChecksum(name: "sha256", checksum: SHA256.hex(utf8))
    }
}
