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
    private typealias StrFromD = @convention(c) (UnsafeMutablePointer<CChar>?, Int, UnsafePointer<CChar>?, Double) -> Int32

    /// glibc's `strfromd` (C23's non-variadic `snprintf` for one double), found at run time: the
    /// Glibc module does not import it. `withVaList` costs thousands of instructions in casts.
    private static let strfromd: StrFromD? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "strfromd") else { return nil }
        return unsafeBitCast(symbol, to: StrFromD.self)
        #else
        return nil
        #endif
    }()

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
        if !alternate, precision >= 0, precision < 100_000, let strfromd = CFormat.strfromd {
            // "%.<precision><conversion>": strfromd takes no `*` and no flags.
            var spec: (UInt64, UInt64) = (0, 0)
            let formatted: String? = withUnsafeMutableBytes(of: &spec) { raw -> String? in
                let f = raw.bindMemory(to: UInt8.self)
                f[0] = UInt8(ascii: "%")
                f[1] = UInt8(ascii: ".")
                var digits: [UInt8] = []
                var v = precision
                repeat {
                    digits.append(UInt8(ascii: "0") + UInt8(v % 10))
                    v /= 10
                } while v > 0
                var i = 2
                for d in digits.reversed() {
                    f[i] = d
                    i += 1
                }
                f[i] = conversion
                f[i + 1] = 0
                let cformat = UnsafeRawPointer(f.baseAddress!).assumingMemoryBound(to: CChar.self)
                return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer -> String? in
                    let n = strfromd(buffer.baseAddress!, 128, cformat, value)
                    guard n >= 0, n < 128 else { return nil }
                    return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(n)).bindMemory(to: UInt8.self), as: UTF8.self)
                }
            }
            if let formatted { return formatted }
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
