import Foundation
import Jinja

/// `modules.datetime`: Python's `datetime` module as dbt exposes it, with the classes
/// `datetime`, `date` and `timedelta`.
///
/// `datetime.datetime(y, m, d, h=0, mi=0, s=0, us=0)`, `datetime.datetime.now()`,
/// `.utcnow()`, `.today()`, `.strptime(text, fmt)`, `.fromisoformat(text)`;
/// `datetime.date(y, m, d)`, `datetime.date.today()`, `.fromisoformat(text)`;
/// `datetime.timedelta(days=, seconds=, microseconds=, milliseconds=, minutes=, hours=, weeks=)`.
/// The clock is injected, so renders are reproducible in tests.
enum DateTimeModule {
    static func make(now: @escaping @Sendable () -> Date) -> Value {
        .object(NamespaceObject("datetime", [
            "datetime": .object(DateTimeClass(now: now)),
            "date": .object(DateClass(now: now)),
            "timedelta": .object(TimeDeltaClass()),
            "MINYEAR": .int(1),
            "MAXYEAR": .int(9999),
        ]))
    }
}

/// The class `datetime.datetime`: callable, with the constructors as methods.
final class DateTimeClass: JinjaObject {
    let now: @Sendable () -> Date
    init(now: @escaping @Sendable () -> Date) { self.now = now }

    var typeName: String { "type" }
    var stringValue: String { "<class 'datetime.datetime'>" }
    func attribute(_ name: String) throws -> Value? { nil }

    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        let names = ["year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo"]
        let b = try arguments.bind("datetime", names, required: 3)
        var parts: [Int] = []
        for i in 0..<7 { parts.append(try b[i].map { try ContextArguments.int($0, "datetime", names[i]) } ?? 0) }
        return .object(DateTimeValue(try CivilTime(year: parts[0], month: parts[1], day: parts[2], hour: parts[3],
                                                   minute: parts[4], second: parts[5], microsecond: parts[6])))
    }

    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "now", "today":
            _ = try arguments.bind(name, ["tz"])
            return .object(DateTimeValue(now(), timeZone: .current))
        case "utcnow":
            _ = try arguments.bind(name, [])
            return .object(DateTimeValue(now(), timeZone: TimeZone(identifier: "UTC")!))
        case "strptime":
            let b = try arguments.bind(name, ["date_string", "format"], required: 2)
            let text = try ContextArguments.string(b[0], name, "date_string")
            let format = try ContextArguments.string(b[1], name, "format")
            return .object(DateTimeValue(try PythonStrptime.parse(text, format)))
        case "fromisoformat":
            let b = try arguments.bind(name, ["date_string"], required: 1)
            return .object(DateTimeValue(try PythonStrptime.parseISO(try ContextArguments.string(b[0], name, "date_string"))))
        default:
            return nil
        }
    }
}

/// The class `datetime.date`: callable, with `today()` and `fromisoformat()`.
final class DateClass: JinjaObject {
    let now: @Sendable () -> Date
    init(now: @escaping @Sendable () -> Date) { self.now = now }

    var typeName: String { "type" }
    var stringValue: String { "<class 'datetime.date'>" }
    func attribute(_ name: String) throws -> Value? { nil }

    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        let b = try arguments.bind("date", ["year", "month", "day"], required: 3)
        return .object(DateValue(try CivilTime(year: try ContextArguments.int(b[0], "date", "year"),
                                               month: try ContextArguments.int(b[1], "date", "month"),
                                               day: try ContextArguments.int(b[2], "date", "day"))))
    }

    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "today":
            _ = try arguments.bind(name, [])
            let t = CivilTime(now(), timeZone: .current)
            return .object(DateValue(try CivilTime(year: t.year, month: t.month, day: t.day)))
        case "fromisoformat":
            let b = try arguments.bind(name, ["date_string"], required: 1)
            let t = try PythonStrptime.parseISO(try ContextArguments.string(b[0], name, "date_string"))
            return .object(DateValue(try CivilTime(year: t.year, month: t.month, day: t.day)))
        default:
            return nil
        }
    }
}

/// The class `datetime.timedelta`: callable.
final class TimeDeltaClass: JinjaObject {
    var typeName: String { "type" }
    var stringValue: String { "<class 'datetime.timedelta'>" }
    func attribute(_ name: String) throws -> Value? { nil }

    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        .object(try TimeDeltaValue.make(arguments))
    }
}
