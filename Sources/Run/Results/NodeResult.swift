import Foundation

/// What happened to one node in a run, as dbt reports it in `run_results.json`.
public struct NodeResult: Sendable {
    /// dbt's statuses: models and seeds `success`/`error`/`skipped`; tests
    /// `pass`/`warn`/`fail`/`error`/`skipped`.
    public enum Status: String, Sendable {
        case success, error, skipped, pass, warn, fail
    }

    public var uniqueID: String
    public var status: Status
    /// The one-line outcome (`OK`, `SELECT 42`, `Got 3 results, configured to fail if != 0`, or
    /// the error).
    public var message: String
    /// Rows written (models, seeds) or failing rows counted (tests).
    public var rowsAffected: Int?
    /// For tests: the value of `fail_calc`.
    public var failures: Int?
    public var startedAt: Date
    public var completedAt: Date
    /// The SQL that ran, when compiled.
    public var compiledCode: String?
    /// Which worker ran it (`Thread-1`).
    public var thread: String

    public var executionTime: TimeInterval { completedAt.timeIntervalSince(startedAt) }

    /// Whether this result stops what depends on it (errors and failed tests; warnings don't).
    public var blocksDependents: Bool {
        status == .error || status == .fail || status == .skipped
    }
}
