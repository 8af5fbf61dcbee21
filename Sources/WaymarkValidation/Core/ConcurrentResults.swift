import Dispatch
import Foundation

/// One slot a task, filled from tasks running side by side.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}

extension ValidationIssue {
    /// Runs rules side by side (they read the same data and write only their own findings) and names what each
    /// finds: each rule's rows once, in table and row order, the rules in the order given.
    static func found<Rule: Sendable>(by rules: [Rule], find: @Sendable (Rule) -> [RowHit],
                                      issues: @Sendable (Rule, _ table: String) -> (_ row: Int) -> ValidationIssue) -> [ValidationIssue] {
        let found = ConcurrentResults<[ValidationIssue]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            // In table and row order, each row once; what an issue names of its table is looked up once a table.
            let hits = find(rules[index]).sorted { ($0.table, $0.row) < ($1.table, $1.row) }
            var named: [ValidationIssue] = []
            named.reserveCapacity(hits.count)
            var start = 0
            while start < hits.count {
                let table = hits[start].table, issue = issues(rules[index], table)
                var end = start
                while end < hits.count, hits[end].table == table {
                    if end == start || hits[end].row != hits[end - 1].row { named.append(issue(hits[end].row)) }
                    end += 1
                }
                start = end
            }
            found.set(index, named)
        }
        return found.values.flatMap { $0 }
    }
}
