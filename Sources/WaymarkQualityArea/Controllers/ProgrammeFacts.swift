import Foundation
import WaymarkDomain
import WaymarkStore

/// A kept programme read back for pages: its instrument, its cohort and draw in words, and an audit's state.
enum ProgrammeFacts {
    /// The instrument the programme keeps. It was checked when published, so a problem here is a damaged database.
    static func instrument(of programme: AuditProgramme) throws -> AuditInstrument {
        try AuditInstruments.kept(programme.instrument)
    }

    /// "looked after, child in need" from `looked-after,in-need`.
    static func cohort(_ names: String) -> String {
        names.split(separator: ",").map { name in
            AuditProgrammeForm.cohortStatuses.first { $0.name == name }?.status.lowercased() ?? String(name)
        }.joined(separator: ", ")
    }

    static func state(_ row: CaseAuditStore.Row) -> String {
        switch row.state {
        case .assigned: row.auditor == nil ? "No auditor" : "To do"
        case .submitted: "Submitted" + (row.submittedAt.map { " on \(ISODay($0).written)" } ?? "")
        }
    }

    static func facts(_ programme: AuditProgramme, instrument: AuditInstrument) -> [(label: String, value: String)] {
        let quota = programme.quotaKind == "total" ? "\(programme.quota) in all, shared among the teams by size" : "\(programme.quota) from each team"
        return [
            (
                "Who is in the cohort",
                "Every child with any of these statuses (\(cohort(programme.cohort))) on \(ISODay.written(programme.drawnOn)): \(programme.population) children"
            ),
            (
                "How many were drawn",
                quota + (programme.exclusionMonths > 0 ? ", leaving out those audited in the \(programme.exclusionMonths) months before" : "")
            ),
            ("Seed", "\(programme.seed): the same seed draws the same children from the same cohort"),
            ("Audited with", "\(instrument.name), version \(instrument.version)"),
            ("Set up by", programme.createdBy),
            ("Audits due", ISODay.written(programme.due)),
        ]
    }

    /// How moderation went: how many were chosen and why, how many blind, and where they stand.
    static func moderation(_ moderations: [CaseAuditModeration], submitted: Int, percent: Int) -> [String] {
        let rule =
            "A second auditor grades again every audit graded at either end of the scale, and \(percent)% of the rest chosen at random from the seed."
        guard !moderations.isEmpty else {
            return [
                rule, submitted == 0 ? "No audit has been submitted yet." : "None of the \(Counted.phrase(submitted, "audit")) submitted was chosen.",
            ]
        }
        func count(_ state: ModerationState) -> Int { moderations.filter { $0.state == state }.count }
        let atEnd = moderations.filter { $0.because == ModerationSelection.Because.gradedAtEnd.rawValue }.count
        return [
            rule,
            "Of the \(Counted.phrase(submitted, "audit")) submitted, \(moderations.count) \(moderations.count == 1 ? "was" : "were") chosen (\(atEnd) graded at either end of the scale, \(moderations.count - atEnd) at random), \(moderations.filter(\.blind).count) of them to be graded blind.",
            "\(count(.agreed)) agreed with the first auditor's grades; \(count(.adjudicated)) had grades decided by a QA lead; \(count(.toAdjudicate)) \(count(.toAdjudicate) == 1 ? "waits" : "wait") for a decision; \(count(.assigned)) \(count(.assigned) == 1 ? "waits" : "wait") for the second auditor.",
        ]
    }
}
