import Foundation
import GijirokuMessages

/// Progress on standard error: a line rewritten in place on a terminal (files done of
/// total, rate, ETA, failures), or a plain line every few seconds when it is not one.
struct Progress {
    let total: Int
    let quiet: Bool
    /// The line's words: files (with failures), or elements.
    let line: MessageKey
    private let start = Date()
    private var lastPrint = Date.distantPast
    private let terminal = isatty(STDERR_FILENO) != 0

    init(total: Int, quiet: Bool, line: MessageKey = .progressLine) {
        self.total = total
        self.quiet = quiet
        self.line = line
    }

    /// - Parameter beforePrinting: what must be written before the line (output gathered
    ///   and not yet written), when the line is printed.
    mutating func update(done: Int, failures: Int, console: inout Console, beforePrinting: (inout Console) -> Void = { _ in }) {
        guard !quiet else { return }
        let now = Date()
        guard now.timeIntervalSince(lastPrint) >= (terminal ? 0.2 : 5) || done == total else { return }
        lastPrint = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = console.text(self.line, ["done": String(done), "total": String(total), "rate": String(format: "%.0f", rate),
                                                 "eta": String(format: "%.0f", eta), "failures": String(failures)])
        beforePrinting(&console)
        console.errors.write(terminal ? "\r\u{1B}[K" + line : line + "\n")
    }

    func finish(console: inout Console) {
        if !quiet && terminal { console.errors.write("\n") }
    }
}
