import Foundation
import WaymarkDomain
import WaymarkSpreadsheet

/// Reads a CIN census XML file (`Message`/`Header`/`Children`/`Child`), any schema year from 2017 to 2026: the child's
/// sex in `GenderCurrent` or `Sex`, yes/no written true/false or 1/0, and the 2026/27 pre-proceedings block.
/// A date not written yyyy-mm-dd leaves out the smallest part that holds it (an assessment, a plan, an episode, or the
/// child when it is the birth date); a value outside a code list is kept as given and reported.
public enum CINCensusReader {
    public static func read(_ data: Data, fileName: String, limits: ReadLimits = .standard) -> CINCensus {
        var census = CINCensus()
        let root: XMLElement
        do {
            root = try XMLElement.parse(data, limits: limits)
        } catch {
            census.problems.append(
                ReturnProblem(
                    file: fileName, line: error.line, element: error.path,
                    "\(error.explanation); nothing in the file was imported",
                    effect: .fileRefused))
            return census
        }
        guard root.name == "Message" else {
            census.problems.append(
                ReturnProblem(
                    file: fileName, line: root.line, element: root.name,
                    "is not a CIN census: its root element must be Message", effect: .fileRefused))
            return census
        }
        var reader = Reader(fileName: fileName)
        if let header = root.child("Header") {
            let details = header.child("CollectionDetails"), source = header.child("Source")
            census.header = .init(
                collection: details?.value("Collection") ?? "", year: details?.value("Year") ?? "",
                referenceDate: details?.value("ReferenceDate") ?? "",
                sourceLevel: source?.value("SourceLevel") ?? "", lea: source?.value("LEA") ?? "", softwareCode: source?.value("SoftwareCode") ?? "",
                release: source?.value("Release") ?? "", serialNumber: source?.value("SerialNo") ?? "", dateTime: source?.value("DateTime") ?? "")
        }
        for (index, child) in (root.child("Children")?.children("Child") ?? []).enumerated() {
            if let read = reader.child(child, path: "Message/Children[1]/Child[\(index + 1)]") { census.children.append(read) }
        }
        census.problems += reader.problems
        return census
    }

    static let codeLists: [String: (list: String, codes: Set<String>)] = [
        "GenderCurrent": ("gender (0, 1, 2 or 9)", ["0", "1", "2", "9"]),
        "Sex": ("sex", ["1", "2", "0", "9", "M", "F", "U"]),
        "PrimaryNeedCode": ("primary need (N0 to N9)", Set((0...9).map { "N\($0)" })),
        "ReasonForClosure": ("reason for closure (RC1 to RC9)", Set((1...9).map { "RC\($0)" })),
        "InitialCategoryOfAbuse": ("category of abuse (NEG, PHY, SAB, EMO, MUL)", ["NEG", "PHY", "SAB", "EMO", "MUL"]),
        "LatestCategoryOfAbuse": ("category of abuse (NEG, PHY, SAB, EMO, MUL)", ["NEG", "PHY", "SAB", "EMO", "MUL"]),
        "ReferralNFA": ("yes or no (true, false, 1 or 0)", ["true", "false", "1", "0"]),
        "ICPCnotRequired": ("yes or no (true, false, 1 or 0)", ["true", "false", "1", "0"]),
    ]

    /// The 2026/27 pre-proceedings block's elements in the schema's order.
    static let preProceedingsOrder = [
        "PPStartDate", "LBPSentDate", "FGDMMeetingOffer", "FGDMMeetingFac", "InitialPPMeetingDate",
        "ReviewMeetingsCount", "StepDecisionDate", "PPOutcome", "CourtAppDate", "LetterInitCPDate",
    ]

    /// Elements that hold a date (yyyy-mm-dd).
    static func isDate(_ name: String) -> Bool {
        name != "DateTime" && (name.hasSuffix("Date") || name.hasPrefix("Date") || name == "InitialCPCtarget")
    }

    private struct Reader {
        let fileName: String
        var problems: [ReturnProblem] = []

        mutating func problem(
            _ element: XMLElement, path: String, field: String? = nil, value: String? = nil, _ message: String,
            _ effect: ReturnProblem.Effect
        ) {
            problems.append(ReturnProblem(file: fileName, line: element.line, element: path, field: field, value: value, message, effect: effect))
        }

        /// Checks the group's direct fields: true when every date is right (else the group is reported and left out);
        /// values outside a code list and stray text are reported but do not leave it out.
        mutating func fieldsAreUsable(_ group: XMLElement, path: String, what: String) -> Bool {
            var usable = true
            let stray = group.text.trimmed
            if !stray.isEmpty { problem(group, path: path, value: stray, "text between elements holds no field", .ignored) }
            for field in group.children where field.children.isEmpty {
                let value = field.text.trimmed
                if value.isEmpty { continue }
                if CINCensusReader.isDate(field.name), ISODay(value) == nil || value.count != 10 {
                    problem(
                        field, path: path, field: field.name, value: value, "is not a date written yyyy-mm-dd; the \(what) is left out", .rowLeftOut)
                    usable = false
                } else if let list = CINCensusReader.codeLists[field.name], !list.codes.contains(value) {
                    problem(field, path: path, field: field.name, value: value, "is not in the CIN census \(list.list) list", .keptAsGiven)
                }
            }
            return usable
        }

        mutating func required(_ group: XMLElement, _ name: String, path: String, what: String) -> String? {
            guard let value = group.value(name), !value.isEmpty else {
                problem(group, path: path, field: name, "is required; the \(what) is left out", .rowLeftOut)
                return nil
            }
            return value
        }

        mutating func child(_ child: XMLElement, path: String) -> CINChild? {
            guard let identifiers = child.child("ChildIdentifiers") else {
                problem(child, path: path, "has no ChildIdentifiers; the child is left out", .rowLeftOut)
                return nil
            }
            let idPath = path + "/ChildIdentifiers[1]"
            guard fieldsAreUsable(identifiers, path: idPath, what: "child"),
                let id = required(identifiers, "LAchildID", path: idPath, what: "child")
            else { return nil }
            let characteristics = child.child("ChildCharacteristics")
            if let characteristics { _ = fieldsAreUsable(characteristics, path: path + "/ChildCharacteristics[1]", what: "child") }
            let sexElement = identifiers.child("Sex") != nil ? "Sex" : "GenderCurrent"
            var episodes: [CINEpisode] = []
            for (index, details) in child.children("CINdetails").enumerated() {
                if let episode = episode(details, path: path + "/CINdetails[\(index + 1)]") { episodes.append(episode) }
            }
            func text(_ element: XMLElement?, _ name: String) -> String? { element?.value(name).flatMap { $0.isEmpty ? nil : $0 } }
            return CINChild(
                line: child.line, laChildID: id, upn: text(identifiers, "UPN"), formerUPN: text(identifiers, "FormerUPN"),
                upnUnknown: text(identifiers, "UPNunknown"), birthDate: text(identifiers, "PersonBirthDate"),
                expectedBirthDate: text(identifiers, "ExpectedPersonBirthDate"), deathDate: text(identifiers, "PersonDeathDate"),
                sex: text(identifiers, sexElement), sexElement: sexElement, ethnicity: text(characteristics, "Ethnicity"),
                disabilities: characteristics?.child("Disabilities")?.children("Disability").map { $0.text.trimmed } ?? [],
                episodes: episodes)
        }

        mutating func episode(_ details: XMLElement, path: String) -> CINEpisode? {
            guard fieldsAreUsable(details, path: path, what: "episode"),
                let referral = required(details, "CINreferralDate", path: path, what: "episode")
            else { return nil }
            func text(_ element: XMLElement, _ name: String) -> String? { element.value(name).flatMap { $0.isEmpty ? nil : $0 } }
            var episode = CINEpisode(
                line: details.line, referralDate: referral, referralSource: text(details, "ReferralSource"),
                primaryNeed: text(details, "PrimaryNeedCode"),
                closureDate: text(details, "CINclosureDate"), reasonForClosure: text(details, "ReasonForClosure"),
                dateOfInitialCPC: text(details, "DateOfInitialCPC"), referralNFA: text(details, "ReferralNFA"),
                assessments: [], plans: [], section47s: [], protectionPlans: [], preProceedings: [])
            for (index, group) in details.children("Assessments").enumerated() {
                let groupPath = path + "/Assessments[\(index + 1)]"
                guard fieldsAreUsable(group, path: groupPath, what: "assessment"),
                    let start = required(group, "AssessmentActualStartDate", path: groupPath, what: "assessment")
                else { continue }
                episode.assessments.append(
                    .init(
                        line: group.line, start: start, authorised: text(group, "AssessmentAuthorisationDate"),
                        internalReview: text(group, "AssessmentInternalReviewDate"),
                        factors: group.child("FactorsIdentifiedAtAssessment")?.children("AssessmentFactors").map { $0.text.trimmed } ?? []))
            }
            for (index, group) in details.children("CINPlanDates").enumerated() {
                let groupPath = path + "/CINPlanDates[\(index + 1)]"
                guard fieldsAreUsable(group, path: groupPath, what: "child in need plan"),
                    let start = required(group, "CINPlanStartDate", path: groupPath, what: "child in need plan")
                else { continue }
                episode.plans.append(.init(line: group.line, start: start, end: text(group, "CINPlanEndDate")))
            }
            for (index, group) in details.children("Section47").enumerated() {
                let groupPath = path + "/Section47[\(index + 1)]"
                guard fieldsAreUsable(group, path: groupPath, what: "section 47 enquiry"),
                    let start = required(group, "S47ActualStartDate", path: groupPath, what: "section 47 enquiry")
                else { continue }
                episode.section47s.append(
                    .init(
                        line: group.line, start: start, initialConferenceTarget: text(group, "InitialCPCtarget"),
                        dateOfInitialCPC: text(group, "DateOfInitialCPC"), conferenceNotRequired: text(group, "ICPCnotRequired")))
            }
            for (index, group) in details.children("ChildProtectionPlans").enumerated() {
                let groupPath = path + "/ChildProtectionPlans[\(index + 1)]"
                guard fieldsAreUsable(group, path: groupPath, what: "child protection plan"),
                    let start = required(group, "CPPstartDate", path: groupPath, what: "child protection plan")
                else { continue }
                var reviews: [String] = []
                for (reviewIndex, review) in group.children("Reviews").enumerated() {
                    guard fieldsAreUsable(review, path: groupPath + "/Reviews[\(reviewIndex + 1)]", what: "review") else { continue }
                    reviews += review.children("CPPreviewDate").map { $0.text.trimmed }
                }
                episode.protectionPlans.append(
                    .init(
                        line: group.line, start: start, end: text(group, "CPPendDate"), initialCategory: text(group, "InitialCategoryOfAbuse"),
                        latestCategory: text(group, "LatestCategoryOfAbuse"), previousPlans: text(group, "NumberOfPreviousCPP"), reviews: reviews))
            }
            for (index, group) in details.children("PreProceedingsandFGDM").enumerated() {
                guard fieldsAreUsable(group, path: path + "/PreProceedingsandFGDM[\(index + 1)]", what: "pre-proceedings record") else { continue }
                episode.preProceedings.append(group.children.map { ($0.name, $0.allText.trimmed) })
            }
            return episode
        }
    }
}
