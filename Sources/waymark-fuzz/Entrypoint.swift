import ArgumentParser
import Foundation
import WaymarkDomain
import WaymarkReturns
import WaymarkStore
import WaymarkWeb

/// Throws generated hostile inputs at every reader of outside input, in this process. A crash ends the process (the
/// input that did it is left in FOLDER/current-READER as it runs); an input that takes longer than the hang limit is
/// saved in FOLDER and the run ends with exit 2. At the end, one line a reader on standard output: inputs, crashes,
/// hangs, the slowest input and the time taken.
@main
struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "waymark-fuzz", abstract: "Throw hostile inputs at every reader of outside input.")

    @Option(help: "Inputs for each reader.") var inputs = 10_000
    @Option(help: "The run's seed: the same seed makes the same inputs.") var seed: UInt64 = 1
    @Option(help: "Only this reader.") var reader: String?
    @Option(help: "An input taking longer than this many seconds is a hang.") var hangSeconds = 10.0
    @Option(help: "Where a failing input is left.") var failures = "fuzz-failures"
    @Option(help: "Give this one file to the reader (with --reader) and say how long it took: to look into a failure.") var replay: String?

    func run() throws {
        let readers = try Reader.all().filter { reader == nil || $0.name == reader }
        guard !readers.isEmpty else {
            throw ValidationError("no reader is called \(reader ?? ""); the readers: \(try Reader.all().map(\.name).joined(separator: ", "))")
        }
        if let replay {
            guard readers.count == 1 else { throw ValidationError("--replay needs --reader") }
            let input = try Data(contentsOf: URL(fileURLWithPath: replay))
            let began = Date()
            readers[0].read(input)
            Self.say("\(readers[0].name)\t\(replay)\t\(String(format: "%.1f", Date().timeIntervalSince(began) * 1_000)) ms")
            return
        }
        try FileManager.default.createDirectory(atPath: failures, withIntermediateDirectories: true)
        let watchdog = Watchdog(limit: hangSeconds, folder: failures)
        FileHandle.standardError.write(Data("waymark-fuzz: seed \(seed), \(inputs) inputs a reader\n".utf8))
        Self.say("reader\tinputs\tcrashes\thangs\tslowest ms\tseconds")
        for reader in readers {
            var mutator = Mutator(random: SeededRandom(seed: seed &+ Self.stableHash(reader.name)), seeds: reader.seeds, tokens: reader.tokens)
            let path = failures + "/current-" + reader.name
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            guard let current = FileHandle(forWritingAtPath: path) else { throw ValidationError("cannot write \(path)") }
            let started = Date()
            var slowest = 0.0
            for index in 0..<inputs {
                let input = mutator.next()
                // Kept as it runs, so a crash leaves the input that caused it.
                try current.truncate(atOffset: 0)
                try current.write(contentsOf: input)
                let began = Date()
                watchdog.start(reader: reader.name, index: index, input: input)
                reader.read(input)
                watchdog.stop()
                slowest = max(slowest, Date().timeIntervalSince(began))
                if (index + 1) % 10_000 == 0 { FileHandle.standardError.write(Data("\(reader.name): \(index + 1) inputs\n".utf8)) }
            }
            try current.close()
            try FileManager.default.removeItem(atPath: path)
            Self.say(
                "\(reader.name)\t\(inputs)\t0\t0\t\(String(format: "%.1f", slowest * 1_000))\t\(String(format: "%.1f", Date().timeIntervalSince(started)))"
            )
        }
        try? FileManager.default.removeItem(atPath: failures)
    }

    /// A line of the result, written at once (print's buffer would hold it until the end when the output is a file).
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// The same number for the same name on every run (Swift's own hashes differ run to run).
    static func stableHash(_ text: String) -> UInt64 {
        text.utf8.reduce(14_695_981_039_346_656_037) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
    }
}

/// Ends the run when one input takes too long, saving it first.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var running: (reader: String, index: Int, input: Data, since: Date)?
    private let limit: TimeInterval, folder: String

    init(limit: TimeInterval, folder: String) {
        self.limit = limit
        self.folder = folder
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                lock.withLock {
                    guard let running, Date().timeIntervalSince(running.since) > limit else { return }
                    let file = "\(folder)/hang-\(running.reader)-\(running.index)"
                    try? running.input.write(to: URL(fileURLWithPath: file))
                    FileHandle.standardError.write(
                        Data("waymark-fuzz: \(running.reader) input \(running.index) ran over \(limit) s: saved in \(file)\n".utf8))
                    exit(2)
                }
            }
        }
        thread.start()
    }

    func start(reader: String, index: Int, input: Data) { lock.withLock { running = (reader, index, input, Date()) } }
    func stop() { lock.withLock { running = nil } }
}
