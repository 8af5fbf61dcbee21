import FluentKit
import Foundation
import WaymarkDomain

/// The audits the monthly QA report reads: every audit planned or submitted in the 12 months to a month's end, with
/// its grades now (the final grade where moderation decided one, else the auditor's), what moderation changed, and
/// the items it found partly or not met. Four queries read as text (`TextRows`), whatever the number of audits:
/// decoding 3,000 audits' grades and answers into models took over a second.
package enum QualityReportData {
    package static func audits(to month: ReportMonth, on db: any Database) async throws -> [QualityReport.Audit] {
        let (start, end) = (month.adding(-11).first.description, month.last.description)
        // A programme drawn before the 12 months may have audits submitted in them; one drawn after has none.
        let within = """
            FROM \(CaseAudit.schema) a JOIN \(AuditProgramme.schema) p ON p.id = a.programme_id
            WHERE p.drawn_on <= '\(end)' AND (p.drawn_on >= '\(start)' OR (a.audit_day >= '\(start)' AND a.audit_day <= '\(end)'))
            """
        let audits = try await TextRows.read(
            "SELECT CAST(a.id AS TEXT), a.team, a.state, a.audit_day, p.drawn_on \(within)", on: db)
        var grades: [String: [(domain: String, grade: Int, final: Bool)]] = [:]
        for row in try await TextRows.read(
            """
            SELECT CAST(g.audit_id AS TEXT), g.domain, CAST(g.grade AS TEXT), g.kind FROM \(CaseAuditGrade.schema) g
            WHERE g.kind IN ('\(GradeKind.auditor.rawValue)', '\(GradeKind.final.rawValue)') AND g.audit_id IN (SELECT a.id \(within)) ORDER BY g.given_at
            """, on: db)
        {
            guard let audit = row[0], let domain = row[1], let grade = row[2].flatMap({ Int($0) }) else { continue }
            grades[audit.lowercased(), default: []].append((domain, grade, row[3] == GradeKind.final.rawValue))
        }
        let moderated = Set(
            try await TextRows.read(
                """
                SELECT CAST(m.audit_id AS TEXT) FROM \(CaseAuditModeration.schema) m
                WHERE m.state <> '\(ModerationState.assigned.rawValue)' AND m.audit_id IN (SELECT a.id \(within))
                """, on: db
            ).compactMap { $0[0]?.lowercased() })
        var shortfalls: [String: [String]] = [:]
        for row in try await TextRows.read(
            """
            SELECT CAST(r.audit_id AS TEXT), r.item FROM \(CaseAuditAnswer.schema) r
            WHERE r.answer IN ('\(ItemAnswer.partlyMet.rawValue)', '\(ItemAnswer.notMet.rawValue)') AND r.audit_id IN (SELECT a.id \(within))
            """, on: db)
        {
            guard let audit = row[0], let item = row[1] else { continue }
            shortfalls[audit.lowercased(), default: []].append(item)
        }
        return audits.compactMap { row in
            guard let id = row[0]?.lowercased(), let team = row[1], let drawn = row[4].flatMap({ ISODay($0) }) else { return nil }
            var now: [String: Int] = [:], first: [String: Int] = [:]
            var (better, worse) = (0, 0)
            for grade in grades[id] ?? [] {
                if grade.final, let was = first[grade.domain], was != grade.grade {
                    if grade.grade < was { better += 1 } else { worse += 1 }
                } else if !grade.final {
                    first[grade.domain] = grade.grade
                }
                now[grade.domain] = grade.grade
            }
            let overall = now.removeValue(forKey: CaseAuditGrade.overall)
            let submitted = row[2] == CaseAuditState.submitted.rawValue ? row[3].flatMap { ISODay($0) } : nil
            return QualityReport.Audit(
                id: id, team: team, planned: ReportMonth(drawn), submitted: submitted, overall: overall, domains: now,
                moderated: moderated.contains(id), changedBetter: better, changedWorse: worse, shortfalls: shortfalls[id] ?? [])
        }
    }

    /// The learning actions added in the 12 months to a month's end, as the report counts them.
    package static func actions(to month: ReportMonth, on db: any Database) async throws -> [QualityReport.Action] {
        let rows = try await LearningAction.query(on: db).filter(\.$createdAt >= month.adding(-11).first.start)
            .filter(\.$createdAt < month.last.nextDay.start).all()
        return rows.compactMap { action in ISODay(action.due).map { .init(added: ISODay(action.createdAt), due: $0, state: action.state) } }
    }

    /// Every grade moderation settled for audits submitted in the 12 months to a month's end: whose, in which quarter,
    /// the first grade and the final one.
    package static func settledGrades(to month: ReportMonth, on db: any Database) async throws -> [AuditorBias.Settled] {
        let (start, end) = (month.adding(-11).first.description, month.last.description)
        let rows = try await TextRows.read(
            """
            SELECT CAST(g.audit_id AS TEXT), g.domain, CAST(g.grade AS TEXT), g.kind, g.given_by_name, a.audit_day
            FROM \(CaseAuditGrade.schema) g JOIN \(CaseAudit.schema) a ON a.id = g.audit_id
            JOIN \(CaseAuditModeration.schema) m ON m.audit_id = a.id
            WHERE m.state IN ('\(ModerationState.agreed.rawValue)', '\(ModerationState.adjudicated.rawValue)')
            AND g.kind IN ('\(GradeKind.auditor.rawValue)', '\(GradeKind.final.rawValue)') AND a.audit_day >= '\(start)' AND a.audit_day <= '\(end)'
            ORDER BY g.given_at
            """, on: db)
        var first: [String: (auditor: String, day: ISODay, grade: Int)] = [:], final: [String: Int] = [:]
        var order: [String] = []
        for row in rows {
            guard let audit = row[0]?.lowercased(), let domain = row[1], let grade = row[2].flatMap({ Int($0) }),
                let day = row[5].flatMap({ ISODay($0) })
            else { continue }
            let key = "\(audit)|\(domain)"
            if row[3] == GradeKind.auditor.rawValue {
                if first[key] == nil { order.append(key) }
                first[key] = (row[4] ?? "–", day, grade)
            } else {
                final[key] = grade
            }
        }
        return order.compactMap { key in
            first[key].map { .init(auditor: $0.auditor, quarter: AuditorBias.quarter(of: $0.day), first: $0.grade, final: final[key] ?? $0.grade) }
        }
    }

    /// Every domain grade given more than once for audits submitted in the 12 months to a month's end: the first
    /// auditor's, then the second auditor's and the external moderator's where given (`ModerationAgreement.Graded`,
    /// domains by id), in the order first graded.
    package static func gradedAgain(to month: ReportMonth, on db: any Database) async throws -> [ModerationAgreement.Graded] {
        let (start, end) = (month.adding(-11).first.description, month.last.description)
        let rows = try await TextRows.read(
            """
            SELECT CAST(g.audit_id AS TEXT), g.domain, CAST(g.grade AS TEXT), g.kind, g.given_by_name, a.audit_day
            FROM \(CaseAuditGrade.schema) g JOIN \(CaseAudit.schema) a ON a.id = g.audit_id
            WHERE g.kind IN ('\(GradeKind.auditor.rawValue)', '\(GradeKind.moderator.rawValue)', '\(GradeKind.external.rawValue)')
            AND a.audit_day >= '\(start)' AND a.audit_day <= '\(end)'
            ORDER BY g.given_at
            """, on: db)
        var first: [String: (auditor: String, domain: String, day: ISODay, grade: Int)] = [:], order: [String] = []
        var second: [String: Int] = [:], external: [String: Int] = [:]
        for row in rows {
            guard let audit = row[0]?.lowercased(), let domain = row[1], let grade = row[2].flatMap({ Int($0) }),
                let day = row[5].flatMap({ ISODay($0) })
            else { continue }
            let key = "\(audit)|\(domain)"
            switch row[3] {
            case GradeKind.auditor.rawValue where first[key] == nil:
                order.append(key)
                first[key] = (row[4] ?? "–", domain, day, grade)
            case GradeKind.moderator.rawValue where second[key] == nil: second[key] = grade
            case GradeKind.external.rawValue where external[key] == nil: external[key] = grade
            default: continue
            }
        }
        return order.compactMap { key in
            guard let given = first[key], second[key] != nil || external[key] != nil else { return nil }
            return .init(
                auditor: given.auditor, quarter: AuditorBias.quarter(of: given.day), domain: given.domain,
                grades: [given.grade] + [second[key], external[key]].compactMap { $0 })
        }
    }

    /// The timescales kept with each audit submitted in the 12 months to a month's end: the audit, the rule, how many
    /// fell due and how many were on time.
    package static func timescalesKept(
        to month: ReportMonth, on db: any Database
    ) async throws -> [(audit: String, rule: String, due: Int, onTime: Int)] {
        let (start, end) = (month.adding(-11).first.description, month.last.description)
        return try await TextRows.read(
            """
            SELECT CAST(t.audit_id AS TEXT), t.rule, CAST(t.due AS TEXT), CAST(t.on_time AS TEXT)
            FROM \(CaseAuditTimescale.schema) t JOIN \(CaseAudit.schema) a ON a.id = t.audit_id
            WHERE a.audit_day >= '\(start)' AND a.audit_day <= '\(end)'
            """, on: db
        ).compactMap { row in
            guard let audit = row[0]?.lowercased(), let rule = row[1], let due = row[2].flatMap({ Int($0) }), let onTime = row[3].flatMap({ Int($0) })
            else { return nil }
            return (audit, rule, due, onTime)
        }
    }
}
