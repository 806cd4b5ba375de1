import Foundation

/// Python's arithmetic on template values: ints stay exact (overflow is an error rather than a
/// silent wrap), `/` is true division, `//` and `%` floor towards negative infinity.
enum Operators {
    static func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.negate, .int(let i)):
            guard i != Int.min else { throw JinjaError(.overflow, "integer overflow") }
            return .int(-i)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.negate, .double(let d)): return .double(-d)
        case (.plus, .int), (.plus, .double): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (_, .undefined(let u)): throw JinjaError(.undefined, u.message)
        default:
            throw JinjaError(.type, "bad operand type for unary \(op == .negate ? "-" : "+"): '\(v.typeName)'")
        }
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, limits: RenderLimits) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b { return try integer(op, x, y) }
        if case .undefined(let u) = a { throw JinjaError(.undefined, u.message) }
        if case .undefined(let u) = b { throw JinjaError(.undefined, u.message) }
        switch op {
        case .add:
            switch (a, b) {
            case (.string(let x), .string(let y)):
                guard x.utf8.count + y.utf8.count <= limits.maxSequenceLength else { throw tooLong() }
                return .string(x + y)
            case (.list(let x), .list(let y)):
                guard x.items.count + y.items.count <= limits.maxSequenceLength else { throw tooLong() }
                return .list(ListStorage(x.items + y.items))
            case (.tuple(let x), .tuple(let y)):
                guard x.count + y.count <= limits.maxSequenceLength else { throw tooLong() }
                return .tuple(x + y)
            default: break
            }
        case .mul:
            if let (seq, n) = sequenceRepeat(a, b) {
                let count = max(0, n)
                switch seq {
                case .string(let s):
                    guard fits(s.utf8.count, times: count, limits) else { throw tooLong() }
                    return .string(TextUtilities.repeated(s, count: count))
                case .list(let l):
                    guard fits(l.items.count, times: count, limits) else { throw tooLong() }
                    return .list(ListStorage(repeatedItems(l.items, count)))
                case .tuple(let t):
                    guard fits(t.count, times: count, limits) else { throw tooLong() }
                    return .tuple(repeatedItems(t, count))
                default: break
                }
            }
        case .mod:
            if case .string(let format) = a {
                return .string(try PythonFormat.percent(format, b, maxWidth: limits.maxSequenceLength))
            }
        default:
            break
        }
        if let x = a.exactNumber, let y = b.exactNumber {
            if case .int(let i) = x, case .int(let j) = y { return try integer(op, i, j) }
            return try floating(op, a.doubleValue!, b.doubleValue!, x, y)
        }
        throw JinjaError(.type, "unsupported operand type(s) for \(op.rawValue): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// `items` repeated `count` times; immediate when empty (`[] * 99999999`).
    private static func repeatedItems(_ items: [Value], _ count: Int) -> [Value] {
        guard !items.isEmpty, count > 0 else { return [] }
        var out: [Value] = []
        out.reserveCapacity(items.count * count)
        for _ in 0..<count { out.append(contentsOf: items) }
        return out
    }

    /// Whether `count` copies of `length` elements stay within the limit (and within `Int`).
    private static func fits(_ length: Int, times count: Int, _ limits: RenderLimits) -> Bool {
        let (total, overflow) = length.multipliedReportingOverflow(by: count)
        return !overflow && total <= limits.maxSequenceLength
    }

    private static func tooLong() -> JinjaError {
        JinjaError(.limit, "result too large")
    }

    private static func sequenceRepeat(_ a: Value, _ b: Value) -> (Value, Int)? {
        switch (a, b) {
        case (.string, _), (.list, _), (.tuple, _):
            if let n = b.intValue, !b.isDouble { return (a, n) }
        case (_, .string), (_, .list), (_, .tuple):
            if let n = a.intValue, !a.isDouble { return (b, n) }
        default: break
        }
        return nil
    }

    private static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        // Python's ints are unbounded; past 64 bits we continue in floating point, which keeps
        // comparisons such as `2 ** i < n` working (see COMPATIBILITY.md).
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .double(Double(x) + Double(y)) : .int(r)
        case .sub:
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .double(Double(x) - Double(y)) : .int(r)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .double(Double(x) * Double(y)) : .int(r)
        case .div:
            guard y != 0 else { throw JinjaError(.zeroDivision, "division by zero") }
            return .double(Double(x) / Double(y))
        case .floordiv:
            guard y != 0 else { throw JinjaError(.zeroDivision, "integer division or modulo by zero") }
            if x == Int.min && y == -1 { return .double(-Double(x)) }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return .int(q)
        case .mod:
            guard y != 0 else { throw JinjaError(.zeroDivision, "integer division or modulo by zero") }
            if y == -1 { return .int(0) }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return .int(r)
        case .pow:
            if y < 0 { return .double(Foundation.pow(Double(x), Double(y))) }
            var result = 1
            var base = x
            var e = y
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { return .double(Foundation.pow(Double(x), Double(y))) }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b2, o) = base.multipliedReportingOverflow(by: base)
                    if o { return .double(Foundation.pow(Double(x), Double(y))) }
                    base = b2
                }
            }
            return .int(result)
        }
    }

    private static func floating(_ op: BinaryOperator, _ x: Double, _ y: Double,
                                 _ ex: Value.ExactNumber, _ ey: Value.ExactNumber) throws -> Value {
        switch op {
        case .add: return .double(x + y)
        case .sub: return .double(x - y)
        case .mul: return .double(x * y)
        case .div:
            guard y != 0 else { throw JinjaError(.zeroDivision, "float division by zero") }
            return .double(x / y)
        case .floordiv:
            guard y != 0 else { throw JinjaError(.zeroDivision, "float floor division by zero") }
            return .double(pythonFloatMod(x, y).div)
        case .mod:
            guard y != 0 else { throw JinjaError(.zeroDivision, "float modulo") }
            return .double(pythonFloatMod(x, y).mod)
        case .pow:
            if x == 0 && y < 0 { throw JinjaError(.zeroDivision, "0.0 cannot be raised to a negative power") }
            let r = Foundation.pow(x, y)
            if r.isNaN && !x.isNaN && !y.isNaN {
                throw JinjaError(.value, "complex results are not supported")
            }
            if r.isInfinite && x.isFinite && y.isFinite { throw JinjaError(.overflow, "(34, 'Numerical result out of range')") }
            return .double(r)
        }
    }

    /// Python's float `divmod`.
    private static func pythonFloatMod(_ x: Double, _ y: Double) -> (div: Double, mod: Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        } else {
            mod = y < 0 ? -0.0 : 0.0
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = x / y < 0 ? -0.0 : 0.0
        }
        return (floordiv, mod)
    }

    /// `seq[i]` with Python's negative indexes; nil when out of range or not an integer.
    static func index(_ items: [Value], _ key: Value) -> Value? {
        guard let i = key.intValue, !key.isDouble else { return nil }
        let idx = i < 0 ? items.count + i : i
        guard idx >= 0 && idx < items.count else { return nil }
        return items[idx]
    }

    /// `seq[start:stop:step]` on lists, tuples and strings.
    static func slice(_ object: Value, _ start: Value?, _ stop: Value?, _ step: Value?) throws -> Value {
        func bound(_ v: Value?) throws -> Int? {
            guard let v, !v.isNone else { return nil }
            guard let i = v.intValue, !v.isDouble else {
                throw JinjaError(.type, "slice indices must be integers or None")
            }
            return i
        }
        let stepValue = try bound(step) ?? 1
        guard stepValue != 0 else { throw JinjaError(.value, "slice step cannot be zero") }
        let a = try bound(start)
        let b = try bound(stop)
        func indices(_ count: Int) -> [Int] {
            var lo: Int
            var hi: Int
            if stepValue > 0 {
                lo = a.map { $0 < 0 ? max(0, count + $0) : min($0, count) } ?? 0
                hi = b.map { $0 < 0 ? max(0, count + $0) : min($0, count) } ?? count
                return lo < hi ? Array(Swift.stride(from: lo, to: hi, by: stepValue)) : []
            }
            lo = a.map { $0 < 0 ? max(-1, count + $0) : min($0, count - 1) } ?? count - 1
            hi = b.map { $0 < 0 ? max(-1, count + $0) : min($0, count - 1) } ?? -1
            return lo > hi ? Array(Swift.stride(from: lo, to: hi, by: stepValue)) : []
        }
        switch object {
        case .list(let l): return .list(ListStorage(indices(l.items.count).map { l.items[$0] }))
        case .tuple(let t): return .tuple(indices(t.count).map { t[$0] })
        case .string(let s):
            let scalars = Array(s.unicodeScalars)
            var out = String.UnicodeScalarView()
            for i in indices(scalars.count) { out.append(scalars[i]) }
            return .string(String(out))
        case .undefined(let u): throw JinjaError(.undefined, u.message)
        default:
            // Jinja2's getitem turns the TypeError into an undefined value.
            return .undefined(Undefined(name: "slice", ownerDescription: "'\(object.typeName) object'"))
        }
    }
}

extension Value {
    var isDouble: Bool {
        if case .double = self { return true }
        return false
    }
}
