import Foundation
import WaymarkSpreadsheet

/// A return read from its files and made ready for the store: the journeys, every problem, the layout to write the
/// files back as they came, and the collection year. The command line, the import page and the demo all read
/// returns through here, so they treat files alike.
public struct ReadReturn: Sendable {
    public enum Kind: String, Sendable {
        case ssda903, cin
        /// The case system's own extract (the Standard Safeguarding Dataset).
        case caseSystem = "ssd"
    }

    public var kind: Kind
    public var journeys: ReturnJourneys
    public var problems: [ReturnProblem]
    /// JSON: the SSDA903 files' layouts, or the census's header and indentation.
    public var layout: String
    public var year: Int?
    /// The files that were read (a folder's other files are left aside).
    public var files: [String]
    /// Who each child is allocated to, where the source says (the case system's extract does; returns do not).
    public var allocations: [CaseAllocation] = []

    /// An SSDA903 return: its one XML file, or its CSV files. Any other file given is named and refuses the import (a
    /// return is imported whole or not at all), as does a set with no table in it: nothing is left aside unsaid.
    public static func ssda903(_ files: [(name: String, data: Data)], year: Int?, limits: ReadLimits = .standard) -> ReadReturn {
        let files = baseNamed(files)
        if files.count == 1, files[0].name.lowercased().hasSuffix(".xml") {
            let read = SSDA903XMLReader.read(files[0].data, fileName: files[0].name, limits: limits)
            return ReadReturn(
                kind: .ssda903, journeys: ReturnJourneys(read), problems: read.problems, layout: read.layoutsJSON, year: year,
                files: [files[0].name])
        }
        let csv = files.filter { $0.name.lowercased().hasSuffix(".csv") }
        let read = SSDA903CSVReader.read(files: csv, limits: limits)
        return ReadReturn(
            kind: .ssda903, journeys: ReturnJourneys(read),
            problems: notCSV(files, of: "an SSDA903 return is its CSV files, or its XML form alone") + read.problems
                + nothingRead(csv, of: "SSDA903"),
            layout: read.layoutsJSON, year: year, files: csv.map(\.name))
    }

    /// A CIN census file; its year is the one its header gives.
    public static func cin(_ file: (name: String, data: Data), limits: ReadLimits = .standard) -> ReadReturn {
        let file = baseNamed([file])[0]
        let census = CINCensusReader.read(file.data, fileName: file.name, limits: limits)
        let layout = CINCensus.Layout(header: census.header, indent: CINCensusWriter.indent(of: file.data))
        return ReadReturn(
            kind: .cin, journeys: ReturnJourneys(census, fileName: file.name), problems: census.problems,
            layout: (try? JSONEncoder().encode(layout)).map { String(decoding: $0, as: UTF8.self) } ?? "{}",
            year: Int(census.header.year), files: [file.name])
    }

    /// A case-system extract: its CSV files, each recognised by its columns. It belongs to no collection year.
    public static func caseSystem(_ files: [(name: String, data: Data)], limits: ReadLimits = .standard) -> ReadReturn {
        let files = baseNamed(files)
        let csv = files.filter { $0.name.lowercased().hasSuffix(".csv") }
        let extract = SSDExtractReader.read(files: csv, limits: limits)
        return ReadReturn(
            kind: .caseSystem, journeys: ReturnJourneys(extract),
            problems: notCSV(files, of: "the case system's extract is its CSV files") + extract.problems
                + nothingRead(csv, of: "case system extract"),
            layout: "{}", year: nil, files: csv.map(\.name), allocations: extract.allocations)
    }

    /// Each file given that is not a CSV file, refused with why.
    private static func notCSV(_ files: [(name: String, data: Data)], of why: String) -> [ReturnProblem] {
        files.filter { !$0.name.lowercased().hasSuffix(".csv") }.map {
            ReturnProblem(file: $0.name, "is not a CSV file: \(why)", effect: .fileRefused)
        }
    }

    /// Where no CSV file was given at all: nothing to import (a CSV file that is no table says why itself).
    private static func nothingRead(_ csv: [(name: String, data: Data)], of what: String) -> [ReturnProblem] {
        guard csv.isEmpty else { return [] }
        return [ReturnProblem(file: "The files given", "hold no \(what) table: nothing to import", effect: .fileRefused)]
    }

    /// The files known by their base names only: that is what records keep, and what an export writes.
    private static func baseNamed(_ files: [(name: String, data: Data)]) -> [(name: String, data: Data)] {
        files.map { (name: FileName.base($0.name), data: $0.data) }
    }
}
