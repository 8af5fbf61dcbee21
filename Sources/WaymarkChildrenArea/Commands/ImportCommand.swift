import Foundation
import Vapor
import WaymarkDomain
import WaymarkReturns
import WaymarkRouting
import WaymarkStore
import WaymarkUI
import WaymarkWeb

/// `waymark import 903 PATH… --year YYYY`, `waymark import cin FILE` and `waymark import ssd FOLDER`
struct ImportCommand: AsyncCommandGroup {
    var help: String { "Load what the council already produces: the SSDA903 and CIN census returns, and the case system's extract." }
    var commands: [String: any AnyAsyncCommand] { ["903": ImportSSDA903(), "cin": ImportCIN(), "ssd": ImportCaseSystemExtract()] }
}

struct ImportCaseSystemExtract: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "A folder of the extract's CSV files, or one of them.")
        var path: String
        init() {}
    }

    var help: String {
        "Import the case system's extract (Standard Safeguarding Dataset tables: contacts, early help, visits, health, missing, care leavers, allocations…)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await ReturnFiles.load(
            .caseSystem(try ReturnFiles.read(signature.path), limits: context.application.settings.readLimits), context: context)
    }
}

struct ImportSSDA903: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "path", help: "A folder of SSDA903 CSV files, one CSV file, or the XML form.")
        var path: String
        @Option(name: "year", help: "The collection year (2026 for the year to 31 March 2026).")
        var year: Int?
        init() {}
    }

    var help: String { "Import an SSDA903 return (children looked after): CSV files recognised by their columns, or the XML form." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await ReturnFiles.load(
            .ssda903(try ReturnFiles.read(signature.path), year: signature.year, limits: context.application.settings.readLimits), context: context)
    }
}

struct ImportCIN: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A CIN census XML file.")
        var file: String
        init() {}
    }

    var help: String { "Import a CIN census (children in need) XML file, any schema year from 2017." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await ReturnFiles.load(.cin(try ReturnFiles.read(signature.file)[0], limits: context.application.settings.readLimits), context: context)
    }
}

/// Reading a return's files from disk and reporting its import on the console.
enum ReturnFiles {
    static func read(_ path: String) throws -> [(name: String, data: Data)] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw CommandFailure("\(path): no such file or folder.") }
        // A folder's own files; folders inside it (the demo's ssd/ beside its returns) are not part of the return.
        let paths =
            isFolder.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { "\(path)/\($0)" }.filter { file in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: file, isDirectory: &isFolder) && !isFolder.boolValue
            }
            : [path]
        return try paths.map { file in
            guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot be read.") }
            return ((file as NSString).lastPathComponent, data)
        }
    }

    static func load(_ read: ReadReturn, context: CommandContext) async throws {
        do {
            let summary = try await ReturnLoading.load(
                read, keepingClocksWith: context.application.timescaleEngine, by: .commandLine,
                on: try await context.database(), step: CommandProgress.note)
            for problem in read.problems { context.console.print(problem.description) }
            context.console.print("Imported \(read.files.joined(separator: ", ")): \(summary).")
        } catch let refused as ReturnLoading.Refused {
            throw CommandFailure(refused.description)
        }
    }
}

/// `waymark export 903 --year YYYY --output FOLDER`
struct ExportCommand: AsyncCommandGroup {
    var help: String { "Write a collection year's statutory return from the store." }
    var commands: [String: any AnyAsyncCommand] { ["903": ExportSSDA903(), "cin": ExportCIN()] }
}

struct ExportSSDA903: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The collection year (2026 for the year to 31 March 2026).")
        var year: Int?
        @Option(name: "output", short: "o", help: "The folder to write the CSV files into (made if missing).")
        var output: String?
        init() {}
    }

    var help: String { "Write the SSDA903 CSV files of a collection year, as they were imported." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year, let output = signature.output else { throw CommandFailure("Give --year and --output.") }
        let db = try await context.database()
        let files = try await ReturnExport.ssda903(year: year, on: db)
        guard !files.isEmpty else { throw CommandFailure("No SSDA903 records for \(year): import that year's return first.") }
        do {
            try ReturnExport.write(files, into: output)
        } catch let outside as ReturnExport.OutsideTheFolder {
            throw CommandFailure(outside.description)
        }
        try await AuditTrail.record(
            .export, recordType: .childReturn, detail: "ssda903 \(year): \(files.map(\.name).joined(separator: ", "))",
            by: .commandLine, on: db)
        context.console.print("Wrote \(files.count) files to \(output).")
    }
}

struct ExportCIN: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "year", help: "The census year, as its header gives it.")
        var year: Int?
        @Option(name: "output", short: "o", help: "The XML file to write.")
        var output: String?
        init() {}
    }

    var help: String { "Write the CIN census XML of a year, as it was imported." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let year = signature.year, let output = signature.output else { throw CommandFailure("Give --year and --output.") }
        let db = try await context.database()
        guard let data = try await ReturnExport.cin(year: year, on: db) else {
            throw CommandFailure("No CIN census records for \(year): import that year's census first.")
        }
        try data.write(to: URL(fileURLWithPath: output))
        try await AuditTrail.record(.export, recordType: .childReturn, detail: "cin \(year): \(output)", by: .commandLine, on: db)
        context.console.print("Wrote \(output).")
    }
}
