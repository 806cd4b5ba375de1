/// Python equality and hashing: numbers compare by value across int/float/bool, sequences and
/// dicts compare element-wise, and lists and tuples are never equal to each other. Structures
/// nested too deeply for the stack (or containing themselves, where Python raises
/// `RecursionError`) compare unequal instead of overflowing it.
extension Value: Hashable {
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.none, .none): return true
        case (.undefined, .undefined): return true
        case (.list(let a), .list(let b)):
            return a === b || (StackGuard.hasRoom(above: StackGuard.floor) && a.items == b.items)
        case (.tuple(let a), .tuple(let b)): return StackGuard.hasRoom(above: StackGuard.floor) && a == b
        case (.dict(let a), .dict(let b)):
            if a === b { return true }
            guard a.items.count == b.items.count, StackGuard.hasRoom(above: StackGuard.floor) else { return false }
            for (k, v) in a.items {
                guard let other = b.items[k], other == v else { return false }
            }
            return true
        case (.callable(let a), .callable(let b)): return a.isSame(as: b)
        case (.object(let a), .object(let b)): return a === b
        default:
            if let a = lhs.exactNumber, let b = rhs.exactNumber { return a == b }
            return false
        }
    }

    /// What `Dictionary` and `OrderedDictionary` hash with: strings and numbers (nearly every
    /// dict key a template uses) take an FNV-1a / multiply-xorshift hash, far cheaper than the
    /// seeded SipHash `Hasher` runs; other values go through `hash(into:)`. Equal values take
    /// the same path (`1 == 1.0 == True` all hash as the int), as `==` requires.
    public func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .string(let s):
            var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bitPattern: Int64(seed))
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            return Value.finalize(h)
        case .int(let i): return Value.finalize(UInt64(bitPattern: Int64(i)) &+ UInt64(bitPattern: Int64(seed)) &* 0x9e37_79b9_7f4a_7c15)
        case .bool(let b): return Value.finalize(UInt64(b ? 1 : 0) &+ UInt64(bitPattern: Int64(seed)) &* 0x9e37_79b9_7f4a_7c15)
        case .double(let d) where d.rounded(.towardZero) == d && abs(d) < 9.2e18:
            return Value.finalize(UInt64(bitPattern: Int64(Int(d))) &+ UInt64(bitPattern: Int64(seed)) &* 0x9e37_79b9_7f4a_7c15)
        default:
            var hasher = Hasher()
            hasher.combine(seed)
            hash(into: &hasher)
            return hasher.finalize()
        }
    }

    @inline(__always)
    private static func finalize(_ x: UInt64) -> Int {
        var h = x
        h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
        h = (h ^ (h >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return Int(truncatingIfNeeded: h ^ (h >> 33))
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(s)
        case .int(let i): hasher.combine(i)
        case .bool(let b): hasher.combine(b ? 1 : 0)
        case .double(let d):
            // Integral floats hash as the matching int so that 1 and 1.0 are one dict key.
            if d.rounded(.towardZero) == d, abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
        case .none: hasher.combine(-0x5eed)
        case .undefined: hasher.combine(-0x5eee)
        case .tuple(let t):
            hasher.combine(t.count)
            guard StackGuard.hasRoom(above: StackGuard.floor) else { return }
            for v in t { v.hash(into: &hasher) }
        case .list(let l): hasher.combine(ObjectIdentifier(l))
        case .dict(let d): hasher.combine(ObjectIdentifier(d))
        case .callable(let c): hasher.combine(c.name)
        case .object(let o): hasher.combine(ObjectIdentifier(o))
        }
    }

    /// True when Python could use this value as a dict key.
    public var isHashable: Bool {
        switch self {
        case .list, .dict: return false
        case .tuple(let t): return StackGuard.hasRoom(above: StackGuard.floor) && t.allSatisfy(\.isHashable)
        default: return true
        }
    }

    /// Numbers as an exact comparable form: ints stay ints so large values don't lose precision.
    enum ExactNumber: Equatable {
        case int(Int)
        case double(Double)
        static func == (a: ExactNumber, b: ExactNumber) -> Bool {
            switch (a, b) {
            case (.int(let x), .int(let y)): return x == y
            case (.double(let x), .double(let y)): return x == y
            case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
            }
        }
    }

    var exactNumber: ExactNumber? {
        switch self {
        case .int(let i): return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .double(let d): return .double(d)
        default: return nil
        }
    }
}

extension Value {
    /// Python ordering (`<`): numbers with numbers, strings with strings, sequences
    /// lexicographically. Returns nil where Python raises `TypeError`.
    public static func pythonLess(_ lhs: Value, _ rhs: Value) -> Bool? {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)):
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        case (.list(let a), .list(let b)): return sequenceLess(a.items, b.items)
        case (.tuple(let a), .tuple(let b)): return sequenceLess(a, b)
        default:
            guard let a = lhs.exactNumber, let b = rhs.exactNumber else { return nil }
            switch (a, b) {
            case (.int(let x), .int(let y)): return x < y
            case (.double(let x), .double(let y)): return x < y
            case (.int(let x), .double(let y)): return Double(x) < y
            case (.double(let x), .int(let y)): return x < Double(y)
            }
        }
    }

    private static func sequenceLess(_ a: [Value], _ b: [Value]) -> Bool? {
        guard StackGuard.hasRoom(above: StackGuard.floor) else { return nil }
        for (x, y) in zip(a, b) where x != y {
            return pythonLess(x, y)
        }
        return a.count < b.count
    }
}
