#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// C's `printf` conversions of one double (`%.*f`, `%.*e`, `%.*g`, `%#.*g`), straight into a
/// buffer: `String(format:)` goes through Foundation's formatter and costs microseconds.
enum CFormat {
    /// `%.<precision><conversion>` of `value`; `alternate` adds `#`.
    static func format(_ value: Double, precision: Int, _ conversion: UInt8, alternate: Bool = false) -> String {
        let format: StaticString
        switch (conversion, alternate) {
        case (UInt8(ascii: "f"), false): format = "%.*f"
        case (UInt8(ascii: "f"), true): format = "%#.*f"
        case (UInt8(ascii: "e"), false): format = "%.*e"
        case (UInt8(ascii: "e"), true): format = "%#.*e"
        case (UInt8(ascii: "g"), false): format = "%.*g"
        default: format = "%#.*g"
        }
        let p = Int32(clamping: precision)
        return withVaList([p, value]) { args -> String in
            // Small results (the usual case) fit on the stack.
            let stackResult: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
                let n = format.withUTF8Buffer { f in
                    f.withMemoryRebound(to: CChar.self) { vsnprintf(buffer.baseAddress!, 128, $0.baseAddress!, args) }
                }
                guard n >= 0, n < 128 else { return nil }
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(n)).bindMemory(to: UInt8.self), as: UTF8.self)
            }
            if let stackResult { return stackResult }
            return withVaList([p, value]) { again -> String in
                let size = Int(format.withUTF8Buffer { f in
                    f.withMemoryRebound(to: CChar.self) { vsnprintf(nil, 0, $0.baseAddress!, again) }
                }) + 1
                return withVaList([p, value]) { third -> String in
                    var bytes = [CChar](repeating: 0, count: max(size, 1))
                    let n = format.withUTF8Buffer { f in
                        f.withMemoryRebound(to: CChar.self) { vsnprintf(&bytes, size, $0.baseAddress!, third) }
                    }
                    return String(decoding: bytes[0..<Int(max(0, n))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                }
            }
        }
    }
}
