import Foundation
import WaymarkReturns
import WaymarkSpreadsheet

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
        let root: XMLElement
        do {
            root = try XMLElement.parse(data)
        } catch {
            file.problems.append(ReturnProblem(file: fileName, line: error.line, element: error.path,
                                               "the XML stops being well formed here (\(error.reason)); the file was not validated",
                                               effect: .fileRefused))
            file.finish(Builder())
            return file
        }
        guard root.name == "Message" else {
            file.problems.append(ReturnProblem(file: fileName, line: root.line, element: root.name,
                                               "is not a CIN census: its root element must be Message", effect: .fileRefused))
            file.finish(Builder())
            return file
        }
        var builder = Builder()
        let header = root.child("Header")
        let details = header?.child("CollectionDetails"), source = header?.child("Source")
        builder.add(.header, [
            .collection: details?.value("Collection"), .year: details?.value("Year"), .referenceDate: details?.value("ReferenceDate"),
            .sourceLevel: source?.value("SourceLevel"), .lea: source?.value("LEA"), .softwareCode: source?.value("SoftwareCode"),
            .release: source?.value("Release"), .serialNo: source?.value("SerialNo"), .dateTime: source?.value("DateTime"),
        ])
        for child in root.child("Children")?.children("Child") ?? [] { builder.child(child) }
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

        mutating func child(_ element: XMLElement) {
            let identifiers = element.child("ChildIdentifiers"), characteristics = element.child("ChildCharacteristics")
            let id = identifiers?.value("LAchildID") ?? ""
            let child = add(.childIdentifiers, child: rows[.childIdentifiers, default: 0], [
                .child: id, .upn: identifiers?.value("UPN"), .formerUPN: identifiers?.value("FormerUPN"),
                .upnUnknown: identifiers?.value("UPNunknown"), .birthDate: identifiers?.value("PersonBirthDate"),
                .expectedBirthDate: identifiers?.value("ExpectedPersonBirthDate"), .deathDate: identifiers?.value("PersonDeathDate"),
                // Sex replaced GenderCurrent in 2025/26; older files are read as they are, and rule 4180 reports the old codes.
                .sex: identifiers?.value("Sex") ?? identifiers?.value("GenderCurrent"),
            ])
            if let characteristics {
                add(.childCharacteristics, child: child, [.child: id, .ethnicity: characteristics.value("Ethnicity")])
                for disability in characteristics.child("Disabilities")?.children("Disability") ?? [] {
                    add(.disabilities, child: child, [.child: id, .disability: disability.text.trimmed])
                }
            }
            for details in element.children("CINdetails") { episode(details, child: child, id: id) }
        }

        mutating func episode(_ details: XMLElement, child: Int, id: String) {
            let episode = add(.cinDetails, child: child, [
                .child: id, .referralDate: details.value("CINreferralDate"), .referralSource: details.value("ReferralSource"),
                .primaryNeed: details.value("PrimaryNeedCode"), .closureDate: details.value("CINclosureDate"),
                .reasonForClosure: details.value("ReasonForClosure"), .initialConference: details.value("DateOfInitialCPC"),
                .referralNFA: details.value("ReferralNFA"),
            ])
            for assessment in details.children("Assessments") {
                let written = assessment.child("FactorsIdentifiedAtAssessment")?.children("AssessmentFactors").map(\.text.trimmed) ?? []
                factors.append(written)
                add(.assessments, child: child, episode: episode, [
                    .child: id, .assessmentStart: assessment.value("AssessmentActualStartDate"),
                    .assessmentInternalReview: assessment.value("AssessmentInternalReviewDate"),
                    .assessmentAuthorised: assessment.value("AssessmentAuthorisationDate"), .assessmentFactors: written.joined(separator: " "),
                ])
            }
            for plan in details.children("CINPlanDates") {
                add(.cinPlanDates, child: child, episode: episode, [.child: id, .cinPlanStart: plan.value("CINPlanStartDate"), .cinPlanEnd: plan.value("CINPlanEndDate")])
            }
            for enquiry in details.children("Section47") {
                add(.section47, child: child, episode: episode, [
                    .child: id, .s47Start: enquiry.value("S47ActualStartDate"), .initialConferenceTarget: enquiry.value("InitialCPCtarget"),
                    .initialConference: enquiry.value("DateOfInitialCPC"), .conferenceNotRequired: enquiry.value("ICPCnotRequired"),
                ])
            }
            for plan in details.children("ChildProtectionPlans") {
                let planRow = add(.childProtectionPlans, child: child, episode: episode, [
                    .child: id, .cppStart: plan.value("CPPstartDate"), .cppEnd: plan.value("CPPendDate"),
                    .initialCategory: plan.value("InitialCategoryOfAbuse"), .latestCategory: plan.value("LatestCategoryOfAbuse"),
                    .previousPlans: plan.value("NumberOfPreviousCPP"),
                ])
                // Each review date is a row (one written empty is a review with no date: rule 8842Q).
                for date in plan.children("Reviews").flatMap({ $0.children("CPPreviewDate") }) {
                    add(.reviews, child: child, episode: episode, [.child: id, .reviewDate: date.text.trimmed])
                    planOfReview.append(planRow)
                }
            }
        }
    }
}
