import FluentKit
import Foundation
import SQLKit
import WaymarkDomain

/// Supervision agreements, sessions and the children discussed in them. Setting up an agreement and recording a
/// session are in the audit trail (record type `supervision`); each child discussed is a change to the child's record,
/// audited under the child.
package enum SupervisionStore {
    package struct Refused: Error, Sendable {
        package var message: String
    }

    /// Sets up an agreement, ending the supervisee's agreement in force (if any) on the day the new one starts.
    package static func createAgreement(
        _ agreement: SupervisionAgreementForm.Checked, by user: User, actor: AuditTrail.Actor, on db: any Database
    ) async throws -> UUID {
        try await db.transaction { db in
            let supervisee = UUID(uuidString: agreement.supervisee)!
            for current in try await SupervisionAgreement.query(on: db).filter(\.$superviseeID == supervisee).filter(\.$ends == nil).all() {
                guard current.starts < agreement.starts.description else {
                    throw Refused(
                        message:
                            "Their agreement in force started on \(ISODay(current.starts)?.written ?? current.starts): a new one must start after it."
                    )
                }
                current.ends = agreement.starts.description
                try await current.save(on: db)
            }
            let record = SupervisionAgreement()
            record.superviseeID = supervisee
            record.supervisorID = UUID(uuidString: agreement.supervisor)!
            record.coverID = agreement.cover.flatMap(UUID.init(uuidString:))
            record.starts = agreement.starts.description
            if case .newlyQualified(let since) = agreement.cadence { record.newlyQualifiedSince = since.description }
            record.createdByName = user.displayName
            record.createdAt = Date()
            try await record.create(on: db)
            let id = try record.requireID()
            try await AuditTrail.record(
                .create, recordType: .supervision, recordID: id.uuidString, detail: "supervision agreement from \(agreement.starts)", by: actor,
                on: db)
            return id
        }
    }

    /// Whether any agreement has been set up (the demo adds its own only where none has).
    package static func anyAgreement(on db: any Database) async throws -> Bool {
        try await SupervisionAgreement.query(on: db).first() != nil
    }

    package static func agreement(_ id: UUID, on db: any Database) async throws -> SupervisionAgreement? {
        try await SupervisionAgreement.find(id, on: db)
    }

    /// The agreements of these people in force on the day (begun, and not ended by the next one's start).
    package static func agreementsInForce(of supervisees: [UUID], on day: ISODay, db: any Database) async throws -> [SupervisionAgreement] {
        var found: [SupervisionAgreement] = []
        for chunk in supervisees.chunked(ReturnLoading.batchSize) {
            found += try await inForce(SupervisionAgreement.query(on: db).filter(\.$superviseeID ~~ Array(chunk)), on: day).all()
        }
        return found
    }

    /// The agreements in force on the day in which this person supervises or covers.
    package static func agreements(supervisedBy userID: UUID, on day: ISODay, db: any Database) async throws -> [SupervisionAgreement] {
        try await inForce(SupervisionAgreement.query(on: db), on: day)
            .group(.or) { $0.filter(\.$supervisorID == userID).filter(\.$coverID == userID) }.all()
    }

    private static func inForce(_ query: QueryBuilder<SupervisionAgreement>, on day: ISODay) -> QueryBuilder<SupervisionAgreement> {
        query.filter(\.$starts <= day.description).group(.or) { $0.filter(\.$ends == nil).filter(\.$ends > day.description) }
    }

    /// The days each agreement's sessions were held (cancelled ones left out).
    package static func heldDays(of agreements: [UUID], on db: any Database) async throws -> [UUID: [ISODay]] {
        struct Row: Decodable { var agreement_id: UUID; var held_on: String }
        var rows: [Row] = []
        for chunk in agreements.chunked(ReturnLoading.batchSize) {
            rows += try await (db as! any SQLDatabase).select().columns("agreement_id", "held_on").from(SupervisionSession.schema)
                .where("agreement_id", .in, Array(chunk)).where("cancelled_because", .is, SQLLiteral.null).all(decoding: Row.self)
        }
        return Dictionary(grouping: rows, by: \.agreement_id).mapValues { $0.compactMap { ISODay($0.held_on) } }
    }

    /// An agreement's sessions, latest first.
    package static func sessions(of agreementID: UUID, on db: any Database) async throws -> [SupervisionSession] {
        try await SupervisionSession.query(on: db).filter(\.$agreementID == agreementID).sort(\.$heldOn, .descending)
            .sort(\.$recordedAt, .descending).all()
    }

    package static func session(_ id: UUID, on db: any Database) async throws -> SupervisionSession? { try await SupervisionSession.find(id, on: db) }

    /// The wellbeing note of a session: for its supervisee and supervisor only (the caller decides), never in a list.
    package static func wellbeing(ofSession id: UUID, on db: any Database) async throws -> String? {
        try await SupervisionWellbeing.find(id, on: db)?.note
    }

    /// How many children each of these sessions discussed (none listed: none).
    package static func discussionCounts(ofSessions ids: [UUID], on db: any Database) async throws -> [UUID: Int] {
        struct Row: Decodable { var session_id: UUID }
        var counts: [UUID: Int] = [:]
        for chunk in ids.chunked(ReturnLoading.batchSize) {
            for row in try await (db as! any SQLDatabase).select().column("session_id").from(CaseDiscussion.schema)
                .where("session_id", .in, Array(chunk)).all(decoding: Row.self)
            {
                counts[row.session_id, default: 0] += 1
            }
        }
        return counts
    }

    package static func discussions(ofSession id: UUID, on db: any Database) async throws -> [CaseDiscussion] {
        try await CaseDiscussion.query(on: db).filter(\.$sessionID == id).all()
    }

    /// A child's case discussions, oldest first: for their chronology and their audit's evidence.
    package static func discussions(ofChild id: UUID, on db: any Database) async throws -> [CaseDiscussion] {
        try await CaseDiscussion.query(on: db).filter(\.$childID == id).sort(\.$heldOn).all()
    }

    /// The days each of these children was discussed.
    package static func discussedDays(of children: [UUID], on db: any Database) async throws -> [UUID: [ISODay]] {
        struct Row: Decodable { var child_id: UUID; var held_on: String }
        var rows: [Row] = []
        for chunk in children.chunked(ReturnLoading.batchSize) {
            rows += try await (db as! any SQLDatabase).select().columns("child_id", "held_on").from(CaseDiscussion.schema)
                .where("child_id", .in, Array(chunk)).all(decoding: Row.self)
        }
        return Dictionary(grouping: rows, by: \.child_id).mapValues { $0.compactMap { ISODay($0.held_on) } }
    }

    /// Records a session under an agreement in force, with the children discussed (ids lower-cased, to their local
    /// identifiers for the audit trail). Refused, with nothing kept, when the agreement has ended.
    package static func record(
        _ session: SupervisionSessionForm.Checked, under agreement: SupervisionAgreement, superviseeName: String,
        children: [String: (id: UUID, localID: String)], by user: User, actor: AuditTrail.Actor, on db: any Database
    ) async throws -> UUID {
        try await db.transaction { db in
            guard let current = try await SupervisionAgreement.find(agreement.requireID(), on: db), current.inForce(on: session.heldOn) else {
                throw Refused(message: "This supervision agreement was not in force on the session's day: record it under the one that was.")
            }
            let record = SupervisionSession()
            record.agreementID = try current.requireID()
            record.kind = session.kind.rawValue
            record.heldOn = session.heldOn.description
            record.heldByID = try user.requireID()
            record.heldByName = user.displayName
            record.cancelledBecause = session.cancelledBecause
            record.attendees = session.attendees
            record.experience = session.experience
            record.reflection = session.reflection
            record.analysis = session.analysis
            record.nextSteps = session.nextSteps
            record.recordedAt = Date()
            try await record.create(on: db)
            let id = try record.requireID()
            if !session.wellbeing.isEmpty {
                let wellbeing = SupervisionWellbeing()
                wellbeing.id = id
                wellbeing.note = session.wellbeing
                try await wellbeing.create(on: db)
            }
            for discussed in session.discussions {
                guard let child = children[discussed.child] else { throw Refused(message: "A child discussed is not one the supervisee holds.") }
                let discussion = CaseDiscussion()
                discussion.sessionID = id
                discussion.childID = child.id
                discussion.heldOn = session.heldOn.description
                discussion.superviseeName = superviseeName
                discussion.heldByName = user.displayName
                discussion.discussion = discussed.discussion
                discussion.decision = discussed.decision
                discussion.action = discussed.action
                discussion.actionOwner = discussed.actionOwner
                discussion.actionDue = discussed.actionDue?.description
                try await discussion.create(on: db)
                try await AuditTrail.record(
                    .update, recordType: .child, recordID: child.localID, detail: "case discussion in supervision", by: actor, on: db)
            }
            let what = session.cancelledBecause == nil ? "held" : "cancelled"
            try await AuditTrail.record(
                .create, recordType: .supervision, recordID: try current.requireID().uuidString,
                detail:
                    "session on \(session.heldOn) recorded (\(what); \(Counted.phrase(session.discussions.count, "child", plural: "children")) discussed)",
                by: actor,
                on: db)
            return id
        }
    }
}
