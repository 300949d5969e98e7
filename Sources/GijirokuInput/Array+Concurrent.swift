import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to consecutive slices of the array on every core; the results
    /// in the array's order. For work that is the same whichever thread does it.
    ///
    /// ```swift
    /// let lengths = texts.concurrentChunks { slice in slice.map(\.count) }.flatMap { $0 }
    /// ```
    package func concurrentChunks<T: Sendable>(_ transform: @Sendable (ArraySlice<Element>) -> T) -> [T] {
        guard count > 1 else { return [transform(self[...])] }
        // A few slices per core, so that one slow slice does not leave a core idle.
        let size = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 4))
        let bounds = stride(from: 0, to: count, by: size).map { $0..<Swift.min(count, $0 + size) }
        let slots = Slots<T>(count: bounds.count)
        DispatchQueue.concurrentPerform(iterations: bounds.count) { k in
            slots.set(k, transform(self[bounds[k]]))
        }
        return slots.values
    }

    /// `map` on every core, in order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        concurrentChunks { $0.map(transform) }.flatMap { $0 }
    }
}

/// Results written by concurrent workers, each to its own slot.
package final class Slots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    package var values: [T] { slots.map { $0! } }
}
