import Foundation
import WaymarkReturns
import WaymarkSpreadsheet
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A CIN census XML file as the validation reads it: every part of every child kept exactly as written (a date that is
/// not a date, a code outside its list: the rules report them), laid out as tables, with each row's place in the
/// child's record (which child, which episode, which protection plan).
public struct CINCensusFile: Sendable {
    public let fileName: String
    public var tables: [CINTable: ValidationTable] = [:]
    /// Problems that kept the file from being read at all.
    public var problems: [ReturnProblem] = []
    /// For every row below the child, the child's row in `ChildIdentifiers`.
    var childOf: [CINTable: [Int]] = [:]
    /// For every row below an episode, the episode's row in `CINdetails`.
    var episodeOf: [CINTable: [Int]] = [:]
    /// For every review, its plan's row in `ChildProtectionPlans`.
    var planOfReview: [Int] = []
    /// Each assessment's factors, as written.
    var factors: [[String]] = []

    init(fileName: String) { self.fileName = fileName }

    public static func read(_ data: Data, fileName: String) -> CINCensusFile {
        var file = CINCensusFile(fileName: fileName)
        // Read as the parser goes, straight into the tables: a census of thousands of children is read in a tenth
        // of the time a tree of its elements would take to build and walk.
        let reader = CensusReader()
        // From a stream: Foundation's parser hands data of more than about 10 MB to libxml2 whole, which it refuses.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        let parsed = parser.parse()
        if let root = reader.notACensus {
            file.problems.append(ReturnProblem(file: fileName, line: 1, element: root, "is not a CIN census: its root element must be Message",
                                               effect: .fileRefused))
        } else if !parsed || !reader.open.isEmpty {
            let reason = parsed ? "the file ends before its elements are closed"
                : parser.parserError.map { ($0 as NSError).localizedDescription } ?? "it is not well-formed XML"
            file.problems.append(ReturnProblem(file: fileName, line: parser.lineNumber, element: reader.open.joined(separator: "/"),
                                               "the XML stops being well formed here (\(reason)); the file was not validated",
                                               effect: .fileRefused))
        }
        var builder = Builder()
        if file.problems.isEmpty {
            let header = reader.header
            builder.add(.header, Dictionary(uniqueKeysWithValues: CINTable.header.columns.map { ($0, header[$0.rawValue]) }))
            for child in reader.children { builder.child(child) }
        }
        file.finish(builder)
        return file
    }

    private mutating func finish(_ builder: Builder) {
        for table in CINTable.allCases {
            let columns = table.columns
            tables[table] = ValidationTable(
                file: fileName, columns: columns.map(\.rawValue), values: columns.map { builder.values[table]?[$0] ?? [] },
                dateColumns: Set(columns.filter(\.isDate).map(\.rawValue)), readDay: Days.iso)
        }
        childOf = builder.childOf
        episodeOf = builder.episodeOf
        planOfReview = builder.planOfReview
        factors = builder.factors
    }

    /// Lays the children out as tables, row by row in document order.
    private struct Builder {
        var values: [CINTable: [CINColumn: [String]]] = [:]
        var rows: [CINTable: Int] = [:]
        var childOf: [CINTable: [Int]] = [:]
        var episodeOf: [CINTable: [Int]] = [:]
        var planOfReview: [Int] = []
        var factors: [[String]] = []

        /// Adds a row to a table, noting the child's row (and the episode's) it belongs to, and returns its number.
        @discardableResult
        mutating func add(_ table: CINTable, child: Int? = nil, episode: Int? = nil, _ fields: [CINColumn: String?]) -> Int {
            let row = rows[table, default: 0]
            rows[table] = row + 1
            for column in table.columns { values[table, default: [:]][column, default: []].append(fields[column].flatMap { $0 } ?? "") }
            if let child { childOf[table, default: []].append(child) }
            if let episode { episodeOf[table, default: []].append(episode) }
            return row
        }

        mutating func child(_ parts: ChildParts) {
            let id = parts.identifiers["LAchildID"] ?? ""
            var identifiers = parts.identifiers
            // Sex replaced GenderCurrent in 2025/26; older files are read as they are, and rule 4180 reports the old codes.
            identifiers["Sex"] = identifiers["Sex"] ?? identifiers["GenderCurrent"]
            let child = add(.childIdentifiers, child: rows[.childIdentifiers, default: 0], fields(.childIdentifiers, identifiers, id: id))
            if let characteristics = parts.characteristics {
                add(.childCharacteristics, child: child, fields(.childCharacteristics, characteristics, id: id))
                for disability in parts.disabilities { add(.disabilities, child: child, [.child: id, .disability: disability]) }
            }
            for details in parts.episodes {
                let episode = add(.cinDetails, child: child, fields(.cinDetails, details.fields, id: id))
                for assessment in details.assessments {
                    factors.append(assessment.list)
                    var written = assessment.fields
                    written["AssessmentFactors"] = assessment.list.joined(separator: " ")
                    add(.assessments, child: child, episode: episode, fields(.assessments, written, id: id))
                }
                for plan in details.plans { add(.cinPlanDates, child: child, episode: episode, fields(.cinPlanDates, plan.fields, id: id)) }
                for enquiry in details.enquiries { add(.section47, child: child, episode: episode, fields(.section47, enquiry.fields, id: id)) }
                for plan in details.protectionPlans {
                    let planRow = add(.childProtectionPlans, child: child, episode: episode, fields(.childProtectionPlans, plan.fields, id: id))
                    // Each review date is a row (one written empty is a review with no date: rule 8842Q).
                    for date in plan.list {
                        add(.reviews, child: child, episode: episode, [.child: id, .reviewDate: date])
                        planOfReview.append(planRow)
                    }
                }
            }
        }

        /// A table's fields from a part's elements (named as the columns are), with the child's ID.
        func fields(_ table: CINTable, _ written: [String: String], id: String) -> [CINColumn: String?] {
            var fields = Dictionary(uniqueKeysWithValues: table.columns.map { ($0, written[$0.rawValue]) })
            fields[.child] = id
            return fields
        }
    }
}

/// A part of a child's record as read: its fields by element name (the first of each), and the values it repeats
/// (an assessment's factors, a protection plan's review dates).
struct PartRead {
    var fields: [String: String] = [:]
    var list: [String] = []
}

struct EpisodeRead {
    var fields: [String: String] = [:]
    var assessments: [PartRead] = [], plans: [PartRead] = [], enquiries: [PartRead] = [], protectionPlans: [PartRead] = []
}

struct ChildParts {
    var identifiers: [String: String] = [:]
    var characteristics: [String: String]?
    var disabilities: [String] = []
    var episodes: [EpisodeRead] = []
}

/// Follows the parser through the census: the open elements, the text of the one being read, and the child being
/// gathered, handed over whole when it closes. Elements out of their place in the schema are passed over.
private final class CensusReader: NSObject, XMLParserDelegate {
    var open: [String] = []
    var header: [String: String] = [:]
    var children: [ChildParts] = []
    /// The root element's name when it is not `Message`.
    var notACensus: String?
    private var child: ChildParts?
    private var text = ""
    private var isLeaf = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let name = elementName.contains(":") ? String(elementName.split(separator: ":").last ?? "") : elementName
        if open.isEmpty, name != "Message" {
            notACensus = name
            parser.abortParsing()
            return
        }
        let parent = open.last
        open.append(name)
        text = ""
        isLeaf = true
        switch (parent, name) {
        case ("Children", "Child"): child = ChildParts()
        case ("Child", "ChildCharacteristics"): if child?.characteristics == nil { child?.characteristics = [:] }
        case ("Child", "CINdetails"): child?.episodes.append(EpisodeRead())
        case ("CINdetails", "Assessments"): editEpisode { $0.assessments.append(PartRead()) }
        case ("CINdetails", "CINPlanDates"): editEpisode { $0.plans.append(PartRead()) }
        case ("CINdetails", "Section47"): editEpisode { $0.enquiries.append(PartRead()) }
        case ("CINdetails", "ChildProtectionPlans"): editEpisode { $0.protectionPlans.append(PartRead()) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = open.removeLast()
        defer { isLeaf = false }
        if name == "Child", open.last == "Children", let read = child {
            children.append(read)
            child = nil
            return
        }
        guard isLeaf, let parent = open.last else { return }
        let value = text.trimmed
        func keep(_ fields: inout [String: String]) { if fields[name] == nil { fields[name] = value } }
        switch (parent, name) {
        case ("CollectionDetails", _), ("Source", _): keep(&header)
        case ("ChildIdentifiers", _): if child != nil { keep(&child!.identifiers) }
        case ("ChildCharacteristics", _): if child?.characteristics != nil { keep(&child!.characteristics!) }
        case ("Disabilities", "Disability"): child?.disabilities.append(value)
        case ("CINdetails", _): editEpisode { keep(&$0.fields) }
        case ("Assessments", _): editEpisode { episode in editLast(&episode.assessments) { keep(&$0.fields) } }
        case ("FactorsIdentifiedAtAssessment", "AssessmentFactors"): editEpisode { episode in editLast(&episode.assessments) { $0.list.append(value) } }
        case ("CINPlanDates", _): editEpisode { episode in editLast(&episode.plans) { keep(&$0.fields) } }
        case ("Section47", _): editEpisode { episode in editLast(&episode.enquiries) { keep(&$0.fields) } }
        case ("ChildProtectionPlans", _): editEpisode { episode in editLast(&episode.protectionPlans) { keep(&$0.fields) } }
        case ("Reviews", "CPPreviewDate"): editEpisode { episode in editLast(&episode.protectionPlans) { $0.list.append(value) } }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if isLeaf { text += string }
    }

    private func editEpisode(_ change: (inout EpisodeRead) -> Void) {
        guard let last = child?.episodes.indices.last else { return }
        change(&child!.episodes[last])
    }

    private func editLast(_ parts: inout [PartRead], _ change: (inout PartRead) -> Void) {
        guard let last = parts.indices.last else { return }
        change(&parts[last])
    }
}
