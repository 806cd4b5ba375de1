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
    private let buffer: ByteBuffer
    private var needsComma = false

    /// A writer with room for `capacity` bytes.
    init(capacity: Int = 1 << 16) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The JSON written so far (UTF-8), copied out.
    var bytes: [UInt8] { buffer.array }

    /// The number of bytes written.
    var count: Int { buffer.count }

    /// Makes room for `additional` more bytes.
    mutating func reserve(_ additional: Int) {
        buffer.ensure(additional)
    }

    /// Calls `body` with the bytes written, without copying them.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
    }

    /// `{`.
    mutating func objectStart() {
        separate()
        buffer.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// `}`.
    mutating func objectEnd() {
        buffer.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `[`.
    mutating func arrayStart() {
        separate()
        buffer.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// `]`.
    mutating func arrayEnd() {
        buffer.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key and its colon; the value must follow.
    mutating func key(_ name: StaticString) {
        separate()
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.append($0) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key prepared by `encodedKey(_:)`; the value must follow.
    mutating func key(encoded: [UInt8]) {
        separate()
        encoded.withUnsafeBufferPointer { buffer.append($0) }
        needsComma = false
    }

    /// `"name":` as bytes, for keys written many times; `name` must need no escaping.
    static func encodedKey(_ name: String) -> [UInt8] {
        Array("\"\(name)\":".utf8)
    }

    /// An object key computed at run time (escaped); the value must follow.
    mutating func key(_ name: String) {
        separate()
        appendEscaped(name)
        buffer.append(UInt8(ascii: ":"))
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
        appendASCII(String(value))
        needsComma = true
    }

    /// A floating-point value as the shortest text that reads back the same; `null` when not finite.
    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        if value == value.rounded(), abs(value) < 1e15 {
            appendASCII(String(Int(value)) + ".0")
        } else {
            appendASCII(value.description)
        }
        needsComma = true
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) {
        separate()
        appendASCII(value ? "true" : "false")
        needsComma = true
    }

    /// A boolean value, or `null`.
    mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }

    /// `null`.
    mutating func null() {
        separate()
        appendASCII("null")
        needsComma = true
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) {
        arrayStart()
        for i in values.indices { string(values[i]) }
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
    mutating func raw(_ fragment: JSONWriter) {
        separate()
        fragment.withBytes { buffer.append($0) }
        needsComma = true
    }

    private mutating func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append($0) }
    }

    /// Whether a byte must be escaped inside a JSON string: controls, `"` and `\\`.
    private static let escaped: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func appendEscaped(_ s: String) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ appendEscaped(utf8: $0) }) {
            return done
        }
        var copy = s
        copy.withUTF8 { appendEscaped(utf8: $0) }
    }

    /// One pass over the bytes, straight into the buffer: at most six output bytes per input
    /// byte (`\u00XX`) plus the quotes.
    private func appendEscaped(utf8: UnsafeBufferPointer<UInt8>) {
        let n = utf8.count
        buffer.write(reserving: n * 6 + 2) { out in
            var o = 0
            out[o] = UInt8(ascii: "\""); o += 1
            JSONWriter.escaped.withUnsafeBufferPointer { table in
                JSONWriter.hex.withUnsafeBufferPointer { hex in
                    for i in 0..<n {
                        let b = utf8[i]
                        if !table[Int(b)] {
                            out[o] = b; o += 1
                            continue
                        }
                        out[o] = UInt8(ascii: "\\"); o += 1
                        switch b {
                        case 0x22: out[o] = 0x22; o += 1
                        case 0x5C: out[o] = 0x5C; o += 1
                        case 0x0A: out[o] = UInt8(ascii: "n"); o += 1
                        case 0x0D: out[o] = UInt8(ascii: "r"); o += 1
                        case 0x09: out[o] = UInt8(ascii: "t"); o += 1
                        case 0x08: out[o] = UInt8(ascii: "b"); o += 1
                        case 0x0C: out[o] = UInt8(ascii: "f"); o += 1
                        default:
                            out[o] = UInt8(ascii: "u"); out[o + 1] = UInt8(ascii: "0"); out[o + 2] = UInt8(ascii: "0")
                            out[o + 3] = hex[Int(b >> 4)]; out[o + 4] = hex[Int(b & 0xF)]
                            o += 5
                        }
                    }
                }
            }
            out[o] = UInt8(ascii: "\""); o += 1
            return o
        }
    }
}
