/// Python's `str()` and `repr()`, which decide what `{{ value }}` prints.
extension Value {
    /// What `{{ value }}` prints: Python's `str()`; undefined prints nothing.
    public var pythonString: String {
        switch self {
        case .string(let s): return s
        case .undefined: return ""
        default:
            var out = ""
            writeStr(to: &out)
            return out
        }
    }

    /// Python's `repr()`.
    public var pythonRepr: String {
        var out = ""
        writeRepr(to: &out)
        return out
    }

    /// Appends `str(self)` to `out` without an intermediate string.
    @inlinable public func writeStr(to out: inout String) {
        switch self {
        case .string(let s): out += s
        case .int(let i): out += String(i)
        case .undefined: break
        default: writeNonTrivialStr(to: &out)
        }
    }

    @usableFromInline func writeNonTrivialStr(to out: inout String) {
        switch self {
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .double(let d): out += Value.formatDouble(d)
        case .object(let o): out += o.stringValue
        case .callable(let c): out += c.stringValue
        default: writeRepr(to: &out)
        }
    }

    /// Appends `repr(self)` to `out`.
    public func writeRepr(to out: inout String) {
        var active: [ObjectIdentifier] = []
        writeRepr(to: &out, active: &active, floor: StackGuard.floor)
    }

    /// `active` holds the lists and dicts being printed further out that contain containers: a
    /// list that contains itself prints as `[...]`, as in Python (one holding only scalars can't
    /// be part of a cycle, so it isn't recorded). A value nested too deeply for the stack (see
    /// `StackGuard`; `floor` is the current thread's) prints `...`.
    private func writeRepr(to out: inout String, active: inout [ObjectIdentifier], floor: UInt) {
        switch self {
        case .string(let s): Value.writeStringRepr(s, to: &out)
        case .undefined: out += "Undefined"
        case .list(let l):
            let id = ObjectIdentifier(l)
            if active.contains(id) {
                out += "[...]"
                return
            }
            guard StackGuard.hasRoom(above: floor) else {
                out += "..."
                return
            }
            let nests = l.items.contains { $0.nests }
            if nests { active.append(id) }
            defer { if nests { active.removeLast() } }
            out += "["
            for (i, v) in l.items.enumerated() {
                if i > 0 { out += ", " }
                v.writeRepr(to: &out, active: &active, floor: floor)
            }
            out += "]"
        case .tuple(let t):
            guard StackGuard.hasRoom(above: floor) else {
                out += "..."
                return
            }
            out += "("
            for (i, v) in t.enumerated() {
                if i > 0 { out += ", " }
                v.writeRepr(to: &out, active: &active, floor: floor)
            }
            if t.count == 1 { out += "," }
            out += ")"
        case .dict(let d):
            let id = ObjectIdentifier(d)
            if active.contains(id) {
                out += "{...}"
                return
            }
            guard StackGuard.hasRoom(above: floor) else {
                out += "..."
                return
            }
            let nests = d.items.values.contains { $0.nests }
            if nests { active.append(id) }
            defer { if nests { active.removeLast() } }
            out += "{"
            var first = true
            for (k, v) in d.items {
                if !first { out += ", " }
                first = false
                k.writeRepr(to: &out, active: &active, floor: floor)
                out += ": "
                v.writeRepr(to: &out, active: &active, floor: floor)
            }
            out += "}"
        case .object(let o): out += o.reprValue
        case .callable(let c): out += c.stringValue
        default: writeStr(to: &out)
        }
    }

    /// Python's float repr: shortest round-trip digits, `1.0` for integral values, `inf`/`nan`.
    public static func formatDouble(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        // Swift's description already matches Python's repr for finite doubles.
        return d.description
    }

    /// Python's repr of a string: single quotes unless the text has a single quote and no
    /// double quote; backslash escapes for control characters.
    public static func writeStringRepr(_ s: String, to out: inout String) {
        // Byte scans, not Foundation's `contains` (which goes through NSString).
        var hasSingle = false, hasDouble = false, plain = true
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "'"): hasSingle = true
            case UInt8(ascii: "\""): hasDouble = true
            case UInt8(ascii: "\\"), 0..<0x20, 0x7f...: plain = false
            default: break
            }
        }
        let useDouble = hasSingle && !hasDouble
        let quote: Character = useDouble ? "\"" : "'"
        out.append(quote)
        if plain && !(hasSingle && !useDouble) {
            // Printable ASCII with nothing to escape: copy as is.
            out += s
            out.append(quote)
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "'" where !useDouble: out += "\\'"
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0x7f && v < 0xa0) {
                    out += "\\x" + hex(v, width: 2)
                } else if v == 0xad || (v >= 0x2028 && v <= 0x2029) || (v >= 0xd800 && v < 0xe000) {
                    out += "\\u" + hex(v, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Value: CustomStringConvertible {
    public var description: String { pythonRepr }
}
