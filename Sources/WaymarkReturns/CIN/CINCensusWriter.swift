import Foundation
import WaymarkSpreadsheet

/// Writes a CIN census as XML, every element in the schema's order, indented as the file it came from was (two
/// spaces, four, …), elements with no value left out, as case systems write them.
public enum CINCensusWriter {
    public static func data(_ census: CINCensus, indent: String = "  ") -> Data {
        var xml = ""
        func open(_ name: String, _ depth: Int) { xml += String(repeating: indent, count: depth) + "<\(name)>\n" }
        func close(_ name: String, _ depth: Int) { xml += String(repeating: indent, count: depth) + "</\(name)>\n" }
        func field(_ name: String, _ value: String?, _ depth: Int) {
            guard let value, !value.isEmpty else { return }
            xml += String(repeating: indent, count: depth) + "<\(name)>\(XMLElement.escaped(value))</\(name)>\n"
        }
        let header = census.header
        open("Message", 0)
        open("Header", 1)
        open("CollectionDetails", 2)
        field("Collection", header.collection, 3)
        field("Year", header.year, 3)
        field("ReferenceDate", header.referenceDate, 3)
        close("CollectionDetails", 2)
        open("Source", 2)
        for (name, value) in [
            ("SourceLevel", header.sourceLevel), ("LEA", header.lea), ("SoftwareCode", header.softwareCode),
            ("Release", header.release), ("SerialNo", header.serialNumber), ("DateTime", header.dateTime),
        ] {
            field(name, value, 3)
        }
        close("Source", 2)
        close("Header", 1)
        open("Children", 1)
        for child in census.children {
            open("Child", 2)
            open("ChildIdentifiers", 3)
            for (name, value) in [
                ("LAchildID", child.laChildID), ("UPN", child.upn), ("FormerUPN", child.formerUPN), ("UPNunknown", child.upnUnknown),
                ("PersonBirthDate", child.birthDate), ("ExpectedPersonBirthDate", child.expectedBirthDate),
                (child.sexElement, child.sex), ("PersonDeathDate", child.deathDate),
            ] {
                field(name, value, 4)
            }
            close("ChildIdentifiers", 3)
            open("ChildCharacteristics", 3)
            field("Ethnicity", child.ethnicity, 4)
            if !child.disabilities.isEmpty {
                open("Disabilities", 4)
                for disability in child.disabilities { field("Disability", disability, 5) }
                close("Disabilities", 4)
            }
            close("ChildCharacteristics", 3)
            for episode in child.episodes {
                open("CINdetails", 3)
                for (name, value) in [
                    ("CINreferralDate", episode.referralDate), ("ReferralSource", episode.referralSource),
                    ("PrimaryNeedCode", episode.primaryNeed), ("CINclosureDate", episode.closureDate),
                    ("ReasonForClosure", episode.reasonForClosure), ("DateOfInitialCPC", episode.dateOfInitialCPC),
                    ("ReferralNFA", episode.referralNFA),
                ] {
                    field(name, value, 4)
                }
                for assessment in episode.assessments {
                    open("Assessments", 4)
                    field("AssessmentActualStartDate", assessment.start, 5)
                    field("AssessmentInternalReviewDate", assessment.internalReview, 5)
                    field("AssessmentAuthorisationDate", assessment.authorised, 5)
                    if !assessment.factors.isEmpty {
                        open("FactorsIdentifiedAtAssessment", 5)
                        for factor in assessment.factors { field("AssessmentFactors", factor, 6) }
                        close("FactorsIdentifiedAtAssessment", 5)
                    }
                    close("Assessments", 4)
                }
                for plan in episode.plans {
                    open("CINPlanDates", 4)
                    field("CINPlanStartDate", plan.start, 5)
                    field("CINPlanEndDate", plan.end, 5)
                    close("CINPlanDates", 4)
                }
                for enquiry in episode.section47s {
                    open("Section47", 4)
                    field("S47ActualStartDate", enquiry.start, 5)
                    field("InitialCPCtarget", enquiry.initialConferenceTarget, 5)
                    field("DateOfInitialCPC", enquiry.dateOfInitialCPC, 5)
                    field("ICPCnotRequired", enquiry.conferenceNotRequired, 5)
                    close("Section47", 4)
                }
                for plan in episode.protectionPlans {
                    open("ChildProtectionPlans", 4)
                    for (name, value) in [
                        ("CPPstartDate", plan.start), ("CPPendDate", plan.end), ("InitialCategoryOfAbuse", plan.initialCategory),
                        ("LatestCategoryOfAbuse", plan.latestCategory), ("NumberOfPreviousCPP", plan.previousPlans),
                    ] {
                        field(name, value, 5)
                    }
                    if !plan.reviews.isEmpty {
                        open("Reviews", 5)
                        for review in plan.reviews { field("CPPreviewDate", review, 6) }
                        close("Reviews", 5)
                    }
                    close("ChildProtectionPlans", 4)
                }
                for block in episode.preProceedings {
                    open("PreProceedingsandFGDM", 4)
                    for (name, value) in block { field(name, value, 5) }
                    close("PreProceedingsandFGDM", 4)
                }
                close("CINdetails", 3)
            }
            close("Child", 2)
        }
        close("Children", 1)
        close("Message", 0)
        return Data(xml.utf8)
    }

    /// The indentation of a census file (the whitespace before its second line's element), to write it back alike.
    public static func indent(of data: Data) -> String {
        let text = String(decoding: data.prefix(512), as: UTF8.self)
        guard let secondLine = text.split(separator: "\n", maxSplits: 2).dropFirst().first else { return "  " }
        let whitespace = secondLine.prefix { $0 == " " || $0 == "\t" }
        return whitespace.isEmpty ? "  " : String(whitespace)
    }
}
