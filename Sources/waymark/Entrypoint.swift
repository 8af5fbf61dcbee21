import Vapor
import WaymarkApp

/// `waymark serve | migrate | users … | backup FILE | version | routes`, each with `--help`.
@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)

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
            try await app.execute()
        } catch {
            // Vapor has already printed the reason (a command's own words, or the error); no backtrace.
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}
