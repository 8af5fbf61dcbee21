import FluentKit
import Foundation
import Logging
import WaymarkDomain
import WaymarkTimescales

/// The children some teams hold now, with their team, and every clock of each as at a day; for those with clocks,
/// who they are and their worker's name.
package struct HeldChildren {
    package struct Child {
        package var id: UUID
        package var localID: String
        package var name: String?
        package var worker: String
        /// The worker's account, when the allocation is linked to one.
        package var workerID: UUID?
    }

    /// The children with any clocks, by local identifier.
    package var byLocalID: [String: Child] = [:]
    /// Every child held, by id as the database writes it as text: their team, and their clocks.
    package var teams: [String: UUID] = [:]
    package var clocks: [String: [Timescale]] = [:]

    /// A few queries whatever the number of children, read as text by position (see `TextRows`): who the teams hold
    /// and who those children are, and their records of the kinds the timescales read. With `keptClocks`, only the
    /// open clocks are wanted (the daily tracker): the first query brings the clocks kept for the day (`KeptClocks`),
    /// and only the children with a kept clock or none kept (most of a team's have kept clocks, none of them open);
    /// who those are is asked for next, by id, so that the database need not join every child of the team. Only the
    /// children without kept clocks have their records read and their clocks worked out, and kept when the day is
    /// today. `teams` then holds only those children.
    package static func read(
        teams: [UUID], on day: ISODay, keptClocks: Bool = false, engine: TimescaleEngine, logger: Logger,
        on db: any Database
    ) async throws -> HeldChildren {
        var held = HeldChildren()
        guard !teams.isEmpty else { return held }
        // What is worked out is kept only as at today; the generation is read first, for `KeptClocks.store`.
        let keeping = keptClocks && day == ISODay.today
        let generation = keeping ? try await KeptClocks.generation(db) : 0
        let (who, kept, joins, needed) =
            keptClocks
            ? (
                "NULL, NULL, NULL, NULL", KeptClocks.keptColumns, KeptClocks.joins(child: "a.child_id", on: day, engine: engine),
                "AND (w.child_id IS NULL OR k.child_id IS NOT NULL)"
            )
            : (
                "c.local_id, c.given_name, c.family_name, c.date_of_birth", "'0', NULL, NULL, NULL, NULL, NULL",
                "LEFT JOIN \(WaymarkStore.Child.schema) c ON c.id = a.child_id", ""
            )
        let rows = try await TextRows.read(
            """
            SELECT CAST(a.child_id AS TEXT), CAST(a.team_id AS TEXT), CAST(a.worker_id AS TEXT), a.worker_name, \(who), \(kept)
            FROM \(ChildAllocation.schema) a \(joins)
            WHERE a.ends IS NULL AND a.team_id IN (\(TextRows.literals(teams.map(\.uuidString)))) \(needed)
            """, on: db)
        // Each id text parsed once: a team's children share a handful of teams and workers.
        var uuids: [String: UUID] = [:]
        func uuid(_ text: String?) -> UUID? {
            guard let text else { return nil }
            if let known = uuids[text] { return known }
            let parsed = UUID(uuidString: text)
            uuids[text] = parsed
            return parsed
        }
        // Who a child is: their local identifier, name and date of birth, from four columns.
        var localIDs: [String: String] = [:], born: [String: ISODay] = [:], names: [String: String] = [:]
        func remember(_ id: String, _ columns: ArraySlice<String?>) {
            let first = columns.startIndex
            guard let localID = columns[first] else { return }
            localIDs[id] = localID
            born[id] = columns[first + 3].flatMap { ISODay($0) }
            let name = [columns[first + 1], columns[first + 2]].compactMap { $0 }.joined(separator: " ")
            if !name.isEmpty { names[id] = name }
        }
        // A child's allocation row (the first, should the teams hold them more than once), and each kept clock's row,
        // once: a child held twice comes with their kept clocks twice.
        var allocations: [String: [String?]] = [:], keptRows: [(child: String, row: [String?])] = [], notKept: [String] = []
        var keptClock: Set<[String?]> = []
        for row in rows {
            guard let id = row[0] else { continue }
            if held.teams[id] == nil {
                held.teams[id] = uuid(row[1])
                allocations[id] = row
                if !keptClocks { remember(id, row[4...7]) }
                if row[8] == "1" { held.clocks[id] = [] } else { notKept.append(id) }
            }
            if row[8] == "1", keptClock.insert([id, row[9], row[10]]).inserted { keptRows.append((id, row)) }
        }
        if keptClocks, !allocations.isEmpty {
            for person in try await TextRows.read(
                """
                SELECT CAST(c.id AS TEXT), c.local_id, c.given_name, c.family_name, c.date_of_birth FROM \(WaymarkStore.Child.schema) c
                WHERE c.id IN (\(TextRows.literals(allocations.keys)))
                """, on: db)
            {
                if let id = person[0] { remember(id, person[1...4]) }
            }
        }
        for (id, row) in keptRows {
            if let localID = localIDs[id], let clock = KeptClocks.clock(row[8...], child: localID) { held.clocks[id, default: []].append(clock) }
        }
        let records =
            notKept.isEmpty
            ? [:]
            : try await JourneyReading.leanRecords(
                kinds: TimescaleEngine.kinds, withFields: TimescaleEngine.kindsWithFields, localIDs: localIDs,
                condition: "e.child_id IN (\(TextRows.literals(notKept))) AND", on: db)
        var worked: [KeptClocks.Worked] = []
        for id in notKept {
            guard let localID = localIDs[id] else { continue }
            if keeping {
                let work = KeptClocks.work(childID: id, localID: localID, records: records[id] ?? [], bornOn: born[id], on: day, engine: engine)
                held.clocks[id] = work.open
                worked.append(work)
            } else {
                held.clocks[id] = engine.timescales(child: localID, records: records[id] ?? [], bornOn: born[id], today: day)
            }
        }
        if keeping, !worked.isEmpty {
            // Kept for the next view; the page does not depend on it, so a failure is only logged.
            do { try await KeptClocks.store(worked, engine: engine, readAt: generation, db: db) } catch {
                logger.warning("kept clocks not stored: \(String(reflecting: type(of: error)))")
            }
        }
        let listed = held.clocks.filter { !$0.value.isEmpty }.keys.compactMap { id in allocations[id].map { (id, $0) } }
        let accounts = try await User.names(ids: listed.compactMap { uuid($0.1[2]) }, on: db)
        for (id, row) in listed {
            guard let child = uuid(id), let localID = localIDs[id] else { continue }
            held.byLocalID[localID] = Child(
                id: child, localID: localID, name: names[id],
                worker: uuid(row[2]).flatMap { accounts[$0] } ?? row[3] ?? "No worker", workerID: uuid(row[2]))
        }
        return held
    }
}
