import Warehouse

/// The value tests of dbt's seed type tester (`dbt_common.clients.agate_helper.build_type_tester`),
/// reimplemented over UTF-8 bytes. Each test follows the agate (1.9) / dbt-common cast it stands
/// for; the facts are in the comments.
enum SeedValues {
    // MARK: Whitespace and nulls

    /// Python's `str.strip()` on ASCII: space, \t, \n, \v, \f, \r and the separators \x1c-\x1f.
    @inline(__always) static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F)
    }

    /// The bounds of `b` without surrounding whitespace (ASCII, plus Unicode spaces such as
    /// U+00A0 and U+3000, which Python's `strip()` also removes).
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = 0, hi = b.count
        while true {
            while lo < hi, isASCIISpace(b[lo]) { lo += 1 }
            if lo < hi, b[lo] >= 0x80, let n = unicodeSpaceLength(b, at: lo, limit: hi) { lo += n; continue }
            break
        }
        while true {
            while hi > lo, isASCIISpace(b[hi - 1]) { hi -= 1 }
            if hi > lo, b[hi - 1] >= 0x80 {
                var s = hi - 1
                while s > lo, b[s] & 0xC0 == 0x80 { s -= 1 }
                if let n = unicodeSpaceLength(b, at: s, limit: hi), s + n == hi { hi = s; continue }
            }
            break
        }
        return lo..<hi
    }

    private static func unicodeSpaceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int, limit: Int) -> Int? {
        var it = UnsafeBufferPointer(rebasing: b[i..<limit]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&it) else { return nil }
        guard scalar.value >= 0x80, scalar.properties.isWhitespace else { return nil }
        return UTF8.width(scalar)
    }

    /// dbt's null values for every seed type: `''` and `'null'`, compared after `strip()` and
    /// `lower()` (so `NULL`, ` Null ` and a blank cell are null; `NA`, `none`, `N/A` are not —
    /// those are agate's own defaults, which dbt replaces with `("null", "")`).
    static func isNull(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        if r.isEmpty { return true }
        guard r.count == 4 else { return false }
        let s = r.lowerBound
        return b[s] | 0x20 == 0x6E && b[s + 1] | 0x20 == 0x75 && b[s + 2] | 0x20 == 0x6C && b[s + 3] | 0x20 == 0x6C
    }

    // MARK: Number (agate.data_types.Number with dbt-common's no-bool subclass)

    /// A number as agate's `Number.cast` reads it.
    struct Number {
        enum Value { case finite, infinity, nan }
        var value: Value
        var negative: Bool
        /// The significant digits (no leading zeros; trailing zeros moved into `exponent`), as a
        /// range of the scratch buffer. Empty for zero.
        var digits: Range<Int>
        var exponent: Int

        /// agate's `max_precision` view of the normalized Decimal: digits before the point
        /// (`len(digits) + exponent`, zero counting one digit) and after it (`-exponent`).
        var wholePlaces: Int { Swift.max(digits.count, 1) + exponent }
        var decimalPlaces: Int { -exponent }

        /// True when the value has no fractional part: agate's `MaxPrecision` (on the normalized
        /// Decimal) is 0 for it, so a column of such values is `integer` (`1.0`, `1e3` included).
        var isIntegral: Bool { value != .finite || exponent >= 0 }
    }

    /// Python's default decimal context precision.
    static let decimalPrecision = 28

    private static let currencySymbols: [[UInt8]] = ["؋", "$", "ƒ", "៛", "¥", "₡", "₱", "£", "€", "¢", "﷼", "₪", "₩", "₭", "₮", "₦", "฿", "₤", "₫"].map { Array($0.utf8) }

    /// agate's `Number.cast` on a non-null, stripped value (en_US locale): strip `%` from both
    /// ends, take one leading `-` as the sign, strip each currency symbol of agate's list from both
    /// ends (in the list's order), drop every `,` (the group symbol), then Python's
    /// `Decimal(...)`: surrounding whitespace ignored, every `_` dropped, an optional sign, digits
    /// with an optional point, an optional exponent, or `Inf`/`Infinity`/`NaN` in any case.
    /// `$1,000`, `50%`, `-$5`, `1_000`, `+.5e-3` and `Infinity` are numbers; `1 000` and `0x10`
    /// are not. (Decimal also reads non-ASCII digits such as `٣`; we do not.)
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, scratch: inout [UInt8]) -> Number? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, b[lo] == 0x25 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x25 { hi -= 1 }
        var negative = false
        if lo < hi, b[lo] == 0x2D { negative = true; lo += 1 }
        for symbol in currencySymbols {
            let n = symbol.count
            while hi - lo >= n, hasBytes(b, lo, symbol) { lo += n }
            while hi - lo >= n, hasBytes(b, hi - n, symbol) { hi -= n }
        }
        // `,` is agate's group symbol: every one goes. Then Python's (C) Decimal strips the
        // surrounding whitespace and drops every `_`; whitespace left inside is an error (`_ 12`).
        scratch.removeAll(keepingCapacity: true)
        for k in lo..<hi where b[k] != 0x2C { scratch.append(b[k]) }
        let inner = scratch.withUnsafeBufferPointer { trimmed($0) }
        var i = inner.lowerBound
        var e = i
        for k in inner where scratch[k] != 0x5F {
            scratch[e] = scratch[k]
            e += 1
        }
        var decimalNegative = false
        if i < e, scratch[i] == 0x2B || scratch[i] == 0x2D {
            if scratch[i] == 0x2D { negative.toggle(); decimalNegative = true }
            i += 1
        }
        guard i < e else { return nil }
        let first = scratch[i] | 0x20
        if first == 0x69 || first == 0x6E || first == 0x73 {
            let word = String(decoding: scratch[i..<e], as: UTF8.self).lowercased()
            if word == "inf" || word == "infinity" {
                return Number(value: .infinity, negative: negative, digits: 0..<0, exponent: 0)
            }
            // `NaN` with optional payload digits. (`sNaN` parses, but multiplying it by the sign
            // raises InvalidOperation, so agate rejects it.) NaN * sign keeps the NaN's own sign.
            if word.hasPrefix("nan"), word.dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }) {
                var p = i + 3
                while p < e, scratch[p] == 0x30 { p += 1 }
                return Number(value: .nan, negative: decimalNegative, digits: p..<e, exponent: 0)
            }
            return nil
        }
        // Digits, an optional point and fraction, an optional exponent. The digits are compacted
        // in place (the point squeezed out) as they are read.
        let digitStart = i
        var w = i
        var intDigits = 0, fracDigits = 0
        while i < e, scratch[i] &- 0x30 < 10 { scratch[w] = scratch[i]; w += 1; i += 1; intDigits += 1 }
        if i < e, scratch[i] == 0x2E {
            i += 1
            while i < e, scratch[i] &- 0x30 < 10 { scratch[w] = scratch[i]; w += 1; i += 1; fracDigits += 1 }
        }
        guard intDigits + fracDigits > 0 else { return nil }
        var exponent = 0
        if i < e, scratch[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < e, scratch[i] == 0x2B || scratch[i] == 0x2D { expNegative = scratch[i] == 0x2D; i += 1 }
            let expStart = i
            while i < e, scratch[i] &- 0x30 < 10 {
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(scratch[i] &- 0x30) }
                i += 1
            }
            guard i > expStart else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == e else { return nil }
        // Normalize: leading zeros dropped, trailing zeros folded into the exponent.
        exponent -= fracDigits
        var first0 = digitStart
        var last = w
        while first0 < last, scratch[first0] == 0x30 { first0 += 1 }
        while last > first0, scratch[last - 1] == 0x30 { last -= 1; exponent += 1 }
        if first0 == last { exponent = 0 }
        // `Decimal(d) * sign` rounds to the context's 28 significant digits (half even).
        if last - first0 > decimalPrecision {
            let cut = first0 + decimalPrecision
            exponent += last - cut
            let d = scratch[cut]
            var restNonZero = false
            for k in (cut + 1)..<last where scratch[k] != 0x30 { restNonZero = true; break }
            let roundUp = d > 0x35 || (d == 0x35 && (restNonZero || (scratch[cut - 1] - 0x30) % 2 == 1))
            last = cut
            if roundUp {
                var k = last - 1
                while k >= first0, scratch[k] == 0x39 { scratch[k] = 0x30; k -= 1 }
                if k >= first0 {
                    scratch[k] += 1
                } else {
                    // All nines: 99…9 rounds to 1 followed by zeros.
                    scratch[first0] = 0x31
                    last = first0 + 1
                    exponent += decimalPrecision
                }
            }
            while last > first0, scratch[last - 1] == 0x30 { last -= 1; exponent += 1 }
        }
        return Number(value: .finite, negative: negative, digits: first0..<last, exponent: exponent)
    }

    @inline(__always) private static func hasBytes(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ bytes: [UInt8]) -> Bool {
        for (k, c) in bytes.enumerated() where b[at + k] != c { return false }
        return true
    }

    /// The cell for a number in an `integer` column: an Int when it fits; otherwise the text
    /// Python's `str(Decimal)` gives (`Infinity`, `NaN`) or the exact integer digits.
    static func integerCell(_ n: Number, scratch: [UInt8]) -> QueryCell {
        switch n.value {
        case .infinity: return .string(n.negative ? "-Infinity" : "Infinity")
        case .nan: return .string(nanText(n, scratch: scratch))
        case .finite:
            if n.digits.isEmpty { return .int(0) }
            if n.exponent >= 0, n.digits.count + n.exponent <= 19 {
                var value = 0
                var overflow = false
                for j in n.digits {
                    let (m, o1) = value.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int(scratch[j] &- 0x30))
                    value = a
                    overflow = overflow || o1 || o2
                }
                for _ in 0..<n.exponent {
                    let (m, o) = value.multipliedReportingOverflow(by: 10)
                    value = m
                    overflow = overflow || o
                }
                if !overflow { return .int(n.negative ? -value : value) }
            }
            return .string(exactText(n, scratch: scratch))
        }
    }

    /// The cell for a number in a decimal (`float8`) column: a Double, correctly rounded from the
    /// exact decimal; `Infinity` and `NaN` as text, as dbt-sqlite binds `str(Decimal)`.
    static func doubleCell(_ n: Number, scratch: [UInt8]) -> QueryCell {
        switch n.value {
        case .infinity: return .string(n.negative ? "-Infinity" : "Infinity")
        case .nan: return .string(nanText(n, scratch: scratch))
        case .finite:
            if n.digits.isEmpty { return .double(n.negative ? -0.0 : 0.0) }
            var text = n.negative ? "-" : ""
            text += String(decoding: scratch[n.digits], as: UTF8.self)
            text += "e\(n.exponent)"
            return .double(Double(text) ?? .nan)
        }
    }

    /// Python's `str()` of a NaN Decimal: `NaN`, `NaN12`, `-NaN`.
    static func nanText(_ n: Number, scratch: [UInt8]) -> String {
        (n.negative ? "-" : "") + "NaN" + String(decoding: scratch[n.digits], as: UTF8.self)
    }

    /// The exact value as plain decimal text (`-12.5`, `1000000000000000000000`).
    static func exactText(_ n: Number, scratch: [UInt8]) -> String {
        let digits = String(decoding: scratch[n.digits], as: UTF8.self)
        if digits.isEmpty { return "0" }
        var body: String
        if n.exponent >= 0 {
            body = digits + String(repeating: "0", count: n.exponent)
        } else {
            let point = digits.count + n.exponent
            if point > 0 {
                body = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            } else {
                body = "0." + String(repeating: "0", count: -point) + digits
            }
        }
        return n.negative ? "-" + body : body
    }

    // MARK: Boolean (agate.data_types.Boolean, true_values=("true",), false_values=("false",))

    /// agate's `Boolean.cast` as dbt configures it: every `,` removed, stripped, lowercased; `true`
    /// or `false` (so `True`, `TRUE`, ` false ` are booleans; `yes`, `t`, `1` are not). Returns
    /// nil for a non-boolean, `.some(nil)` for a null (`''`, `null`, and `,` which is `''` here).
    static func boolean(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool?? {
        var hasComma = false
        for j in r where b[j] == 0x2C { hasComma = true; break }
        if !hasComma { return booleanWord(b, r) }
        var letters: [UInt8] = []
        for j in r where b[j] != 0x2C { letters.append(b[j]) }
        return letters.withUnsafeBufferPointer { booleanWord($0, trimmed($0)) }
    }

    private static func booleanWord(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool?? {
        let s = r.lowerBound
        switch r.count {
        case 0: return .some(nil)
        case 4:
            let w = (b[s] | 0x20, b[s + 1] | 0x20, b[s + 2] | 0x20, b[s + 3] | 0x20)
            if w == (0x74, 0x72, 0x75, 0x65) { return .some(true) }
            if w == (0x6E, 0x75, 0x6C, 0x6C) { return .some(nil) }
            return nil
        case 5:
            let w = (b[s] | 0x20, b[s + 1] | 0x20, b[s + 2] | 0x20, b[s + 3] | 0x20, b[s + 4] | 0x20)
            return w == (0x66, 0x61, 0x6C, 0x73, 0x65) ? .some(false) : nil
        default: return nil
        }
    }

    // MARK: Date and DateTime (strptime with dbt's formats)

    struct Timestamp: Hashable {
        var year: Int, month: Int, day: Int
        var hour = 0, minute = 0, second = 0, microsecond = 0
        /// The UTC offset in minutes, when the text had one (ISO forms only).
        var offsetMinutes: Int? = nil

        /// Python's `date.isoformat()`: `2020-01-05`.
        var dateText: String { pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) }

        /// Python's `datetime.isoformat(" ")`, which is what dbt-sqlite's sqlite3 stores:
        /// `2020-01-05 10:00:00`, `.123000` when there are microseconds, `+05:30` with an offset.
        var dateTimeText: String {
            var s = dateText + " " + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
            if microsecond != 0 { s += "." + pad(microsecond, 6) }
            if let offset = offsetMinutes {
                let m = abs(offset)
                s += (offset < 0 ? "-" : "+") + pad(m / 60, 2) + ":" + pad(m % 60, 2)
            }
            return s
        }

        private func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Python's `datetime.date` range: years 1-9999, real days.
    static func validDate(_ y: Int, _ m: Int, _ d: Int) -> Bool {
        y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
    }

    /// Reads 1 or 2 ASCII digits at `i` (strptime's `%m`, `%d`, `%H`, `%M`, `%S` take one or two).
    private static func oneOrTwoDigits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> Int? {
        guard i < end, b[i] &- 0x30 < 10 else { return nil }
        var v = Int(b[i] &- 0x30)
        i += 1
        if i < end, b[i] &- 0x30 < 10 { v = v * 10 + Int(b[i] &- 0x30); i += 1 }
        return v
    }

    /// `strptime(d, "%Y-%m-%d")` (agate `Date` with dbt's `date_format`): four-digit year, month
    /// and day of one or two digits (`2020-1-5` is a date; strptime also takes a space-padded
    /// day, `2020-01- 5`), nothing after, a real calendar day.
    static func date(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Timestamp? {
        var i = r.lowerBound
        let e = r.upperBound
        guard let (y, m, d) = strptimeDate(b, &i, e), i == e else { return nil }
        return Timestamp(year: y, month: m, day: d)
    }

    private static func strptimeDate(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ e: Int) -> (Int, Int, Int)? {
        guard e - i >= 8 else { return nil }
        var y = 0
        for _ in 0..<4 {
            let c = b[i] &- 0x30
            guard c < 10 else { return nil }
            y = y * 10 + Int(c)
            i += 1
        }
        guard b[i] == 0x2D else { return nil }
        i += 1
        guard let m = oneOrTwoDigits(b, &i, e), m >= 1, m <= 12, i < e, b[i] == 0x2D else { return nil }
        i += 1
        var d: Int
        if i + 1 < e, b[i] == 0x20, b[i + 1] &- 0x31 < 9 {
            d = Int(b[i + 1] &- 0x30)
            i += 2
        } else {
            guard let v = oneOrTwoDigits(b, &i, e) else { return nil }
            d = v
        }
        guard validDate(y, m, d) else { return nil }
        return (y, m, d)
    }

    /// `strptime(d, "%Y-%m-%d %H:%M:%S")` (agate `DateTime` with dbt's `datetime_format`): the
    /// date as above, one or more whitespace characters, then hours, minutes and seconds of one
    /// or two digits each. No fractional seconds and no offset: `2020-01-05 10:00:00.5` is not
    /// a datetime to dbt (a column of such values is text).
    static func strptimeDateTime(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Timestamp? {
        var i = r.lowerBound
        let e = r.upperBound
        guard let (y, mo, d) = strptimeDate(b, &i, e) else { return nil }
        let spaceStart = i
        while i < e, isASCIISpace(b[i]) { i += 1 }
        guard i > spaceStart else { return nil }
        guard let h = oneOrTwoDigits(b, &i, e), h <= 23, i < e, b[i] == 0x3A else { return nil }
        i += 1
        guard let mi = oneOrTwoDigits(b, &i, e), mi <= 59, i < e, b[i] == 0x3A else { return nil }
        i += 1
        guard let s = oneOrTwoDigits(b, &i, e), s <= 59, i == e else { return nil }
        return Timestamp(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
    }

    // MARK: ISO 8601 (dbt-common's ISODateTime: isodate.parse_datetime)

    /// `isodate.parse_datetime`: the text splits on `T` into exactly a date and a time.
    /// Dates: `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-DDD`, `YYYYDDD` (ordinal), `YYYY-Www-D`, `YYYYWwwD`,
    /// `YYYY-Www`, `YYYYWww` (ISO weeks), `YYYY-MM`, `YYYY`, `YY` (century). Times: `hh:mm:ss`,
    /// `hhmmss`, `hh:mm`, `hhmm`, `hh`, the last unit with an optional `.` or `,` fraction, then
    /// `Z`, `±hh`, `±hhmm` or `±hh:mm`. So `2020-01-05T10:00:00Z` and `2020-01-05T10:00:00.123` are
    /// datetimes, `2020-01-05T10` too.
    static func isoDateTime(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Timestamp? {
        var t = -1
        for j in r where b[j] == 0x54 {
            if t >= 0 { return nil }
            t = j
        }
        guard t >= 0 else { return nil }
        guard let (y, m, d) = isoDate(b, r.lowerBound..<t) else { return nil }
        guard var ts = isoTime(b, (t + 1)..<r.upperBound) else { return nil }
        ts.year = y
        ts.month = m
        ts.day = d
        return ts
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ count: Int) -> Int? {
        var v = 0
        for j in from..<(from + count) {
            let c = b[j] &- 0x30
            guard c < 10 else { return nil }
            v = v * 10 + Int(c)
        }
        return v
    }

    /// Days since 0001-01-01 (Python's `date.toordinal() - 1`) and back.
    private static func ordinal(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y1 = y - 1
        var days = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400
        for month in 1..<m { days += daysIn(y, month) }
        return days + d - 1
    }

    private static func fromOrdinal(_ n: Int) -> (Int, Int, Int)? {
        guard n >= 0 else { return nil }
        var y = 1 + n / 366
        while ordinal(y + 1, 1, 1) <= n { y += 1 }
        var rest = n - ordinal(y, 1, 1)
        var m = 1
        while rest >= daysIn(y, m) { rest -= daysIn(y, m); m += 1 }
        guard y <= 9999 else { return nil }
        return (y, m, rest + 1)
    }

    private static func isoDate(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> (Int, Int, Int)? {
        let s = r.lowerBound
        let n = r.count
        func at(_ k: Int) -> UInt8 { b[s + k] }
        func week(_ y: Int, _ w: Int, _ day: Int) -> (Int, Int, Int)? {
            // isodate: date(y,1,1) + (w - (1 if Jan 1 is in ISO week 1 else 0)) weeks + (day - Jan 1's ISO weekday) days.
            guard y >= 1 else { return nil }
            let jan1 = ordinal(y, 1, 1)
            let isoWeekday = jan1 % 7 + 1 // 0001-01-01 was a Monday
            let inWeekOne = isoWeekday <= 4
            return fromOrdinal(jan1 + (w - (inWeekOne ? 1 : 0)) * 7 + day - isoWeekday)
        }
        func ordinalDate(_ y: Int, _ doy: Int) -> (Int, Int, Int)? {
            guard y >= 1 else { return nil }
            return fromOrdinal(ordinal(y, 1, 1) + doy - 1)
        }
        func calendar(_ y: Int, _ m: Int, _ d: Int) -> (Int, Int, Int)? {
            validDate(y, m, d) ? (y, m, d) : nil
        }
        switch n {
        case 10 where at(4) == 0x2D && at(7) == 0x2D:
            guard let y = digits(b, s, 4), let m = digits(b, s + 5, 2), let d = digits(b, s + 8, 2) else { return nil }
            return calendar(y, m, d)
        case 10 where at(4) == 0x2D && at(5) == 0x57 && at(8) == 0x2D:
            guard let y = digits(b, s, 4), let w = digits(b, s + 6, 2), let d = digits(b, s + 9, 1) else { return nil }
            return week(y, w, d)
        case 8 where at(4) == 0x57:
            guard let y = digits(b, s, 4), let w = digits(b, s + 5, 2), let d = digits(b, s + 7, 1) else { return nil }
            return week(y, w, d)
        case 8 where at(4) == 0x2D && at(5) == 0x57:
            guard let y = digits(b, s, 4), let w = digits(b, s + 6, 2) else { return nil }
            return week(y, w, 1)
        case 8 where at(4) == 0x2D:
            guard let y = digits(b, s, 4), let doy = digits(b, s + 5, 3) else { return nil }
            return ordinalDate(y, doy)
        case 8:
            guard let y = digits(b, s, 4), let m = digits(b, s + 4, 2), let d = digits(b, s + 6, 2) else { return nil }
            return calendar(y, m, d)
        case 7 where at(4) == 0x57:
            guard let y = digits(b, s, 4), let w = digits(b, s + 5, 2) else { return nil }
            return week(y, w, 1)
        case 7 where at(4) == 0x2D:
            guard let y = digits(b, s, 4), let m = digits(b, s + 5, 2) else { return nil }
            return calendar(y, m, 1)
        case 7:
            guard let y = digits(b, s, 4), let doy = digits(b, s + 4, 3) else { return nil }
            return ordinalDate(y, doy)
        case 4:
            guard let y = digits(b, s, 4) else { return nil }
            return calendar(y, 1, 1)
        case 2:
            guard let c = digits(b, s, 2) else { return nil }
            return calendar(c * 100 + 1, 1, 1)
        default:
            return nil
        }
    }

    private static func isoTime(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Timestamp? {
        var e = r.upperBound
        let s = r.lowerBound
        // The zone: Z, ±hh, ±hhmm, ±hh:mm.
        var offset: Int? = nil
        if e > s, b[e - 1] == 0x5A {
            offset = 0
            e -= 1
        } else {
            for length in [6, 5, 3] where e - s > length {
                let z = e - length
                guard b[z] == 0x2B || b[z] == 0x2D else { continue }
                var hh: Int?, mm = 0
                switch length {
                case 6:
                    guard b[z + 3] == 0x3A, let h = digits(b, z + 1, 2), let m = digits(b, z + 4, 2) else { continue }
                    hh = h; mm = m
                case 5:
                    guard let h = digits(b, z + 1, 2), let m = digits(b, z + 3, 2) else { continue }
                    hh = h; mm = m
                default:
                    guard let h = digits(b, z + 1, 2) else { continue }
                    hh = h
                }
                guard let h = hh, h <= 23, mm <= 59 else { return nil }
                offset = (b[z] == 0x2D ? -1 : 1) * (h * 60 + mm)
                e = z
                break
            }
        }
        // The fraction of the last unit.
        var fracDigits: [UInt8] = []
        var body = e
        for j in s..<e where b[j] == 0x2E || b[j] == 0x2C {
            body = j
            break
        }
        if body < e {
            guard e - body > 1 else { return nil }
            for j in (body + 1)..<e {
                guard b[j] &- 0x30 < 10 else { return nil }
                fracDigits.append(b[j] &- 0x30)
            }
        }
        // hh:mm:ss, hhmmss, hh:mm, hhmm, hh.
        var parts: [Int] = []
        switch body - s {
        case 8:
            guard b[s + 2] == 0x3A, b[s + 5] == 0x3A, let h = digits(b, s, 2), let m = digits(b, s + 3, 2), let sec = digits(b, s + 6, 2) else { return nil }
            parts = [h, m, sec]
        case 6:
            guard let h = digits(b, s, 2), let m = digits(b, s + 2, 2), let sec = digits(b, s + 4, 2) else { return nil }
            parts = [h, m, sec]
        case 5:
            guard b[s + 2] == 0x3A, let h = digits(b, s, 2), let m = digits(b, s + 3, 2) else { return nil }
            parts = [h, m]
        case 4:
            guard let h = digits(b, s, 2), let m = digits(b, s + 2, 2) else { return nil }
            parts = [h, m]
        case 2:
            guard let h = digits(b, s, 2) else { return nil }
            parts = [h]
        default:
            return nil
        }
        // The fraction, in microseconds of the last unit's size, rounded down (isodate quantizes
        // with ROUND_FLOOR).
        let unitMicros = [3_600_000_000, 60_000_000, 1_000_000][parts.count - 1]
        var fracMicros = 0
        if !fracDigits.isEmpty {
            // floor(0.f * unitMicros) with exact integer arithmetic on at most 18 digits.
            var numerator = 0
            var denominator = 1
            for d in fracDigits.prefix(18) {
                numerator = numerator * 10 + Int(d)
                denominator *= 10
            }
            let exact = numerator.multipliedFullWidth(by: unitMicros)
            let (q, _) = denominator.dividingFullWidth(exact)
            fracMicros = q
        }
        let h = parts[0], m = parts.count > 1 ? parts[1] : 0, sec = parts.count > 2 ? parts[2] : 0
        var total = fracMicros
        let hour = h + total / 3_600_000_000
        total %= 3_600_000_000
        let minute = m + total / 60_000_000
        total %= 60_000_000
        let second = sec + total / 1_000_000
        let micro = total % 1_000_000
        guard hour <= 23, minute <= 59, second <= 59 else { return nil }
        return Timestamp(year: 1, month: 1, day: 1, hour: hour, minute: minute, second: second,
                         microsecond: micro, offsetMinutes: offset)
    }
}

