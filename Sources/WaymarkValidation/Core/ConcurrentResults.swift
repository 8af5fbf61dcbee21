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
                                      issue: @Sendable (Rule, RowHit) -> ValidationIssue) -> [ValidationIssue] {
        let found = ConcurrentResults<[ValidationIssue]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            var seen = Set<RowHit>()
            var issues: [ValidationIssue] = []
            for hit in find(rules[index]) where seen.insert(hit).inserted { issues.append(issue(rules[index], hit)) }
            issues.sort { ($0.table, $0.row) < ($1.table, $1.row) }
            found.set(index, issues)
        }
        return found.values.flatMap { $0 }
    }
}
