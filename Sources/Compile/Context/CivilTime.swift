import Foundation
import Jinja

/// A naive date and time with microseconds, in the proleptic Gregorian calendar: the model
/// behind `modules.datetime`'s `datetime` and `date` values, with Python's arithmetic.
struct CivilTime: Sendable, Hashable, Comparable {
    var year: Int
    var month: Int
    var day: Int
    var hour = 0
    var minute = 0
    var second = 0
    var microsecond = 0

    /// Checks the ranges Python checks, with its messages.
    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) throws {
        guard (1...9999).contains(year) else { throw JinjaError(.value, "year \(year) is out of range") }
        guard (1...12).contains(month) else { throw JinjaError(.value, "month must be in 1..12") }
        guard (1...CivilTime.daysInMonth(year, month)).contains(day) else {
            throw JinjaError(.value, "day is out of range for month")
        }
        guard (0...23).contains(hour) else { throw JinjaError(.value, "hour must be in 0..23") }
        guard (0...59).contains(minute) else { throw JinjaError(.value, "minute must be in 0..59") }
        guard (0...59).contains(second) else { throw JinjaError(.value, "second must be in 0..59") }
        guard (0...999_999).contains(microsecond) else { throw JinjaError(.value, "microsecond must be in 0..999999") }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// The wall-clock time of `date` in `timeZone`.
    init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        year = c.year!
        month = c.month!
        day = c.day!
        hour = c.hour!
        minute = c.minute!
        second = c.second!
        microsecond = min(999_999, (c.nanosecond! + 500) / 1000)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// Days before January 1st of `year`, counting from 0001-01-01.
    private static func daysBeforeYear(_ year: Int) -> Int {
        let y = year - 1
        return y * 365 + y / 4 - y / 100 + y / 400
    }

    /// Python's `toordinal()`: 0001-01-01 is day 1.
    var ordinal: Int {
        var days = CivilTime.daysBeforeYear(year)
        for m in 1..<month { days += CivilTime.daysInMonth(year, m) }
        return days + day
    }

    /// Day of the year, 1-based.
    var dayOfYear: Int { ordinal - CivilTime.daysBeforeYear(year) }

    /// Python's `weekday()`: Monday is 0.
    var weekday: Int { (ordinal + 6) % 7 }

    /// The date of ordinal day `n` at midnight.
    static func fromOrdinal(_ n: Int) throws -> CivilTime {
        guard n >= 1 else { throw JinjaError(.overflow, "date value out of range") }
        var year = (n - 1) / 366 + 1
        while daysBeforeYear(year + 1) < n { year += 1 }
        var rest = n - daysBeforeYear(year)
        var month = 1
        while rest > daysInMonth(year, month) {
            rest -= daysInMonth(year, month)
            month += 1
        }
        return try CivilTime(year: year, month: month, day: rest)
    }

    /// Microseconds since 0001-01-01 00:00.
    var totalMicroseconds: Int {
        ((ordinal - 1) * 86_400 + hour * 3600 + minute * 60 + second) * 1_000_000 + microsecond
    }

    static func fromTotalMicroseconds(_ total: Int) throws -> CivilTime {
        let (days, rest) = total.quotientAndRemainder(dividingBy: 86_400_000_000)
        guard rest >= 0 else { throw JinjaError(.overflow, "date value out of range") }
        var t = try fromOrdinal(days + 1)
        let seconds = rest / 1_000_000
        t.microsecond = rest % 1_000_000
        t.hour = seconds / 3600
        t.minute = seconds / 60 % 60
        t.second = seconds % 60
        guard t.year <= 9999 else { throw JinjaError(.overflow, "date value out of range") }
        return t
    }

    static func < (a: CivilTime, b: CivilTime) -> Bool { a.totalMicroseconds < b.totalMicroseconds }

    /// Python's `date.isoformat()`.
    var dateString: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// Python's `time.isoformat()`: microseconds only when non-zero.
    var timeString: String {
        let base = "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        return microsecond == 0 ? base : base + "." + pad(microsecond, 6)
    }
}

/// `n` in decimal, left-padded with zeros to `width`.
func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(abs(n))
    let padded = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    return n < 0 ? "-" + padded : padded
}
