import Foundation

/// Timestamps as SQLite keeps them (ISO text), read as UTC instants, and written as dbt writes
/// them in `sources.json`.
public enum FreshnessClock {
    /// Reads `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.ffffff]]` or the ISO `T` form, with an optional
    /// `Z` or `±HH[:MM]` offset; a timestamp without an offset is UTC, as dbt assumes.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                guard b[k] >= 48, b[k] <= 57 else { return nil }
                v = v * 10 + Int(b[k] - 48)
            }
            i += n
            return v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect(45), let month = digits(2), expect(45), let day = digits(2) else { return nil }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset = 0
        if i < b.count {
            guard b[i] == 32 || b[i] == 84 || b[i] == 116 else { return nil }   // ' ', 'T', 't'
            i += 1
            guard let h = digits(2), expect(58), let m = digits(2) else { return nil }
            hour = h
            minute = m
            if expect(58) {
                guard let s = digits(2) else { return nil }
                second = s
                if i < b.count, b[i] == 46 || b[i] == 44 {
                    i += 1
                    var scale = 0.1
                    var any = false
                    while i < b.count, b[i] >= 48, b[i] <= 57 {
                        fraction += Double(b[i] - 48) * scale
                        scale /= 10
                        i += 1
                        any = true
                    }
                    guard any else { return nil }
                }
            }
            while i < b.count, b[i] == 32 { i += 1 }
            if i < b.count {
                if b[i] == 90 || b[i] == 122 {   // Z
                    i += 1
                } else if b[i] == 43 || b[i] == 45 {   // + -
                    let sign = b[i] == 45 ? -1 : 1
                    i += 1
                    guard let oh = digits(2) else { return nil }
                    var om = 0
                    if i < b.count {
                        _ = expect(58)
                        guard let m = digits(2) else { return nil }
                        om = m
                    }
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
            guard i == b.count, hour < 24, minute < 60, second < 61 else { return nil }
        }
        var components = DateComponents()
        components.calendar = calendar
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date.addingTimeInterval(fraction - Double(offset))
    }

    private static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// `2024-05-01T12:00:00.123456+00:00`: Python's `datetime.isoformat()` of an aware UTC
    /// datetime, as `max_loaded_at` and `snapshotted_at` appear in `sources.json`.
    public static func isoformat(_ date: Date) -> String {
        let (seconds, micros) = split(date)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
        if micros != 0 { text += String(format: ".%06d", micros) }
        return text + "+00:00"
    }

    /// `2024-05-01T12:00:00.123456Z`: how dbt writes `generated_at` and timing.
    public static func zulu(_ date: Date) -> String {
        let (seconds, micros) = split(date)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, micros)
    }

    /// A SQL literal for `now` in UTC (`2024-05-01 12:00:00.123456`), the form SQLite's own
    /// `datetime()` functions read.
    public static func sqlTimestamp(_ date: Date) -> String {
        let (seconds, micros) = split(date)
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d.%06d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!, micros)
    }

    private static func split(_ date: Date) -> (Double, Int) {
        let t = date.timeIntervalSince1970
        var seconds = t.rounded(.down)
        var micros = Int(((t - seconds) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            seconds += 1
            micros -= 1_000_000
        }
        return (seconds, micros)
    }
}
