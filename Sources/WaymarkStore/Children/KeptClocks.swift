import FluentKit
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
///
/// Clocks worked out while an import was changing the records they were read from are not stored: each forgetting
/// counts one more generation (`kept_clock_generation`), and clocks are stored only if the generation is still the one
/// read before their records were.
package enum KeptClocks {
    /// A child's clocks as worked out for a day: the window they hold for and those still open.
    package struct Worked {
        package var childID: String
        package var window: ClockWindow
        package var open: [Timescale]
    }

    /// Forgets the kept clocks of these children, whose records are changing (in the import's transaction), and
    /// counts a generation: clocks worked out from records read before it will not be stored.
    package static func forget(_ children: [UUID], sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE \(unsafeRaw: generationTable) SET generation = generation + 1").run()
        try await remove(children, sql: sql)
    }

    static let generationTable = "kept_clock_generation"

    /// The generation now: read it before the records clocks are worked out from, and give it to `store`.
    package static func generation(_ db: any Database) async throws -> Int {
        try await (db as! any SQLDatabase).raw("SELECT generation FROM \(unsafeRaw: generationTable)").first()?.decode(
            column: "generation", as: Int.self) ?? 0
    }

    private static func remove(_ children: [UUID], sql: any SQLDatabase) async throws {
        for chunk in children.chunked(ReturnLoading.batchSize) {
            try await sql.delete(from: KeptClock.schema).where("child_id", .in, Array(chunk)).run()
            try await sql.delete(from: KeptClockWindow.schema).where("child_id", .in, Array(chunk)).run()
        }
    }

    /// SQL that is true when the window `w` holds on the day for this engine.
    package static func holds(on day: ISODay, engine: TimescaleEngine) -> String {
        let day = TextRows.literals([day.description])
        return "w.engine = \(TextRows.literals([engine.fingerprint])) AND (w.holds_from IS NULL OR w.holds_from <= \(day))"
            + " AND (w.holds_until IS NULL OR w.holds_until > \(day))"
    }

    /// Works out and keeps, as at the day, the clocks of every child who has none that hold on it: after an import,
    /// all it named. Returns how many children's clocks were worked out.
    @discardableResult
    package static func keep(on day: ISODay, engine: TimescaleEngine, db: any Database) async throws -> Int {
        let generation = try await generation(db)
        let children = try await TextRows.read(
            """
            SELECT CAST(c.id AS TEXT), c.local_id, c.date_of_birth FROM \(Child.schema) c
            WHERE NOT EXISTS (SELECT 1 FROM \(KeptClockWindow.schema) w WHERE w.child_id = c.id AND \(holds(on: day, engine: engine)))
            """, on: db)
        var worked: [Worked] = []
        // The records of exactly these children, by id, a batch at a time: asking again which children have no kept
        // clocks could leave out one a tracker kept meanwhile, whose clocks would then be worked out from no records.
        for batch in children.chunked(ReturnLoading.batchSize) {
            var localIDs: [String: String] = [:]
            for row in batch { if let id = row[0], let localID = row[1] { localIDs[id] = localID } }
            let records = try await JourneyReading.leanRecords(
                kinds: TimescaleEngine.kinds, withFields: TimescaleEngine.kindsWithFields,
                localIDs: localIDs, condition: "e.child_id IN (\(TextRows.literals(localIDs.keys))) AND", on: db)
            worked += batch.compactMap { row -> Worked? in
                guard let id = row[0], let localID = row[1] else { return nil }
                return work(childID: id, localID: localID, records: records[id] ?? [], bornOn: row[2].flatMap { ISODay($0) }, on: day, engine: engine)
            }
        }
        guard !worked.isEmpty else { return 0 }
        return try await store(worked, engine: engine, readAt: generation, db: db) ? worked.count : 0
    }

    /// One child's clocks as at the day, with the window they hold for.
    package static func work(
        childID: String, localID: String, records: [JourneyRecord], bornOn: ISODay?, on day: ISODay, engine: TimescaleEngine
    ) -> Worked {
        Worked(
            childID: childID, window: engine.window(records: records, bornOn: bornOn, on: day),
            open: engine.timescales(child: localID, records: records, bornOn: bornOn, today: day).filter(\.isOpen))
    }

    /// Replaces these children's kept clocks, all or none, unless an import has forgotten clocks since `generation`
    /// was read (then nothing is stored, and false returned: the clocks are worked out again when next wanted).
    @discardableResult
    package static func store(_ worked: [Worked], engine: TimescaleEngine, readAt generation: Int, db: any Database) async throws -> Bool {
        let fingerprint = engine.fingerprint
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            // First, so that it waits for an import still forgetting to finish, and then finds the generation moved on.
            let unchanged = try await sql.raw(
                """
                UPDATE \(unsafeRaw: generationTable) SET generation = generation WHERE generation = \(bind: generation) RETURNING generation
                """
            ).all()
            guard !unchanged.isEmpty else { return false }
            try await remove(worked.compactMap { UUID(uuidString: $0.childID) }, sql: sql)
            for chunk in worked.chunked(ReturnLoading.batchSize) {
                var insert = sql.insert(into: KeptClockWindow.schema).columns("id", "child_id", "engine", "holds_from", "holds_until")
                for child in chunk {
                    guard let id = UUID(uuidString: child.childID) else { continue }
                    insert = insert.values([
                        SQLBind(UUID()), SQLBind(id), SQLBind(fingerprint), SQLBind(child.window.from?.description),
                        SQLBind(child.window.until?.description),
                    ])
                }
                try await insert.run()
            }
            let clocks = worked.flatMap { child in UUID(uuidString: child.childID).map { id in child.open.map { (id, $0) } } ?? [] }
            for chunk in clocks.chunked(ReturnLoading.batchSize) {
                var insert = sql.insert(into: KeptClock.schema).columns("id", "child_id", "rule", "record", "starts", "due", "evidence")
                for (id, clock) in chunk {
                    insert = insert.values([
                        SQLBind(UUID()), SQLBind(id), SQLBind(clock.rule.rawValue), SQLBind(clock.record),
                        SQLBind(clock.from.description), SQLBind(clock.due.description), SQLBind(clock.evidence),
                    ])
                }
                try await insert.run()
            }
            return true
        }
    }

    /// The joins that bring in, for each child whose kept clocks hold on the day (`child` names their id column),
    /// their window `w` and each of their open clocks `k`, or none: `keptColumns` then reads them.
    package static func joins(child: String, on day: ISODay, engine: TimescaleEngine) -> String {
        "LEFT JOIN \(KeptClockWindow.schema) w ON w.child_id = \(child) AND \(holds(on: day, engine: engine)) "
            + "LEFT JOIN \(KeptClock.schema) k ON k.child_id = w.child_id"
    }

    /// Whether the child's clocks were kept ("1" or "0"), and the kept clock's rule, record, start, due day and evidence.
    static let keptColumns = "CASE WHEN w.child_id IS NULL THEN '0' ELSE '1' END, k.rule, k.record, k.starts, k.due, k.evidence"

    /// A kept clock read through `keptColumns` (from its second column), if the row has one.
    package static func clock(_ columns: ArraySlice<String?>, child localID: String) -> Timescale? {
        let column = columns.startIndex
        guard let rule = columns[column + 1].flatMap(TimescaleRule.init(rawValue:)), let from = columns[column + 3].flatMap({ ISODay($0) }),
            let due = columns[column + 4].flatMap({ ISODay($0) })
        else { return nil }
        return Timescale(
            rule: rule, childLocalID: localID, record: columns[column + 2] ?? "", from: from, due: due, met: nil,
            evidence: columns[column + 5] ?? "")
    }
}
