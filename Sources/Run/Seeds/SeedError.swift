/// A seed file that cannot be loaded: where, and why.
///
/// `description` reads `seeds/customers.csv:5: row has 4 fields, the header has 3`; lines are
/// 1-based and count the header as line 1 (a quoted field spanning lines counts every line).
public struct SeedError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file is empty (or holds only a byte-order mark).
        case emptyFile
        /// The header row is empty, or names a column twice or not at all.
        case badHeader
        /// A row has more or fewer fields than the header.
        case raggedRow
        /// A quoted field is never closed.
        case unterminatedQuote
        /// A value does not fit its `column_types` override.
        case badValue
        /// The file is not UTF-8.
        case encoding
        /// A seed config (`delimiter`) cannot be used.
        case configuration
        /// The file cannot be read.
        case io
    }

    public var kind: Kind
    /// The seed file as the user names it (`seeds/customers.csv`).
    public var file: String
    /// The 1-based line, when the error has one.
    public var line: Int?
    /// One line saying what is wrong.
    public var message: String

    public init(_ kind: Kind, file: String, line: Int?, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
