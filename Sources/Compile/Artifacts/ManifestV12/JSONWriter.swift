/// A streaming JSON writer over a byte buffer: the artifacts are written key by key, with no
/// intermediate tree, so a manifest of tens of thousands of nodes encodes in milliseconds.
///
/// Commas are placed automatically: a key or a value written after another member of the same
/// container is preceded by one. Keys are written in the order given, so output is deterministic.
///
/// ```swift
/// var w = JSONWriter()
/// w.objectStart()
/// w.key("name"); w.string("orders")
/// w.key("tags"); w.arrayStart(); w.string("nightly"); w.arrayEnd()
/// w.objectEnd()
/// // {"name":"orders","tags":["nightly"]}
/// ```
struct JSONWriter: Sendable {
    /// The JSON written so far (UTF-8).
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// A writer with room for `capacity` bytes.
    init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// `{`.
    mutating func objectStart() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// `}`.
    mutating func objectEnd() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `[`.
    mutating func arrayStart() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// `]`.
    mutating func arrayEnd() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key and its colon; the value must follow.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// An object key computed at run time (escaped); the value must follow.
    mutating func key(_ name: String) {
        separate()
        appendEscaped(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A string value.
    mutating func string(_ value: String) {
        separate()
        appendEscaped(value)
        needsComma = true
    }

    /// A string value, or `null`.
    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An integer value.
    mutating func int(_ value: Int) {
        separate()
        appendDecimal(value)
        needsComma = true
    }

    /// A floating-point value as the shortest text that reads back the same; `null` when not finite.
    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        if value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int(value))
            bytes.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
        needsComma = true
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    /// A boolean value, or `null`.
    mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    /// `null`.
    mutating func null() {
        separate()
        bytes.append(contentsOf: Self.nullBytes)
        needsComma = true
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) {
        arrayStart()
        for v in values { string(v) }
        arrayEnd()
    }

    /// `{}`.
    mutating func emptyObject() {
        objectStart()
        objectEnd()
    }

    /// `[]`.
    mutating func emptyArray() {
        arrayStart()
        arrayEnd()
    }

    /// Appends JSON text that is already complete and valid (a fragment written by another writer).
    mutating func raw(_ fragment: [UInt8]) {
        separate()
        bytes.append(contentsOf: fragment)
        needsComma = true
    }

    private static let trueBytes = Array("true".utf8)
    private static let falseBytes = Array("false".utf8)
    private static let nullBytes = Array("null".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendDecimal(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func appendEscaped(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { buffer in
            var start = 0
            var i = 0
            let n = buffer.count
            while i < n {
                let b = buffer[i]
                if b >= 0x20, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\") {
                    i += 1
                    continue
                }
                if i > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(b >> 4)], Self.hex[Int(b & 0xF)]])
                }
                i += 1
                start = i
            }
            if n > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<n])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
