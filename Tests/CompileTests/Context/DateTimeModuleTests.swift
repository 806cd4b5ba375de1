import Compile
import Foundation
import Jinja
import Testing

/// Expected strings are what CPython 3.11 prints for the same calls.
@Suite("modules.datetime")
struct DateTimeModuleTests {
    func render(_ source: String) throws -> String {
        try renderWithContext("{% set dt = modules.datetime %}" + source)
    }

    @Test("constructing, printing and isoformat", arguments: [
        ("{{ dt.datetime(2024, 1, 2, 3, 4, 5) }}", "2024-01-02 03:04:05"),
        ("{{ dt.datetime(2024, 1, 2, 3, 4, 5).isoformat() }}", "2024-01-02T03:04:05"),
        ("{{ dt.datetime(2024, 1, 2, 3, 4, 5).isoformat(' ') }}", "2024-01-02 03:04:05"),
        ("{{ dt.datetime(2024, 3, 9, 15, 7, 0, 120) }}", "2024-03-09 15:07:00.000120"),
        ("{{ dt.datetime(2024, 3, 9, 15, 7, 0, 120).isoformat() }}", "2024-03-09T15:07:00.000120"),
        ("{{ dt.datetime(2024, 1, 2, 3, 4, 5).date() }}", "2024-01-02"),
        ("{{ dt.date(2024, 2, 29) }} {{ dt.date(2024, 2, 29).isoformat() }}", "2024-02-29 2024-02-29"),
        ("{{ [dt.datetime(2024, 1, 2, 3, 4, 5), dt.datetime(2024, 3, 9, 15, 7, 0, 120), dt.date(2024, 1, 2)] }}",
         "[datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2024, 3, 9, 15, 7, 0, 120), datetime.date(2024, 1, 2)]"),
        ("{{ dt.datetime(year=2024, month=1, day=2).replace(day=31) }}", "2024-01-31 00:00:00"),
    ])
    func construct(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("strftime", arguments: [
        ("{{ dt.datetime(2024, 1, 2, 3, 4, 5).strftime('%Y-%m-%d %H:%M:%S') }}", "2024-01-02 03:04:05"),
        ("{{ dt.datetime(2024, 3, 9, 15, 7, 0, 120).strftime('%a %A %b %B %d %e %j %I %p %y %w %u %U %W %V %G %f %%') }}",
         "Sat Saturday Mar March 09  9 069 03 PM 24 6 6 09 10 10 2024 000120 %"),
        ("{{ dt.datetime(2024, 1, 2, 3, 4, 5).strftime('%c | %x | %X | %-d/%-m | %F %T') }}",
         "Tue Jan  2 03:04:05 2024 | 01/02/24 | 03:04:05 | 2/1 | 2024-01-02 03:04:05"),
        ("{{ dt.date(2024, 2, 29).strftime('%d.%m.%Y') }}", "29.02.2024"),
        ("{{ dt.date(2021, 1, 3).strftime('%G-W%V-%u %U %W') }}", "2020-W53-7 01 00"),
        ("{{ dt.date(2020, 12, 31).strftime('%G-W%V-%u %U %W') }}", "2020-W53-4 52 52"),
        ("{{ dt.date(2024, 12, 30).strftime('%G-W%V-%u %U %W') }}", "2025-W01-1 52 53"),
    ])
    func strftime(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("parts")
    func parts() throws {
        let d = "{% set d = dt.datetime(2024, 1, 2, 3, 4, 5) %}"
        #expect(try render(d + "{{ d.year }} {{ d.month }} {{ d.day }} {{ d.hour }} {{ d.minute }} {{ d.second }} {{ d.weekday() }} {{ d.isoweekday() }}")
            == "2024 1 2 3 4 5 1 2")
    }

    @Test("timedelta normalises and prints as Python", arguments: [
        ("dt.timedelta(days=1, hours=2)", "1 day, 2:00:00", "1 7200 93600.0", "datetime.timedelta(days=1, seconds=7200)"),
        ("dt.timedelta(minutes=5)", "0:05:00", "0 300 300.0", "datetime.timedelta(seconds=300)"),
        ("dt.timedelta(2)", "2 days, 0:00:00", "2 0 172800.0", "datetime.timedelta(days=2)"),
        ("dt.timedelta(seconds=-1)", "-1 day, 23:59:59", "-1 86399 -1.0", "datetime.timedelta(days=-1, seconds=86399)"),
        ("dt.timedelta(hours=1.5)", "1:30:00", "0 5400 5400.0", "datetime.timedelta(seconds=5400)"),
        ("dt.timedelta(days=-3, microseconds=5)", "-3 days, 0:00:00.000005", "-3 0 -259199.999995",
         "datetime.timedelta(days=-3, microseconds=5)"),
    ])
    func timedelta(_ call: String, _ printed: String, _ fields: String, _ repr: String) throws {
        let source = "{% set t = \(call) %}{{ t }}|{{ t.days }} {{ t.seconds }} {{ t.total_seconds() }}|{{ [t] }}"
        #expect(try render(source) == "\(printed)|\(fields)|[\(repr)]")
    }

    @Test("now, utcnow and today read the injected clock")
    func clock() throws {
        #expect(try render("{{ dt.datetime.utcnow() }}") == "2024-03-09 15:07:00.000120")
        let local = CivilTimeReference.local(fixedNow)
        #expect(try render("{{ dt.datetime.now().strftime('%Y-%m-%d %H:%M') }}") == local.minute)
        #expect(try render("{{ dt.date.today() }}") == local.day)
    }

    @Test("an aware UTC datetime (dbt's run_started_at) prints its offset")
    func aware() throws {
        let started = Value.object(DateTimeValue(fixedNow, timeZone: TimeZone(identifier: "UTC")!, aware: true))
        let out = try renderWithContext("{{ t }}|{{ t.isoformat() }}|{{ t.strftime('%Y-%m-%d %H:%M:%S %z %Z') }}|{{ [t] }}",
                                        ["t": started])
        #expect(out == "2024-03-09 15:07:00.000120+00:00|2024-03-09T15:07:00.000120+00:00|2024-03-09 15:07:00 +0000 UTC|"
            + "[datetime.datetime(2024, 3, 9, 15, 7, 0, 120, tzinfo=datetime.timezone.utc)]")
    }

    @Test("strptime and fromisoformat", arguments: [
        ("{{ dt.datetime.strptime('2024-03-09 15:07:00', '%Y-%m-%d %H:%M:%S') }}", "2024-03-09 15:07:00"),
        ("{{ dt.datetime.strptime('09 Mar 2024 3PM', '%d %b %Y %I%p') }}", "2024-03-09 15:00:00"),
        ("{{ dt.datetime.fromisoformat('2024-03-09T15:07:00.5') }}", "2024-03-09 15:07:00.500000"),
        ("{{ dt.date.fromisoformat('2024-03-09') }}", "2024-03-09"),
    ])
    func parsing(_ source: String, _ expected: String) throws {
        #expect(try render(source) == expected)
    }

    @Test("out-of-range parts fail as in Python")
    func ranges() {
        #expect(throws: JinjaError.self) { try render("{{ dt.date(2023, 2, 29) }}") }
        #expect(throws: JinjaError.self) { try render("{{ dt.datetime(2024, 13, 1) }}") }
        #expect(throws: JinjaError.self) { try render("{{ dt.datetime.strptime('2024', '%Y-%m') }}") }
    }
}

/// The local-time strings the tests expect from `now()` and `today()`, via Foundation.
enum CivilTimeReference {
    static func local(_ date: Date) -> (minute: String, day: String) {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = .current
        f.dateFormat = "yyyy-MM-dd HH:mm"
        let minute = f.string(from: date)
        return (minute, String(minute.prefix(10)))
    }
}
