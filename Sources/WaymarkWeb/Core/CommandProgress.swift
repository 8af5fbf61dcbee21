import Foundation

/// What a long command is doing now, on standard error and only when that is a terminal: standard output carries the
/// command's result alone, and a log or a pipe gets no half-lines.
package enum CommandProgress {
    package static func note(_ step: String) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        FileHandle.standardError.write(Data((step + "\n").utf8))
    }
}
