import Foundation
import Vapor

/// Prints an HTML document to PDF with headless Chromium (the architecture's choice: the same print styles
/// as the browser, no second layout engine). The document is written to a private temporary folder and
/// removed afterwards; it must carry its own styles, as Chromium reads it from a file.
enum PDFPrinter {
    static func print(html: String, chromium: String) async throws -> Data {
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
            "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Data("%PDF".utf8)) else {
            throw Abort(.serviceUnavailable, reason: "The PDF could not be made: \(chromium) did not print it (exit \(process.terminationStatus)). Print the report page from your browser instead.")
        }
        return pdf
    }
}
