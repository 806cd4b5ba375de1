import GRDB

/// Hashes as lowercase hex text of the value's UTF-8 bytes (a blob's bytes as they are;
/// a number's SQLite text form).
extension DatabaseFunction {
    /// `md5(x)`: as PostgreSQL and Redshift.
    static let md5 = DatabaseFunction("md5", argumentCount: 1, pure: true) { args in
        HashFunctions.bytes(args[0]).map { Digests.hex(Digests.md5($0)) }
    }

    /// `sha256(x)`: hex text, like Redshift's `sha2(x, 256)`. PostgreSQL's `sha256` returns
    /// `bytea`; `encode(sha256(x::bytea), 'hex')` is the same text.
    static let sha256 = DatabaseFunction("sha256", argumentCount: 1, pure: true) { args in
        HashFunctions.bytes(args[0]).map { Digests.hex(Digests.sha256($0)) }
    }
}

enum HashFunctions {
    static func bytes(_ value: DatabaseValue) -> [UInt8]? {
        if case .blob(let data) = value.storage { return [UInt8](data) }
        return FunctionArguments.text(value).map { Array($0.utf8) }
    }
}
