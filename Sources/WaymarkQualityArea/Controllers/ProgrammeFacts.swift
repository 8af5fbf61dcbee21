import Foundation
import WaymarkDomain
import WaymarkStore

/// A kept programme read back for pages: its instrument, its cohort and draw in words, and an audit's state.
enum ProgrammeFacts {
    /// The instrument the programme keeps. It was checked when published, so a problem here is a damaged database.
    static func instrument(of programme: AuditProgramme) throws -> AuditInstrument {
        switch AuditInstruments.read(Data(programme.instrument.utf8)) {
        case .success(let instrument): return instrument
        case .failure(let problems): throw problems
        }
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
}
