/// A source's `freshness:` block.
public struct FreshnessPolicy: Sendable, Hashable {
    /// A `count` + `period` threshold.
    public struct Threshold: Sendable, Hashable {
        /// `count`.
        public var count: Int?
        /// `period` (`minute`, `hour`, `day`).
        public var period: String?
        /// Creates a threshold.
        public init(count: Int?, period: String?) {
            self.count = count
            self.period = period
        }
    }
    /// `warn_after`.
    public var warnAfter: Threshold?
    /// `error_after`.
    public var errorAfter: Threshold?
    /// `filter`: a SQL condition added to the freshness query.
    public var filter: String?

    /// Creates a policy.
    public init(warnAfter: Threshold? = nil, errorAfter: Threshold? = nil, filter: String? = nil) {
        self.warnAfter = warnAfter
        self.errorAfter = errorAfter
        self.filter = filter
    }
}

/// Whether a `freshness:` key was absent, explicitly null (which disables an inherited policy
/// in dbt), or a policy.
public enum FreshnessSetting: Sendable, Hashable {
    case unset
    case disabled
    case policy(FreshnessPolicy)
}
