import Foundation

/// One slot a task, filled from tasks running side by side (`DispatchQueue.concurrentPerform`).
public final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values, in the order of their slots.
    public var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
