import FluentKit
import Foundation
import WaymarkDomain

/// The audits the monthly QA report reads: every audit planned or submitted in the 12 months to a month's end, with
/// its grades now (the final grade where moderation decided one, else the auditor's), what moderation changed, and
/// the items it found partly or not met. Read in a handful of queries, whatever the number of audits.
package enum QualityReportData {
    package static func audits(to month: ReportMonth, on db: any Database) async throws -> [QualityReport.Audit] {
        let start = month.adding(-11).first, end = month.last
        // A programme drawn before the 12 months may have audits submitted in them; one drawn after has none.
        let programmes = try await AuditProgramme.query(on: db).filter(\.$drawnOn <= end.description).all()
        let drawn = Dictionary(uniqueKeysWithValues: programmes.compactMap { programme in ISODay(programme.drawnOn).map { (programme.id!, $0) } })
        var audits: [CaseAudit] = []
        for chunk in Array(drawn.keys).chunked(ReturnLoading.batchSize) {
            audits += try await CaseAudit.query(on: db).filter(\.$programmeID ~~ Array(chunk)).all()
        }
        audits = audits.filter { audit in
            let planned = drawn[audit.programmeID].map { $0 >= start } ?? false
            let submitted = audit.auditDay.flatMap { ISODay($0) }.map { $0 >= start && $0 <= end } ?? false
            return planned || submitted
        }
        let ids = audits.compactMap(\.id)
        var grades: [UUID: [CaseAuditGrade]] = [:], moderated: Set<UUID> = [], shortfalls: [UUID: [String]] = [:]
        for chunk in ids.chunked(ReturnLoading.batchSize) {
            let chunk = Array(chunk)
            for grade in try await CaseAuditGrade.query(on: db).filter(\.$auditID ~~ chunk).filter(\.$kind != .moderator).sort(\.$givenAt).all() {
                grades[grade.auditID, default: []].append(grade)
            }
            for moderation in try await CaseAuditModeration.query(on: db).filter(\.$auditID ~~ chunk).filter(\.$state != .assigned).all() {
                moderated.insert(moderation.auditID)
            }
            let short = [ItemAnswer.partlyMet.rawValue, ItemAnswer.notMet.rawValue]
            for answer in try await CaseAuditAnswer.query(on: db).filter(\.$auditID ~~ chunk).filter(\.$answer ~~ short).all() {
                shortfalls[answer.auditID, default: []].append(answer.item)
            }
        }
        return audits.map { audit in
            var now: [String: Int] = [:], first: [String: Int] = [:]
            var (better, worse) = (0, 0)
            for grade in grades[audit.id!] ?? [] {
                switch grade.kind {
                case .auditor:
                    first[grade.domain] = grade.grade
                    now[grade.domain] = grade.grade
                case .final:
                    if let was = first[grade.domain], was != grade.grade { if grade.grade < was { better += 1 } else { worse += 1 } }
                    now[grade.domain] = grade.grade
                case .moderator: break
                }
            }
            let overall = now.removeValue(forKey: CaseAuditGrade.overall)
            return QualityReport.Audit(
                id: audit.id!.uuidString, team: audit.team, planned: ReportMonth(drawn[audit.programmeID] ?? end),
                submitted: audit.state == .submitted ? audit.auditDay.flatMap { ISODay($0) } : nil, overall: overall, domains: now,
                moderated: moderated.contains(audit.id!), changedBetter: better, changedWorse: worse, shortfalls: shortfalls[audit.id!] ?? [])
        }
    }
}
