import Foundation
import GRDB

/// A date or timestamp as the function library reads and writes it: ISO-8601 text,
/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS[.ffffff]` (a `T` separator and a `Z` or `±HH:MM` offset
/// are accepted on input; an offset converts to UTC). Proleptic Gregorian calendar, microsecond
/// precision, no time zones.
struct SQLiteTimestamp: Hashable {
    /// Days since 1970-01-01.
    var days: Int
    /// Microseconds since midnight.
    var micros: Int64
    /// Whether the value was written with a time of day (results keep the input's form).
    var hasTime: Bool

    static let microsPerDay: Int64 = 86_400_000_000

    init(days: Int, micros: Int64, hasTime: Bool) {
        self.days = days + Int(micros.floorDiv(Self.microsPerDay))
        self.micros = micros.floorMod(Self.microsPerDay)
        self.hasTime = hasTime
    }

    init(year: Int, month: Int, day: Int, micros: Int64 = 0, hasTime: Bool) {
        self.init(days: Self.days(year: year, month: month, day: day), micros: micros, hasTime: hasTime)
    }

    /// Microseconds since 1970-01-01 00:00:00.
    var epochMicros: Int64 { Int64(days) * Self.microsPerDay + micros }

    // MARK: Calendar

    /// Days since 1970-01-01 of a civil date (the well-known era/day-of-era computation).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count.
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    var year: Int { Self.civil(days).year }
    var month: Int { Self.civil(days).month }
    var day: Int { Self.civil(days).day }
    var hour: Int { Int(micros / 3_600_000_000) }
    var minute: Int { Int(micros / 60_000_000 % 60) }
    var second: Int { Int(micros / 1_000_000 % 60) }
    var microsecond: Int { Int(micros % 1_000_000) }
    /// 0 = Sunday … 6 = Saturday.
    var weekday: Int { (days + 4).floorMod(7) }
    /// 1 = Monday … 7 = Sunday.
    var isoWeekday: Int { weekday == 0 ? 7 : weekday }
    /// 1 … 366.
    var dayOfYear: Int { days - Self.days(year: year, month: 1, day: 1) + 1 }

    /// The ISO-8601 week-numbering year and week (weeks start on Monday; week 1 holds the
    /// year's first Thursday).
    var isoWeek: (year: Int, week: Int) {
        let thursday = days - (isoWeekday - 1) + 3
        let y = Self.civil(thursday).year
        let week = (thursday - Self.days(year: y, month: 1, day: 1)) / 7 + 1
        return (y, week)
    }

    // MARK: Text

    /// Parses ISO-8601 text; nil when it is not a date.
    static func parse(_ text: String) -> SQLiteTimestamp? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        var end = bytes.count
        while end > i, bytes[end - 1] == 32 { end -= 1 }
        func digits(_ n: Int) -> Int? {
            guard i + n <= end else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let b = bytes[k]
                guard b >= 48, b <= 57 else { return nil }
                v = v * 10 + Int(b - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < end, bytes[i] == c else { return false }
            i += 1
            return true
        }
        var negative = false
        if i < end, bytes[i] == 45 { negative = true; i += 1 }
        guard var y = digits(4), expect(45), let m = digits(2), expect(45), let d = digits(2),
              (1...12).contains(m), d >= 1 else { return nil }
        if negative { y = -y }
        guard d <= daysInMonth(y, m) else { return nil }
        if i == end { return SQLiteTimestamp(year: y, month: m, day: d, hasTime: false) }
        guard i < end, bytes[i] == 32 || bytes[i] == 84 else { return nil }
        i += 1
        guard let hh = digits(2), expect(58), let mi = digits(2), hh < 24, mi < 60 else { return nil }
        var micros = Int64(hh * 3600 + mi * 60) * 1_000_000
        if expect(58) {
            guard let ss = digits(2), ss < 60 else { return nil }
            micros += Int64(ss) * 1_000_000
            if expect(46) {
                var scale: Int64 = 100_000
                var any = false
                while i < end, bytes[i] >= 48, bytes[i] <= 57 {
                    micros += Int64(bytes[i] - 48) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { return nil }
            }
        }
        while i < end, bytes[i] == 32 { i += 1 }
        if i < end {
            if bytes[i] == 90 || bytes[i] == 122 {
                i += 1
            } else if bytes[i] == 43 || bytes[i] == 45 {
                let sign: Int64 = bytes[i] == 43 ? 1 : -1
                i += 1
                guard let oh = digits(2) else { return nil }
                _ = expect(58)
                let om = digits(2) ?? 0
                micros -= sign * Int64(oh * 3600 + om * 60) * 1_000_000
            }
            guard i == end else { return nil }
        }
        return SQLiteTimestamp(days: days(year: y, month: m, day: d), micros: micros, hasTime: true)
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` with the fraction (trailing zeros trimmed, as
    /// PostgreSQL prints it) when there is one.
    var text: String {
        let (y, m, d) = Self.civil(days)
        var s = y < 0 ? "-" + pad(-y, 4) : pad(y, 4)
        s += "-" + pad(m, 2) + "-" + pad(d, 2)
        guard hasTime else { return s }
        s += " " + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2)
        if microsecond != 0 {
            var fraction = pad(microsecond, 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            s += "." + fraction
        }
        return s
    }

    /// Reads a function argument; nil for NULL.
    static func argument(_ value: DatabaseValue, _ function: String) throws -> SQLiteTimestamp? {
        guard let text = FunctionArguments.text(value) else { return nil }
        guard let timestamp = parse(text) else {
            throw FunctionArguments.error(function, "'\(text)' is not a date or timestamp (expected YYYY-MM-DD[ HH:MM:SS[.ffffff]])")
        }
        return timestamp
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension BinaryInteger {
    /// Division rounding toward negative infinity.
    func floorDiv(_ d: Self) -> Self {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }

    /// The remainder of ``floorDiv(_:)``, with the divisor's sign.
    func floorMod(_ d: Self) -> Self { self - floorDiv(d) * d }
}
