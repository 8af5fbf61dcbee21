import Foundation
import WaymarkDomain
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

    public static func read(_ data: Data, fileName: String, limits: ReadLimits = .standard) -> CINCensusFile {
        var file = CINCensusFile(fileName: fileName)
        // Rows are written as the parser goes, straight into the tables' columns: a census of thousands of children
        // is read in a fraction of the time a tree of its elements would take to build and walk.
        let reader = CensusReader(limits: limits)
        // From a stream: Foundation's parser hands data of more than about 10 MB to libxml2 whole, which it refuses.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = reader
        var unreadable: WaymarkSpreadsheet.XMLElement.ParseError?
        do { try WaymarkSpreadsheet.XMLElement.checkBeforeParsing(data) } catch { unreadable = error }
        let parsed = unreadable == nil && parser.parse()
        if let unreadable {
            file.problems.append(
                ReturnProblem(
                    file: fileName, line: unreadable.line, "\(unreadable.explanation); the file was not validated",
                    effect: .fileRefused))
        } else if let root = reader.notACensus {
            file.problems.append(
                ReturnProblem(
                    file: fileName, line: 1, element: root, "is not a CIN census: its root element must be Message",
                    effect: .fileRefused))
        } else if let refused = reader.refused {
            file.problems.append(
                ReturnProblem(
                    file: fileName, line: refused.line, element: refused.path,
                    "\(refused.explanation); the file was not validated", effect: .fileRefused))
        } else if !parsed || !reader.open.isEmpty {
            let reason =
                parsed
                ? "the file ends before its elements are closed"
                : parser.parserError.map { ($0 as NSError).localizedDescription } ?? "it is not well-formed XML"
            file.problems.append(
                ReturnProblem(
                    file: fileName, line: parser.lineNumber, element: reader.open.joined(separator: "/"),
                    "the XML stops being well formed here (\(reason)); the file was not validated",
                    effect: .fileRefused))
        }
        // Nothing of a file that could not be read is kept: no rule reports half of it.
        let tables = file.problems.isEmpty ? reader.tables : TablesBeingRead()
        for table in CINTable.allCases {
            let columns = table.columns
            file.tables[table] = ValidationTable(
                file: fileName, columns: columns.map(\.rawValue), values: tables.values[table.index],
                dateColumns: Set(columns.filter(\.isDate).map(\.rawValue)), readDay: Days.iso)
        }
        file.childOf = tables.childOf
        file.episodeOf = tables.episodeOf
        file.planOfReview = tables.planOfReview
        file.factors = tables.factors
        return file
    }
}

/// The census's tables as they are written: each table's columns (in `CINTable.columns` order), and each row's place.
private final class TablesBeingRead {
    var values: [[[String]]] = CINTable.allCases.map { table in table.columns.map { _ in [] } }
    var childOf: [CINTable: [Int]] = [:], episodeOf: [CINTable: [Int]] = [:]
    var planOfReview: [Int] = [], factors: [[String]] = []

    func count(_ table: CINTable) -> Int { values[table.index][0].count }

    /// A new row, blank, of the child's (and the episode's); its number.
    @discardableResult
    func addRow(_ table: CINTable, child: Int? = nil, episode: Int? = nil) -> Int {
        let row = count(table)
        for column in values[table.index].indices { values[table.index][column].append("") }
        if let child { childOf[table, default: []].append(child) }
        if let episode { episodeOf[table, default: []].append(episode) }
        return row
    }

    func set(_ table: CINTable, _ column: Int, _ row: Int, _ value: String) { values[table.index][column][row] = value }
}

private extension CINTable {
    /// Its place among the tables (a switch, not a search: it is asked for every element read).
    var index: Int {
        switch self {
        case .header: 0
        case .childIdentifiers: 1
        case .childCharacteristics: 2
        case .disabilities: 3
        case .cinDetails: 4
        case .assessments: 5
        case .cinPlanDates: 6
        case .section47: 7
        case .childProtectionPlans: 8
        case .reviews: 9
        }
    }

    /// Which table and column each field's element goes to, by the element it is in.
    static let fieldsByParent: [String: (table: CINTable, columns: [String: Int])] = {
        let parents: [String: CINTable] = [
            "CollectionDetails": .header, "Source": .header, "ChildIdentifiers": .childIdentifiers, "ChildCharacteristics": .childCharacteristics,
            "CINdetails": .cinDetails, "Assessments": .assessments, "CINPlanDates": .cinPlanDates, "Section47": .section47,
            "ChildProtectionPlans": .childProtectionPlans,
        ]
        return parents.mapValues { table in
            var columns = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1.rawValue, $0) })
            // Sex replaced GenderCurrent in 2025/26; older files are read as they are, and rule 4180 reports the old codes.
            if table == .childIdentifiers { columns["GenderCurrent"] = columns["Sex"] }
            return (table, columns)
        }
    }()
}

/// Follows the parser through the census, adding a row as each part opens and filling its fields as they close; the
/// child's ID goes into every row of theirs when the child closes. Elements out of their place in the schema are
/// passed over.
private final class CensusReader: NSObject, XMLParserDelegate {
    let tables = TablesBeingRead()
    let limits: ReadLimits
    var open: [String] = []
    /// Why reading stopped part-way: the file passed a limit.
    var refused: WaymarkSpreadsheet.XMLElement.ParseError?

    init(limits: ReadLimits) {
        self.limits = limits
        super.init()
        tables.addRow(.header)
    }

    /// The root element's name when it is not `Message`.
    var notACensus: String?
    private var text = ""
    private var isLeaf = false
    /// The rows being filled: the current row of each table below the child, by the table's index.
    private var rows = [Int?](repeating: nil, count: CINTable.allCases.count)
    /// Where the child's rows begin in each table.
    private var childStarts: [Int] = []
    private let childColumn = 0
    private let factorsColumn = CINTable.assessments.columns.firstIndex(of: .assessmentFactors)!

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        // The name without its namespace prefix, found among the bytes: `contains(":")` with a String goes through
        // NSString on Linux, and was a tenth of the reading time.
        let name = elementName.utf8.lastIndex(of: UInt8(ascii: ":")).map { String(elementName[elementName.utf8.index(after: $0)...]) } ?? elementName
        if open.isEmpty, name != "Message" {
            notACensus = name
            parser.abortParsing()
            return
        }
        guard open.count < limits.xmlDepth else {
            refused = WaymarkSpreadsheet.XMLElement.ParseError(
                line: parser.lineNumber, path: open.joined(separator: "/"),
                reason: "elements are nested more than \(limits.xmlDepth) deep, far deeper than any census", kind: .pastALimit)
            parser.abortParsing()
            return
        }
        let parent = open.last
        open.append(name)
        text = ""
        isLeaf = true
        let child = current(.childIdentifiers), episode = current(.cinDetails)
        switch (parent, name) {
        case ("Children", "Child"):
            childStarts = CINTable.allCases.map(tables.count)
            rows = rows.map { _ in nil }
            rows[CINTable.childIdentifiers.index] = tables.addRow(.childIdentifiers)
        case ("Child", "ChildCharacteristics"):
            if let child { rows[CINTable.childCharacteristics.index] = tables.addRow(.childCharacteristics, child: child) }
        case ("Child", "CINdetails"): if let child { rows[CINTable.cinDetails.index] = tables.addRow(.cinDetails, child: child) }
        case ("CINdetails", "Assessments"):
            if let child, let episode {
                rows[CINTable.assessments.index] = tables.addRow(.assessments, child: child, episode: episode)
                tables.factors.append([])
            }
        case ("CINdetails", "CINPlanDates"):
            if let child, let episode { rows[CINTable.cinPlanDates.index] = tables.addRow(.cinPlanDates, child: child, episode: episode) }
        case ("CINdetails", "Section47"):
            if let child, let episode { rows[CINTable.section47.index] = tables.addRow(.section47, child: child, episode: episode) }
        case ("CINdetails", "ChildProtectionPlans"):
            if let child, let episode {
                rows[CINTable.childProtectionPlans.index] = tables.addRow(.childProtectionPlans, child: child, episode: episode)
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard refused == nil, let name = open.popLast() else { return }
        defer { isLeaf = false }
        let parent = open.last
        if parent == "Children", name == "Child", current(.childIdentifiers) != nil {
            finishChild()
            return
        }
        if parent == "CINdetails", name == "Assessments", let row = current(.assessments) {
            tables.set(.assessments, factorsColumn, row, tables.factors[row].joined(separator: " "))
        }
        guard isLeaf, let parent else { return }
        let value = text.trimmed
        switch (parent, name) {
        case ("Disabilities", "Disability"):
            if let child = current(.childIdentifiers) { tables.set(.disabilities, 1, tables.addRow(.disabilities, child: child), value) }
        case ("FactorsIdentifiedAtAssessment", "AssessmentFactors"):
            if let row = current(.assessments) { tables.factors[row].append(value) }
        case ("Reviews", "CPPreviewDate"):
            // Each review date is a row (one written empty is a review with no date: rule 8842Q).
            if let child = current(.childIdentifiers), let episode = current(.cinDetails), let plan = current(.childProtectionPlans) {
                tables.set(.reviews, 1, tables.addRow(.reviews, child: child, episode: episode), value)
                tables.planOfReview.append(plan)
            }
        default:
            guard let (table, columns) = CINTable.fieldsByParent[parent], let column = columns[name],
                let row = table == .header ? 0 : current(table)
            else { return }
            // The first of an element counts, as in the schema each is written once; Sex counts over GenderCurrent.
            if tables.values[table.index][column][row].isEmpty || name == "Sex" { tables.set(table, column, row, value) }
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard isLeaf, refused == nil else { return }
        guard text.utf8.count + string.utf8.count <= limits.valueBytes else {
            refused = WaymarkSpreadsheet.XMLElement.ParseError(
                line: parser.lineNumber, path: open.joined(separator: "/"),
                reason: "an element holds more than \(limits.valueBytes) bytes of text", kind: .pastALimit)
            parser.abortParsing()
            return
        }
        text += string
    }

    /// Writes the child's ID into each row of theirs.
    private func finishChild() {
        let id = tables.values[CINTable.childIdentifiers.index][childColumn][current(.childIdentifiers)!]
        for table in CINTable.allCases where table != .header {
            for row in childStarts[table.index]..<tables.count(table) { tables.set(table, childColumn, row, id) }
        }
        rows = rows.map { _ in nil }
    }

    private func current(_ table: CINTable) -> Int? { rows[table.index] }
}
