import Foundation
import Jinja

/// A Python `datetime.datetime` (naive): what `modules.datetime.datetime.now()` and
/// `modules.datetime.datetime(2024, 1, 2, 3, 4, 5)` return.
///
/// Prints as Python does (`2024-01-02 03:04:05`, with `.ffffff` when there are microseconds).
/// Attributes: `year`, `month`, `day`, `hour`, `minute`, `second`, `microsecond`, `tzinfo`
/// (none). Methods: `isoformat(sep='T')`, `strftime(fmt)`, `date()`, `replace(…)`,
/// `weekday()`, `isoweekday()`, `toordinal()`, `isocalendar()`.
///
/// ```swift
/// context["run_started_at"] = .object(DateTimeValue(Date(), timeZone: .gmt))
/// ```
public final class DateTimeValue: JinjaObject {
    let time: CivilTime
    /// For an aware datetime: its UTC offset in seconds and zone name.
    let zone: (offset: Int, name: String)?

    init(_ time: CivilTime, zone: (offset: Int, name: String)? = nil) {
        self.time = time
        self.zone = zone
    }

    /// The wall-clock time of `date` in `timeZone`, to the microsecond. With `aware`, the value
    /// carries the zone and prints its offset (`2024-03-09 15:07:00+00:00`), as dbt's
    /// `run_started_at` (UTC) does.
    public convenience init(_ date: Date, timeZone: TimeZone, aware: Bool = false) {
        let zone = aware ? (timeZone.secondsFromGMT(for: date),
                            timeZone.identifier == "GMT" ? "UTC" : timeZone.abbreviation(for: date) ?? timeZone.identifier) : nil
        self.init(CivilTime(date, timeZone: timeZone), zone: zone)
    }

    /// A datetime from its parts; throws as Python does for out-of-range parts.
    public convenience init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                            microsecond: Int = 0) throws
    {
        self.init(try CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                                microsecond: microsecond))
    }

    public var typeName: String { "datetime" }
    public var stringValue: String { time.dateString + " " + time.timeString + offsetSuffix }

    private var offsetSuffix: String { zone.map { PythonStrftime.offsetString($0.offset, separator: ":") } ?? "" }
    public var reprValue: String {
        var parts = [time.year, time.month, time.day, time.hour, time.minute].map(String.init)
        if time.second != 0 || time.microsecond != 0 { parts.append(String(time.second)) }
        if time.microsecond != 0 { parts.append(String(time.microsecond)) }
        if let zone { parts.append(zone.offset == 0 ? "tzinfo=datetime.timezone.utc" : "tzinfo=\(zone.name)") }
        return "datetime.datetime(\(parts.joined(separator: ", ")))"
    }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "hour": return .int(time.hour)
        case "minute": return .int(time.minute)
        case "second": return .int(time.second)
        case "microsecond": return .int(time.microsecond)
        case "tzinfo": return zone.map { .string($0.name) } ?? Value.none
        default: return DateValue.dateAttribute(time, name)
        }
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "isoformat":
            let b = try arguments.bind(name, ["sep", "timespec"])
            let sep = ContextArguments.optionalString(b[0]) ?? "T"
            return .string(time.dateString + sep + time.timeString + offsetSuffix)
        case "date":
            _ = try arguments.bind(name, [])
            return .object(DateValue(try CivilTime(year: time.year, month: time.month, day: time.day)))
        case "replace":
            let b = try arguments.bind(name, ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"])
            func part(_ i: Int, _ current: Int) throws -> Int {
                guard let v = b[i] else { return current }
                return try ContextArguments.int(v, "replace", "part")
            }
            return .object(DateTimeValue(try CivilTime(
                year: try part(0, time.year), month: try part(1, time.month), day: try part(2, time.day),
                hour: try part(3, time.hour), minute: try part(4, time.minute), second: try part(5, time.second),
                microsecond: try part(6, time.microsecond)), zone: zone))
        case "strftime":
            let b = try arguments.bind(name, ["format"], required: 1)
            return .string(PythonStrftime.format(time, try ContextArguments.string(b[0], name, "format"), zone: zone))
        case "timestamp":
            _ = try arguments.bind(name, [])
            return .double(Double(time.totalMicroseconds - DateTimeValue.unixEpoch - (zone?.offset ?? 0) * 1_000_000) / 1_000_000)
        default:
            return try DateValue.dateMethod(time, name, arguments)
        }
    }

    /// Microseconds from 0001-01-01 to 1970-01-01.
    static let unixEpoch = (try! CivilTime(year: 1970, month: 1, day: 1)).totalMicroseconds
}
