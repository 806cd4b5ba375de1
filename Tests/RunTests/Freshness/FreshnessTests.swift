import Foundation
import Project
import Testing
@testable import Run

@Suite("source freshness")
struct FreshnessTests {
    private func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Date {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute, c.second) = (y, mo, d, h, mi, s)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.date(from: c)!
    }

    @Test("SQLite's timestamp texts read as UTC", arguments: [
        ("2024-05-01 12:30:45", 0.0),
        ("2024-05-01T12:30:45", 0.0),
        ("2024-05-01T12:30:45Z", 0.0),
        ("2024-05-01 12:30:45.250", 0.25),
        ("2024-05-01T12:30:45.250000Z", 0.25),
        ("2024-05-01T14:30:45+02:00", 0.0),
        ("2024-05-01T10:30:45-0200", 0.0),
    ])
    func parses(_ text: String, _ fraction: Double) throws {
        let date = try #require(FreshnessClock.parse(text))
        #expect(abs(date.timeIntervalSince(utc(2024, 5, 1, 12, 30, 45)) - fraction) < 1e-6)
    }

    @Test("dates, minutes without seconds, and what is not a timestamp")
    func otherForms() {
        #expect(FreshnessClock.parse("2024-05-01") == utc(2024, 5, 1))
        #expect(FreshnessClock.parse("2024-05-01 12:30") == utc(2024, 5, 1, 12, 30))
        for bad in ["", "yesterday", "2024-13-01", "2024-02-30 00:00:00", "2024-05-01 25:00:00", "2024-05-01 12:30:45 junk", "1714566645"] {
            #expect(FreshnessClock.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("written as Python's isoformat and dbt's Z timestamps")
    func formats() {
        let d = utc(2024, 5, 1, 12, 30, 45)
        #expect(FreshnessClock.isoformat(d) == "2024-05-01T12:30:45+00:00")
        #expect(FreshnessClock.isoformat(d.addingTimeInterval(0.5)) == "2024-05-01T12:30:45.500000+00:00")
        #expect(FreshnessClock.zulu(d) == "2024-05-01T12:30:45.000000Z")
        #expect(FreshnessClock.sqlTimestamp(d) == "2024-05-01 12:30:45.000000")
    }

    @Test("thresholds: past error_after is error, past warn_after is warn, else pass")
    func status() {
        let c = FreshnessCriteria(warnAfter: .init(count: 1, period: "hour"), errorAfter: .init(count: 2, period: "day"))
        #expect(c.status(age: 60) == .pass)
        #expect(c.status(age: 3600) == .pass)
        #expect(c.status(age: 3601) == .warn)
        #expect(c.status(age: 2 * 86400 + 1) == .error)
        let minutes = FreshnessCriteria(warnAfter: .init(count: 10, period: "minute"))
        #expect(minutes.status(age: 601) == .warn)
        #expect(minutes.status(age: 10 * 86400) == .warn)
        #expect(!FreshnessCriteria(warnAfter: .init(count: 1, period: nil)).isActive)
    }

    @Test("a table's freshness merges over its source's, threshold by threshold; null switches it off")
    func merging() throws {
        let source = FreshnessSetting.policy(FreshnessPolicy(warnAfter: .init(count: 1, period: "hour"),
                                                             errorAfter: .init(count: 2, period: "day"), filter: "a"))
        let table = FreshnessSetting.policy(FreshnessPolicy(warnAfter: .init(count: 3, period: nil)))
        let merged = try #require(FreshnessCriteria.merged(source: source, table: table))
        #expect(merged.warnAfter == .init(count: 3, period: "hour"))
        #expect(merged.errorAfter == .init(count: 2, period: "day"))
        #expect(merged.filter == "a")
        #expect(FreshnessCriteria.merged(source: source, table: .disabled) == nil)
        #expect(FreshnessCriteria.merged(source: .unset, table: .unset) == nil)
        #expect(FreshnessCriteria.merged(source: source, table: .unset)?.warnAfter == .init(count: 1, period: "hour"))
    }

    @Test("the query: max of the field, now as snapshotted_at, the filter")
    func sql() {
        let sql = FreshnessChecker.sql(relation: "main.\"events\"", loadedAtField: "loaded_at", filter: "id > 0",
                                       now: utc(2024, 5, 1))
        #expect(sql == "select\n  max(loaded_at) as max_loaded_at,\n  '2024-05-01 00:00:00.000000' as snapshotted_at\nfrom main.\"events\"\nwhere id > 0")
    }
}
