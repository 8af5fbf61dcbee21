import Foundation
import Vapor

/// Prints an HTML document to PDF with headless Chromium (the architecture's choice: the same print styles
/// as the browser, no second layout engine). The document is written to a private temporary folder and
/// removed afterwards; it must carry its own styles, as Chromium reads it from a file, and its own policy
/// (`Layout.printContentSecurityPolicy`) keeps Chromium from loading anything else.
///
/// Each print starts a dozen Chromium processes: at most two run at once, a few more wait their turn, and anyone
/// past those is asked to try again; a print that has not finished in time is stopped.
package enum PDFPrinter {
    package static let shared = PrintSlots(running: 2, waiting: 8)

    package static func print(html: String, chromium: String, timeout: Duration = .seconds(60), slots: PrintSlots = shared) async throws -> Data {
        try await slots.acquire()
        do {
            let pdf = try await printNow(html: html, chromium: chromium, timeout: timeout)
            await slots.release()
            return pdf
        } catch {
            await slots.release()
            throw error
        }
    }

    private static func printNow(html: String, chromium: String, timeout: Duration) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/profile",
            "--disable-extensions", "--disable-background-networking", "--no-first-run",
            "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let watchdog = Watchdog()
        let timer = Task {
            try? await Task.sleep(for: timeout)
            if !Task.isCancelled { watchdog.fire() }
        }
        defer { timer.cancel() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
                watchdog.watch(process.processIdentifier)
            } catch {
                continuation.resume(throwing: error)
            }
        }
        if watchdog.fired {
            throw Abort(
                .serviceUnavailable, reason: "The PDF could not be made in time. Try again, or print the report page from your browser instead.")
        }
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Abort(
                .serviceUnavailable,
                reason:
                    "The PDF could not be made: \(chromium) did not print it (exit \(process.terminationStatus)). Print the report page from your browser instead."
            )
        }
        return pdf
    }
}

/// A bounded number of prints at once, and of prints waiting for one to finish.
package actor PrintSlots {
    package let running: Int, waiting: Int
    private var busy = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    package init(running: Int, waiting: Int) {
        self.running = running
        self.waiting = waiting
    }

    func acquire() async throws {
        if busy < running {
            busy += 1
            return
        }
        guard queue.count < waiting else {
            throw Abort(.serviceUnavailable, reason: "Waymark is printing other reports just now. Try again in a minute.")
        }
        await withCheckedContinuation { queue.append($0) }
    }

    /// Hands the slot to the next print waiting, if any.
    package func release() {
        if queue.isEmpty { busy -= 1 } else { queue.removeFirst().resume() }
    }
}

/// Stops a print that has run too long (Chromium can hang on a page): kills it, and remembers that it did. The whole
/// process group goes (Foundation starts the browser as the leader of its own group): Chromium's helper processes
/// hold the pipe by which Foundation sees the browser end, so killing the browser alone would wait for them.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var process: Int32?
    private var didFire = false

    func watch(_ id: Int32) { lock.withLock { process = id } }

    func fire() {
        lock.withLock {
            didFire = true
            if let process { kill(-process, SIGKILL) }
        }
    }

    var fired: Bool { lock.withLock { didFire } }
}
