import Fluent
import Foundation
import SQLKit
import WaymarkDomain
import WaymarkReturns
import WaymarkTimescales

/// Each child's open clocks kept in the store with the window of days they hold for (`ClockWindow`), so that the
/// daily tracker reads a team's few hundred open clocks instead of working out every clock from tens of thousands of
/// records on each view.
///
/// Never stale: an import forgets the kept clocks of every child it names, in the import's own transaction; a window
/// ends on the first day a record or birthday would change the clocks; and clocks worked out under other settings or
/// bank holidays (another `TimescaleEngine.fingerprint`) are not handed out. What is forgotten or out of date is worked
/// out again after each import (`keep`) and by the tracker for any child it finds without clocks for today.
enum KeptClocks {
    /// A child's clocks as worked out for a day: the window they hold for and those still open.
    struct Worked {
        var childID: String
        var window: ClockWindow
        var open: [Timescale]
    }

    /// Forgets the kept clocks of these children: their records are changing.
    static func forget(_ children: [UUID], sql: any SQLDatabase) async throws {
        for chunk in children.chunked(ReturnLoading.batchSize) {
            try await sql.delete(from: KeptClock.schema).where("child_id", .in, Array(chunk)).run()
            try await sql.delete(from: KeptClockWindow.schema).where("child_id", .in, Array(chunk)).run()
        }
    }

    /// SQL that is true when the window `w` holds on the day for this engine.
    static func holds(on day: ISODay, engine: TimescaleEngine) -> String {
        let day = TextRows.literals([day.description])
        return "w.engine = \(TextRows.literals([engine.fingerprint])) AND (w.holds_from IS NULL OR w.holds_from <= \(day))"
            + " AND (w.holds_until IS NULL OR w.holds_until > \(day))"
    }

    /// Works out and keeps, as at the day, the clocks of every child who has none that hold on it: after an import,
    /// all it named. Returns how many children's clocks were worked out.
    @discardableResult
    static func keep(on day: ISODay, engine: TimescaleEngine, db: any Database) async throws -> Int {
        let stale = "SELECT c.id FROM \(Child.schema) c WHERE NOT EXISTS (SELECT 1 FROM \(KeptClockWindow.schema) w WHERE w.child_id = c.id AND \(holds(on: day, engine: engine)))"
        let children = try await TextRows.read("SELECT CAST(id AS TEXT), local_id, date_of_birth FROM \(Child.schema) WHERE id IN (\(stale))", on: db)
        guard !children.isEmpty else { return 0 }
        var localIDs: [String: String] = [:]
        for row in children { if let id = row[0], let localID = row[1] { localIDs[id] = localID } }
        let records = try await JourneyReading.leanRecords(kinds: TimescaleEngine.kinds, withFields: TimescaleEngine.kindsWithFields, localIDs: localIDs,
                                                           condition: "e.child_id IN (\(stale)) AND", on: db)
        let worked = children.compactMap { row -> Worked? in
            guard let id = row[0], let localID = row[1] else { return nil }
            return work(childID: id, localID: localID, records: records[id] ?? [], bornOn: row[2].flatMap { ISODay($0) }, on: day, engine: engine)
        }
        try await store(worked, engine: engine, db: db)
        return worked.count
    }

    /// One child's clocks as at the day, with the window they hold for.
    static func work(childID: String, localID: String, records: [JourneyRecord], bornOn: ISODay?, on day: ISODay, engine: TimescaleEngine) -> Worked {
        Worked(childID: childID, window: engine.window(records: records, bornOn: bornOn, on: day),
               open: engine.timescales(child: localID, records: records, bornOn: bornOn, today: day).filter { $0.met == nil && !$0.closed })
    }

    /// Replaces these children's kept clocks, all or none.
    static func store(_ worked: [Worked], engine: TimescaleEngine, db: any Database) async throws {
        let fingerprint = engine.fingerprint
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await forget(worked.compactMap { UUID(uuidString: $0.childID) }, sql: sql)
            for chunk in worked.chunked(ReturnLoading.batchSize) {
                var insert = sql.insert(into: KeptClockWindow.schema).columns("id", "child_id", "engine", "holds_from", "holds_until")
                for child in chunk {
                    guard let id = UUID(uuidString: child.childID) else { continue }
                    insert = insert.values([SQLBind(UUID()), SQLBind(id), SQLBind(fingerprint), SQLBind(child.window.from?.description),
                                            SQLBind(child.window.until?.description)])
                }
                try await insert.run()
            }
            let clocks = worked.flatMap { child in UUID(uuidString: child.childID).map { id in child.open.map { (id, $0) } } ?? [] }
            for chunk in clocks.chunked(ReturnLoading.batchSize) {
                var insert = sql.insert(into: KeptClock.schema).columns("id", "child_id", "rule", "record", "starts", "due", "evidence")
                for (id, clock) in chunk {
                    insert = insert.values([SQLBind(UUID()), SQLBind(id), SQLBind(clock.rule.rawValue), SQLBind(clock.record),
                                            SQLBind(clock.from.description), SQLBind(clock.due.description), SQLBind(clock.evidence)])
                }
                try await insert.run()
            }
        }
    }

    /// The kept open clocks, for the day, of the children a subquery picks (`SELECT … child_id …`): the children
    /// whose kept clocks hold on it (by id as the database writes it as text), and those clocks by child. One query:
    /// each such child's window, with each of their open clocks or none.
    static func read(childrenIn subquery: String, localIDs: [String: String], on day: ISODay, engine: TimescaleEngine,
                     db: any Database) async throws -> (children: Set<String>, open: [String: [Timescale]]) {
        var children: Set<String> = [], open: [String: [Timescale]] = [:]
        for row in try await TextRows.read("""
            SELECT CAST(w.child_id AS TEXT), k.rule, k.record, k.starts, k.due, k.evidence
            FROM \(KeptClockWindow.schema) w LEFT JOIN \(KeptClock.schema) k ON k.child_id = w.child_id
            WHERE w.child_id IN (\(subquery)) AND \(holds(on: day, engine: engine))
            """, on: db) {
            guard let id = row[0] else { continue }
            children.insert(id)
            guard let rule = row[1].flatMap(TimescaleRule.init(rawValue:)), let from = row[3].flatMap({ ISODay($0) }),
                  let due = row[4].flatMap({ ISODay($0) }) else { continue }
            open[id, default: []].append(Timescale(rule: rule, childLocalID: localIDs[id] ?? "", record: row[2] ?? "", from: from, due: due, met: nil,
                                                   evidence: row[5] ?? ""))
        }
        return (children, open)
    }
}
