import Foundation

/// Runs jobs in dependency order on N worker threads: a job starts once every job it depends on
/// has finished; when a job fails, everything downstream of it is skipped without running.
///
/// Generic over what a job is, so the order and skip rules are tested without a warehouse.
public final class Scheduler<Outcome: Sendable>: @unchecked Sendable {
    /// One unit of work and the jobs it waits for (only ids that are themselves jobs count).
    public struct Job: Sendable {
        public var id: String
        public var dependsOn: [String]
        public init(id: String, dependsOn: [String]) {
            self.id = id
            self.dependsOn = dependsOn
        }
    }

    private let jobs: [Job]
    private let threads: Int
    private let condition = NSCondition()
    private var remainingDeps: [Int]
    private var dependents: [[Int]]
    private var ready: [Int] = []
    private var blocked: [Bool]
    private var done = 0
    private var outcomes: [Outcome?]

    public init(jobs: [Job], threads: Int) {
        self.jobs = jobs
        self.threads = max(1, threads)
        var index: [String: Int] = [:]
        for (i, j) in jobs.enumerated() { index[j.id] = i }
        var remaining = [Int](repeating: 0, count: jobs.count)
        var dependents = [[Int]](repeating: [], count: jobs.count)
        for (i, j) in jobs.enumerated() {
            for d in Set(j.dependsOn) {
                guard let p = index[d], p != i else { continue }
                remaining[i] += 1
                dependents[p].append(i)
            }
        }
        self.remainingDeps = remaining
        self.dependents = dependents
        self.blocked = [Bool](repeating: false, count: jobs.count)
        self.outcomes = [Outcome?](repeating: nil, count: jobs.count)
        // Start in the given order (the caller passes a topological order), so output is stable.
        ready = (0..<jobs.count).filter { remaining[$0] == 0 }
    }

    /// Runs every job. `work` runs a job (on a worker thread, with the worker's number) and says
    /// whether its dependents may run; `skip` makes the outcome of a job that won't run because
    /// `cause` failed. `started` is called (on the worker) just before a job runs. Returns the
    /// outcomes in job order.
    public func run(
        work: @escaping @Sendable (Job, Int) -> (Outcome, blocksDependents: Bool),
        skip: @escaping @Sendable (Job, _ cause: String) -> Outcome
    ) -> [Outcome] {
        let workers = (1...min(threads, max(1, jobs.count))).map { number in
            Thread { [self] in self.workerLoop(number: number, work: work, skip: skip) }
        }
        for w in workers {
            w.stackSize = 8 << 20
            w.start()
        }
        condition.lock()
        while done < jobs.count { condition.wait() }
        condition.unlock()
        return outcomes.map { $0! }
    }

    private func workerLoop(number: Int, work: @Sendable (Job, Int) -> (Outcome, blocksDependents: Bool),
                            skip: @Sendable (Job, String) -> Outcome) {
        while true {
            condition.lock()
            while ready.isEmpty && done < jobs.count { condition.wait() }
            if done >= jobs.count {
                condition.unlock()
                condition.broadcast()
                return
            }
            let i = ready.removeFirst()
            condition.unlock()
            let (outcome, blocks) = work(jobs[i], number)
            condition.lock()
            finish(i, outcome, blocks: blocks, skip: skip)
            condition.unlock()
            condition.broadcast()
        }
    }

    /// Records a finished job and releases or skips its dependents. Called with the lock held.
    private func finish(_ i: Int, _ outcome: Outcome, blocks: Bool, skip: (Job, String) -> Outcome) {
        outcomes[i] = outcome
        done += 1
        var stack: [(Int, Bool)] = dependents[i].map { ($0, blocks) }
        while let (d, cascade) = stack.popLast() {
            if cascade && !blocked[d] {
                blocked[d] = true
            }
            remainingDeps[d] -= 1
            if remainingDeps[d] == 0 {
                if blocked[d] {
                    outcomes[d] = skip(jobs[d], jobs[i].id)
                    done += 1
                    stack += dependents[d].map { ($0, true) }
                } else {
                    ready.append(d)
                }
            }
        }
    }
}
