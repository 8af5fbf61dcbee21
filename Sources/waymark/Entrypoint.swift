import Vapor
import WaymarkApp
import WaymarkWeb

/// `waymark serve | migrate | users … | backup FILE | version | routes`, each with `--help`.
@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        // Logs go to standard error: standard output carries a command's result alone (`waymark plan export > f.yaml`).
        try LoggingSystem.bootstrap(from: &env) { level in
            { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }

        let settings: Settings
        do {
            settings = try Settings.load(from: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("Waymark cannot start:\n\(error.lines.map { "  - \($0)" }.joined(separator: "\n"))\n".utf8))
            exit(2)
        }

        let app = try await Application.make(env)
        do {
            try await configure(app, settings: settings)
            try await app.startup()
            try await app.running?.onStop.get()
        } catch {
            // A command's own words (or the error), on standard error, without a backtrace or a log line's dressing.
            FileHandle.standardError.write(Data("waymark: \(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
