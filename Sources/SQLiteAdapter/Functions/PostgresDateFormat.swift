/// PostgreSQL's `to_char` template patterns for dates and timestamps.
///
/// Supported: `YYYY YYY YY Y IYYY IYY IY` (years), `MM`, `MONTH Month month` (padded to 9
/// unless `FM`), `MON Mon mon`, `DD DDD D ID IDDD`, `DAY Day day` (padded to 9), `DY Dy dy`,
/// `HH HH12 HH24 MI SS MS US SSSS SSSSS`, `AM PM am pm A.M. P.M. a.m. p.m.`, `Q WW W IW J CC`;
/// the `FM` prefix (no padding) and `TH`/`th` suffix (ordinal); `"quoted text"` and `\x`
/// literals. Anything else is copied. Numeric patterns match in any case, name patterns
/// only in the three spellings shown.
enum PostgresDateFormat {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Name patterns, matched case-sensitively, longest first.
    private static let namePatterns = ["MONTH", "Month", "month", "MON", "Mon", "mon", "DAY", "Day", "day",
                                       "DY", "Dy", "dy", "A.M.", "a.m.", "P.M.", "p.m.", "AM", "am", "PM", "pm"]
    /// Numeric patterns, matched case-insensitively, longest first.
    private static let numericPatterns = ["HH24", "HH12", "HH", "MI", "SSSSS", "SSSS", "SS", "MS", "US", "IYYY", "IYY",
                                          "IDDD", "IW", "ID", "IY", "YYYY", "YYY", "YY", "Y", "MM", "DDD", "DD", "D",
                                          "WW", "W", "Q", "J", "CC"]

    static func format(_ t: SQLiteTimestamp, _ template: String) -> String {
        let chars = Array(template)
        var out = ""
        var i = 0
        func matches(_ p: String, caseSensitive: Bool) -> Bool {
            let pc = Array(p)
            guard i + pc.count <= chars.count else { return false }
            for k in 0..<pc.count {
                let c = chars[i + k]
                if caseSensitive ? c != pc[k] : Character(c.uppercased()) != pc[k] { return false }
            }
            return true
        }
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                i += 1
                while i < chars.count, chars[i] != "\"" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    out.append(chars[i])
                    i += 1
                }
                i += 1
                continue
            }
            if c == "\\", i + 1 < chars.count {
                out.append(chars[i + 1])
                i += 2
                continue
            }
            var fill = false
            if matches("FM", caseSensitive: false) {
                fill = true
                i += 2
            }
            if let p = namePatterns.first(where: { matches($0, caseSensitive: true) }) {
                i += p.count
                out += name(p, t, fill: fill)
                continue
            }
            if let p = numericPatterns.first(where: { matches($0, caseSensitive: false) }) {
                i += p.count
                let (value, width) = number(p, t)
                var text = fill ? String(value) : pad(value, width)
                if value < 0 { text = "-" + (fill ? String(-value) : pad(-value, width)) }
                if matches("TH", caseSensitive: true) || matches("th", caseSensitive: true) {
                    let upper = chars[i] == "T"
                    let suffix = ordinal(value)
                    text += upper ? suffix.uppercased() : suffix
                    i += 2
                }
                out += text
                continue
            }
            if fill { continue }
            out.append(c)
            i += 1
        }
        return out
    }

    private static func name(_ p: String, _ t: SQLiteTimestamp, fill: Bool) -> String {
        func cased(_ s: String) -> String {
            if p == p.uppercased() && p.first!.isLetter && p.count > 1 && p.dropFirst().first!.isUppercase { return s.uppercased() }
            if p.first!.isLowercase { return s.lowercased() }
            return s
        }
        func padded(_ s: String) -> String { fill ? s : s + String(repeating: " ", count: max(0, 9 - s.count)) }
        switch p.uppercased() {
        case "MONTH": return padded(cased(monthNames[t.month - 1]))
        case "MON": return cased(String(monthNames[t.month - 1].prefix(3)))
        case "DAY": return padded(cased(dayNames[t.weekday]))
        case "DY": return cased(String(dayNames[t.weekday].prefix(3)))
        default:
            let pm = t.hour >= 12
            let dotted = p.contains(".")
            let s = dotted ? (pm ? "P.M." : "A.M.") : (pm ? "PM" : "AM")
            return p.first!.isLowercase ? s.lowercased() : s
        }
    }

    /// A numeric field and its zero-padded width.
    private static func number(_ p: String, _ t: SQLiteTimestamp) -> (Int, Int) {
        let y = t.year
        let iso = t.isoWeek
        switch p {
        case "YYYY": return (y, 4)
        case "YYY": return (abs(y) % 1000, 3)
        case "YY": return (abs(y) % 100, 2)
        case "Y": return (abs(y) % 10, 1)
        case "IYYY": return (iso.year, 4)
        case "IYY": return (abs(iso.year) % 1000, 3)
        case "IY": return (abs(iso.year) % 100, 2)
        case "MM": return (t.month, 2)
        case "DD": return (t.day, 2)
        case "DDD": return (t.dayOfYear, 3)
        case "D": return (t.weekday + 1, 1)
        case "ID": return (t.isoWeekday, 1)
        case "IDDD": return ((iso.week - 1) * 7 + t.isoWeekday, 3)
        case "HH", "HH12": return (t.hour % 12 == 0 ? 12 : t.hour % 12, 2)
        case "HH24": return (t.hour, 2)
        case "MI": return (t.minute, 2)
        case "SS": return (t.second, 2)
        case "MS": return (t.microsecond / 1000, 3)
        case "US": return (t.microsecond, 6)
        case "SSSS", "SSSSS": return (Int(t.micros / 1_000_000), 1)
        case "WW": return ((t.dayOfYear - 1) / 7 + 1, 2)
        case "W": return ((t.day - 1) / 7 + 1, 1)
        case "IW": return (iso.week, 2)
        case "Q": return ((t.month - 1) / 3 + 1, 1)
        case "J": return (t.days + 2_440_588, 1)
        case "CC": return (y > 0 ? (y - 1) / 100 + 1 : -((-y - 1) / 100 + 1), 2)
        default: return (0, 1)
        }
    }

    private static func ordinal(_ n: Int) -> String {
        let n = abs(n)
        if (11...13).contains(n % 100) { return "th" }
        switch n % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
